// Everything the renderer can ask for, minus the host-specific file dialogs: programs, runs
// and their traces from storage, compiling, running and solving through the engine host.
// Both the Electron main process and the web server dispatch validated calls to one Backend.

import type {
  AppEvent,
  CompileReport,
  EngineStatus,
  ModelInfo,
  ProblemFormat,
  AssignmentProblem,
  RunRecord,
  RunStartRequest,
  SolveRequest,
} from '../shared/api.ts';
import type { Logger } from '../shared/logger.ts';
import { HostClient } from '../host/host-client.ts';
import type { SpawnHost } from '../host/protocol.ts';
import type { ProgramStore } from '../storage/programs.ts';
import type { RunStore } from '../storage/runs.ts';
import { RunSupervisor } from './supervisor.ts';

export interface BackendDeps {
  programs: ProgramStore;
  runs: RunStore;
  spawnHost: SpawnHost;
  log: Logger;
}

export class Backend {
  private listeners = new Set<(e: AppEvent) => void>();
  readonly host: HostClient;
  private readonly supervisor: RunSupervisor;
  private model: ModelInfo | null = null;

  constructor(private readonly d: BackendDeps) {
    this.host = new HostClient(d.spawnHost, d.log, (status) =>
      this.emit({ type: 'engine', status }),
    );
    this.supervisor = new RunSupervisor(d.runs, this.host, d.log, (e) => this.emit(e));
  }

  onEvent(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: AppEvent): void {
    for (const l of this.listeners) l(e);
  }

  listPrograms = () => this.d.programs.list();
  getProgram = (id: number) => this.d.programs.get(id);
  saveProgram = (r: { id: number | null; name: string; source: string }) =>
    this.d.programs.save(r.id, r.name, r.source);
  renameProgram = (r: { id: number; name: string }) => this.d.programs.rename(r.id, r.name);
  deleteProgram = (id: number) => this.d.programs.delete(id);

  compile = (source: string): Promise<CompileReport> => this.host.compile(source);
  parseProblem = (r: { text: string; format: ProblemFormat }): Promise<AssignmentProblem> =>
    this.host.parse(r.text, r.format);

  startRun = (r: RunStartRequest) => ({ runId: this.supervisor.startRun(r, null) });
  solve = (r: SolveRequest) => ({ runId: this.supervisor.startSolve(r, null) });
  cancelRun = (runId: number) => this.supervisor.cancel(runId);
  reexecuteRun = (runId: number) => ({ runId: this.supervisor.reexecute(runId) });

  listRuns = () => this.d.runs.list();
  getRun = (runId: number): RunRecord => this.d.runs.get(runId);
  getTrace = (runId: number): Int32Array => this.d.runs.readTrace(runId);
  deleteRun = (runId: number) => {
    if (this.host.isRunning(runId)) throw new Error('cancel the run before deleting it');
    this.d.runs.delete(runId);
  };

  modelInfo = async (): Promise<ModelInfo | null> => {
    if (this.model) return this.model;
    try {
      this.model = await this.host.modelInfo();
    } catch (e) {
      this.d.log.warn(`model info unavailable: ${e instanceof Error ? e.message : String(e)}`);
    }
    return this.model;
  };

  engineStatus = (): EngineStatus => this.host.status;

  close(): void {
    this.supervisor.interruptAll();
    this.host.close();
  }
}
