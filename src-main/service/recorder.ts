// Writes one streaming run to storage as it goes: trace chunks as they fill, and at least every
// FLUSH_MS the partial chunk, the new output and the counters, each flush one transaction.
// What a crash can lose is bounded by FLUSH_MS of trace, never earlier data.

import type { Counters } from '../shared/api.ts';
import type { RunStore } from '../storage/runs.ts';
import { ChunkBuffer } from '../storage/trace-codec.ts';

const FLUSH_MS = 500;
const SAMPLE_MS = 200;
const MAX_SAMPLES = 4000;

export class RunRecorder {
  private chunks = new ChunkBuffer();
  private ready: Int32Array[] = []; // full chunks not yet written
  private output = '';
  private flushedAt = 0;
  private sampledAt = -Infinity;
  counters: Counters = { tokens: 0, steps: 0, tokensPerSecond: 0, elapsedMs: 0 };
  samples: [number, number][] = []; // [elapsedMs, tokens]

  constructor(
    private readonly store: RunStore,
    readonly runId: number,
  ) {}

  add(tokens: Int32Array, output: string, counters: Counters, now = Date.now()): void {
    this.ready.push(...this.chunks.push(tokens));
    this.output += output;
    this.counters = counters;
    this.sample(counters);
    if (now - this.flushedAt >= FLUSH_MS) this.flush(now);
  }

  /** Writes everything received so far, partial chunk included. */
  flush(now = Date.now()): void {
    const rest = this.chunks.drain();
    if (rest) this.ready.push(rest);
    this.store.appendProgress(this.runId, this.ready, this.output, this.counters, this.samples);
    this.ready = [];
    this.output = '';
    this.flushedAt = now;
  }

  private sample(c: Counters): void {
    if (c.elapsedMs - this.sampledAt < SAMPLE_MS) return;
    this.sampledAt = c.elapsedMs;
    this.samples.push([Math.round(c.elapsedMs), c.tokens]);
    // keep the chart's resolution bounded on very long runs
    if (this.samples.length > MAX_SAMPLES)
      this.samples = this.samples.filter((_, i) => i % 2 === 0);
  }
}
