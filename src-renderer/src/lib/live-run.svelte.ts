// What a view shows of one run while it streams: tokens, output lines, counters and rate
// samples. Batches are absorbed into plain buffers as they arrive and published to the
// reactive fields at most once per animation frame, so a fast engine never floods the DOM.

import type { Counters, RunRecord } from '../../../src-main/shared/api.ts';
import { claimRun, type Progress } from './events.ts';
import { Lines } from './lines.ts';
import { TokenBuffer } from './token-buffer.ts';

const ZERO: Counters = { tokens: 0, steps: 0, tokensPerSecond: 0, elapsedMs: 0 };

export class LiveRun {
  runId = $state<number | null>(null);
  running = $state(false);
  /** bumped when tokens or lines were appended; views read the buffers below */
  version = $state(0);
  /** lengths of the buffers below, as of the last published frame */
  tokenCount = $state(0);
  lineCount = $state(0);
  counters = $state<Counters>(ZERO);
  samples = $state<[number, number][]>([]);
  record = $state<RunRecord | null>(null);
  error = $state<string | null>(null);
  readonly tokens = new TokenBuffer();
  readonly lines = new Lines();
  private latest: Counters | null = null;
  private frame = 0;
  private release: (() => void) | null = null;

  /** Follows the run that `starting` will name; clears what was shown before. */
  async follow(starting: Promise<{ runId: number }>): Promise<void> {
    this.reset();
    this.running = true;
    try {
      const { runId } = await starting;
      this.runId = runId;
      this.release = claimRun(runId, {
        progress: (e) => this.absorb(e),
        ended: (run) => this.end(run),
      });
    } catch (e) {
      this.running = false;
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  reset(): void {
    this.release?.();
    this.release = null;
    this.runId = null;
    this.running = false;
    this.tokens.clear();
    this.lines.clear();
    this.counters = ZERO;
    this.samples = [];
    this.record = null;
    this.error = null;
    this.bump();
  }

  private absorb(e: Progress): void {
    this.tokens.append(e.tokens);
    this.lines.append(e.output);
    this.latest = e.counters;
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.publish());
  }

  private publish(): void {
    this.frame = 0;
    const c = this.latest;
    if (c) {
      this.counters = c;
      const last = this.samples.at(-1);
      if (!last || c.elapsedMs - last[0] >= 200)
        this.samples = [...this.samples, [c.elapsedMs, c.tokens]];
    }
    this.bump();
  }

  private bump(): void {
    this.tokenCount = this.tokens.length;
    this.lineCount = this.lines.count;
    this.version++;
  }

  private end(run: RunRecord): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.publish();
    this.release?.();
    this.release = null;
    // the stored output is authoritative (native runs stream none)
    this.lines.clear();
    this.lines.append(run.output);
    this.counters = {
      tokens: run.tokens,
      steps: run.steps,
      elapsedMs: run.elapsedMs,
      tokensPerSecond: run.elapsedMs > 0 ? (run.tokens * 1000) / run.elapsedMs : 0,
    };
    if (run.samples.length > 0) this.samples = run.samples;
    this.record = run;
    this.running = false;
    this.bump();
  }
}
