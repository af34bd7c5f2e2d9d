// Starts runs and solves on the engine host and sees each to its stored end: records batches
// while they stream, forwards them to the UI, and settles the final status. A cancel that the
// engine does not honour within CANCEL_GRACE_MS ends the host process (it is restarted).

import type { AppEvent, RunStartRequest, SolveRequest } from '../shared/api.ts';
import type { Logger } from '../shared/logger.ts';
import type { HostClient, RunHandlers } from '../host/host-client.ts';
import type { RunStore, RunEnding } from '../storage/runs.ts';
import { RunRecorder } from './recorder.ts';
import { compareTraces } from './compare.ts';

const CANCEL_GRACE_MS = 3000;

export class RunSupervisor {
  private recorders = new Map<number, RunRecorder>();
  private cancelling = new Set<number>();

  constructor(
    private readonly runs: RunStore,
    private readonly host: HostClient,
    private readonly log: Logger,
    private readonly emit: (e: AppEvent) => void,
  ) {}

  startRun(r: RunStartRequest, reexecutes: number | null): number {
    const runId = this.runs.create({
      kind: 'program',
      programId: r.programId,
      programName: r.programName,
      source: r.source,
      input: r.input,
      problem: null,
      engine: r.engine,
      maxTokens: r.maxTokens,
      size: `${new TextEncoder().encode(r.input).length} B input`,
      reexecutes,
    });
    const { source, input, engine, maxTokens } = r;
    this.host.stream({ type: 'run', runId, source, input, engine, maxTokens }, this.track(runId));
    return runId;
  }

  startSolve(r: SolveRequest, reexecutes: number | null): number {
    const rows = r.problem.costs.length;
    const runId = this.runs.create({
      kind: 'assignment',
      programId: null,
      programName: 'hungarian.c',
      source: '',
      input: '',
      problem: r.problem,
      engine: r.engine,
      maxTokens: r.maxTokens,
      size: `${rows}x${r.problem.costs[0]?.length ?? 0}`,
      reexecutes,
    });
    const { problem, engine, maxTokens } = r;
    this.host.stream({ type: 'solve', runId, problem, engine, maxTokens }, this.track(runId));
    return runId;
  }

  /** Runs a stored run again with the same inputs; its end compares the two traces. */
  reexecute(runId: number): number {
    const old = this.runs.get(runId);
    const engine = old.engine;
    if (old.kind === 'assignment' && old.problem) {
      return this.startSolve({ problem: old.problem, engine, maxTokens: old.maxTokens }, runId);
    }
    const { programId, programName, source, input, maxTokens } = old;
    return this.startRun({ programId, programName, source, input, engine, maxTokens }, runId);
  }

  cancel(runId: number): void {
    if (!this.host.isRunning(runId)) return;
    this.cancelling.add(runId);
    this.host.cancel(runId);
    setTimeout(() => {
      if (!this.host.isRunning(runId)) return;
      this.log.warn(`run ${runId} did not stop within ${CANCEL_GRACE_MS} ms; ending the engine`);
      this.host.kill();
    }, CANCEL_GRACE_MS);
  }

  /** Called on quit: what was streamed is flushed; startup marks these runs interrupted. */
  interruptAll(): void {
    for (const rec of this.recorders.values()) rec.flush();
  }

  private track(runId: number): RunHandlers {
    const rec = new RunRecorder(this.runs, runId);
    this.recorders.set(runId, rec);
    return {
      onBatch: (b) => {
        rec.add(b.tokens, b.output, b.counters);
        const { tokens, output, counters } = b;
        this.emit({ type: 'progress', runId, tokens, output, counters });
      },
      onEnd: (result) => {
        this.recorders.delete(runId);
        this.settle(rec, result.ok ? endingOf(result.final) : this.failure(runId, result.error));
      },
    };
  }

  private failure(runId: number, error: string): RunEnding {
    const cancelled = this.cancelling.has(runId);
    return {
      status: cancelled ? 'cancelled' : 'failed',
      counters: { tokens: 0, steps: 0, tokensPerSecond: 0, elapsedMs: 0 },
      error: cancelled ? null : error,
      end: cancelled ? 'cancelled' : null,
    };
  }

  private settle(rec: RunRecorder, ending: RunEnding): void {
    const runId = rec.runId;
    this.cancelling.delete(runId);
    try {
      rec.flush();
      // a failed run keeps the counters it streamed; a finished one takes the engine's
      if (ending.counters.tokens === 0) ending.counters = rec.counters;
      this.runs.finish(runId, ending);
      const original = this.runs.reexecutes(runId);
      if (original !== null && ending.status === 'finished') {
        this.runs.setReproduction(runId, {
          ofRunId: original,
          ...reproduce(this.runs, original, runId),
        });
      }
    } catch (e) {
      this.log.error(`run ${runId}: could not store its end: ${String(e)}`);
    }
    this.log.info(`run ${runId} ${ending.status}`);
    this.emit({ type: 'run-ended', run: this.runs.get(runId) });
  }
}

function reproduce(runs: RunStore, original: number, runId: number) {
  const expected = runs.readTrace(original);
  const actual = runs.readTrace(runId);
  if (expected.length + actual.length > 0) {
    return { basis: 'trace' as const, ...compareTraces(expected, actual) };
  }
  // native runs keep no trace: their output is what can be compared
  const a = new TextEncoder().encode(runs.get(original).output);
  const b = new TextEncoder().encode(runs.get(runId).output);
  return { basis: 'output' as const, ...compareTraces(Int32Array.from(a), Int32Array.from(b)) };
}

function endingOf(final: import('../host/protocol.ts').RunFinal): RunEnding {
  return {
    status: final.cancelled ? 'cancelled' : 'finished',
    counters: final.counters,
    output: final.output,
    outcome: final.outcome,
    end: final.end,
    trap: final.trap,
    exitStatus: final.exitStatus,
  };
}
