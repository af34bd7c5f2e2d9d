// The app's handle on the engine host: starts it, answers requests through it, routes streamed
// batches to their run, and restarts the process whenever it exits. Runs alive when the
// process died end with an error, so the caller can mark them failed.

import type { EngineStatus, ModelInfo, ProblemFormat } from '../shared/api.ts';
import type { AssignmentProblem, CompileReport } from '../shared/api.ts';
import type { Logger } from '../shared/logger.ts';
import type { HostEvent, HostProcess, HostRequest, ReplyValue, SpawnHost } from './protocol.ts';
import type { Batch } from './batcher.ts';
import type { RunFinal } from './protocol.ts';

export interface RunHandlers {
  onBatch(batch: Batch): void;
  onEnd(result: { ok: true; final: RunFinal } | { ok: false; error: string }): void;
}

type StreamRequest = Extract<HostRequest, { type: 'run' | 'solve' }>;
type CallRequest = Extract<HostRequest, { type: 'compile' | 'parse' | 'modelInfo' }>;
type Pending = { resolve: (v: ReplyValue) => void; reject: (e: Error) => void };
type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Delay before a restart after an exit, so a host that dies at once does not spin. */
const RESTART_DELAY_MS = 300;

export class HostClient {
  private proc: HostProcess | null = null;
  private ready = false;
  private queue: HostRequest[] = [];
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private runs = new Map<number, RunHandlers>();
  private closed = false;
  status: EngineStatus = { state: 'starting', pid: null, restarts: 0, problem: null };

  constructor(
    private readonly spawn: SpawnHost,
    private readonly log: Logger,
    private readonly onStatus: (s: EngineStatus) => void = () => {},
  ) {
    this.start();
  }

  compile(source: string): Promise<CompileReport> {
    return this.call({ type: 'compile', source }) as Promise<CompileReport>;
  }

  parse(text: string, format: ProblemFormat): Promise<AssignmentProblem> {
    return this.call({ type: 'parse', text, format }) as Promise<AssignmentProblem>;
  }

  modelInfo(): Promise<ModelInfo> {
    return this.call({ type: 'modelInfo' }) as Promise<ModelInfo>;
  }

  stream(request: StreamRequest, handlers: RunHandlers): void {
    this.runs.set(request.runId, handlers);
    this.post(request);
  }

  cancel(runId: number): void {
    if (this.runs.has(runId)) this.post({ type: 'cancel', runId });
  }

  isRunning(runId: number): boolean {
    return this.runs.has(runId);
  }

  /** Ends the process; it is restarted like after a crash (used for stuck cancels). */
  kill(): void {
    this.proc?.kill();
  }

  close(): void {
    this.closed = true;
    this.proc?.kill();
  }

  private call(request: Distribute<CallRequest>): Promise<ReplyValue> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ ...request, id } as CallRequest);
    });
  }

  private post(request: HostRequest): void {
    if (this.ready && this.proc) this.proc.send(request);
    else this.queue.push(request);
  }

  private start(): void {
    this.ready = false;
    const proc = this.spawn();
    this.proc = proc;
    this.setStatus({ state: 'starting', pid: proc.pid });
    proc.onMessage((m) => this.receive(m));
    proc.onExit((code) => this.exited(proc, code));
  }

  private receive(m: HostEvent): void {
    if (m.type === 'ready') {
      this.ready = true;
      this.setStatus({ state: 'ready', pid: m.pid, problem: m.problem });
      if (m.problem) this.log.warn(`engine host: ${m.problem}`);
      const queued = this.queue;
      this.queue = [];
      for (const r of queued) this.proc?.send(r);
    } else if (m.type === 'reply') {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.ok) p?.resolve(m.value);
      else p?.reject(new Error(m.error));
    } else if (m.type === 'batch') {
      this.runs.get(m.runId)?.onBatch(m);
    } else {
      const handlers = this.runs.get(m.runId);
      this.runs.delete(m.runId);
      handlers?.onEnd(m.ok ? { ok: true, final: m.final } : { ok: false, error: m.error });
    }
  }

  private exited(proc: HostProcess, code: number | null): void {
    if (proc !== this.proc) return;
    this.proc = null;
    this.ready = false;
    const why = `the engine process exited (code ${code ?? 'killed'})`;
    if (!this.closed) this.log.warn(`${why}; restarting it`);
    for (const [, p] of this.pending) p.reject(new Error(why));
    this.pending.clear();
    const runs = [...this.runs.values()];
    this.runs.clear();
    for (const h of runs) h.onEnd({ ok: false, error: `${why} during the run` });
    if (this.closed) return;
    this.setStatus({ state: 'restarting', pid: null, restarts: this.status.restarts + 1 });
    setTimeout(() => {
      if (!this.closed) this.start();
    }, RESTART_DELAY_MS);
  }

  private setStatus(patch: Partial<EngineStatus>): void {
    this.status = { ...this.status, ...patch };
    this.onStatus(this.status);
  }
}
