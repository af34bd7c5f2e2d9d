// The one API between the renderer and whatever hosts it: the Electron preload exposes it as
// `window.inweights`, the browser mode's web client implements it over HTTP and WebSocket.
// Only plain data crosses it (structured-clone and JSON safe, except the trace's Int32Array).
// Validation of what the renderer sends lives in validate.ts; the hosts own the behaviour.

export type RunEngine = 'transformer' | 'native';
export type RunStatus = 'running' | 'finished' | 'cancelled' | 'failed' | 'interrupted';
export type RunKind = 'program' | 'assignment';
export type Sense = 'min' | 'max';
export type ProblemFormat = 'auto' | 'csv' | 'orlib' | 'json';

export interface ProgramSummary {
  id: number;
  name: string;
  /** example programs ship with the app and cannot be changed or deleted */
  example: boolean;
  updatedAt: number;
}

export interface ProgramRecord extends ProgramSummary {
  source: string;
  createdAt: number;
}

export interface Diagnostic {
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface CompileReport {
  ok: boolean;
  diagnostics: Diagnostic[];
  /** instructions of the token program, when it compiled */
  instructions?: number;
}

/** A cost matrix as the grid holds it: `null` marks a forbidden pair. */
export interface AssignmentProblem {
  costs: (number | null)[][];
  sense: Sense;
  rowNames?: string[];
  colNames?: string[];
}

export interface AssignmentOutcome {
  n: number;
  m: number;
  cost: number | null;
  /** a column per row, -1 when the row is left unassigned */
  assignment: number[];
  /** null when the run ended before the program printed its answer */
  feasible: boolean | null;
  verified: boolean;
  verdict: string;
}

export interface Counters {
  tokens: number;
  steps: number;
  tokensPerSecond: number;
  elapsedMs: number;
}

/** How a re-execution compared with the trace it was asked to reproduce. */
export interface Reproduction {
  ofRunId: number;
  /** what was compared: the token traces, or the outputs of runs that keep no trace (native) */
  basis: 'trace' | 'output';
  match: boolean;
  compared: number;
  /** index of the first differing token, or of the end of the shorter trace */
  firstDifference: number | null;
}

export interface RunSummary {
  id: number;
  kind: RunKind;
  programName: string;
  engine: RunEngine;
  status: RunStatus;
  /** e.g. "10x10" for a problem, input length for a program */
  size: string;
  tokens: number;
  steps: number;
  elapsedMs: number;
  startedAt: number;
  finishedAt: number | null;
}

export interface RunRecord extends RunSummary {
  programId: number | null;
  source: string;
  input: string;
  problem: AssignmentProblem | null;
  maxTokens: number | null;
  output: string;
  outcome: AssignmentOutcome | null;
  /** how the program ended: halted, trap, limit, cancelled */
  end: string | null;
  trap: string | null;
  /** main's result or exit's argument, mod 256, when the program halted; else null */
  exitStatus: number | null;
  error: string | null;
  reproduction: Reproduction | null;
  /** [elapsedMs, tokens] samples for the tokens/s chart */
  samples: [number, number][];
}

export interface ModelInfo {
  layers: number;
  width: number;
  heads: number;
  ffnWidth?: number;
  vocabulary: number;
  /** nonzero weights */
  parameters: number;
  /** weights of the same matrices stored dense */
  denseParameters: number;
}

export interface EngineStatus {
  state: 'starting' | 'ready' | 'restarting';
  pid: number | null;
  restarts: number;
  /** why the engine is not usable, when the pipeline is missing or broken */
  problem: string | null;
}

export interface RunStartRequest {
  programId: number | null;
  programName: string;
  source: string;
  input: string;
  engine: RunEngine;
  maxTokens: number | null;
}

export interface SolveRequest {
  problem: AssignmentProblem;
  engine: RunEngine;
  maxTokens: number | null;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenedFile {
  name: string;
  text: string;
}

/** Streamed from the host; batched (a few per second per run), never per token. */
export type AppEvent =
  | { type: 'progress'; runId: number; tokens: Int32Array; output: string; counters: Counters }
  | { type: 'run-ended'; run: RunRecord }
  | { type: 'engine'; status: EngineStatus }
  | { type: 'menu'; command: MenuCommand };

export type MenuCommand =
  'view-assignment' | 'view-programs' | 'view-history' | 'import' | 'export' | 'solve' | 'cancel';

export interface InweightsApi {
  listPrograms(): Promise<ProgramSummary[]>;
  getProgram(id: number): Promise<ProgramRecord>;
  saveProgram(req: { id: number | null; name: string; source: string }): Promise<ProgramRecord>;
  renameProgram(req: { id: number; name: string }): Promise<ProgramRecord>;
  deleteProgram(id: number): Promise<void>;
  compile(source: string): Promise<CompileReport>;

  parseProblem(req: { text: string; format: ProblemFormat }): Promise<AssignmentProblem>;
  startRun(req: RunStartRequest): Promise<{ runId: number }>;
  solve(req: SolveRequest): Promise<{ runId: number }>;
  cancelRun(runId: number): Promise<void>;
  reexecuteRun(runId: number): Promise<{ runId: number }>;

  listRuns(): Promise<RunSummary[]>;
  getRun(runId: number): Promise<RunRecord>;
  /** the run's saved token ids, in generation order */
  getTrace(runId: number): Promise<Int32Array>;
  deleteRun(runId: number): Promise<void>;

  modelInfo(): Promise<ModelInfo | null>;
  engineStatus(): Promise<EngineStatus>;

  /** asks the user for a file (native dialog, or the browser's file picker) */
  openFile(req: { filters: FileFilter[] }): Promise<OpenedFile | null>;
  /** asks where to save and writes the text; false when the user declined */
  saveFile(req: { name: string; text: string; filters: FileFilter[] }): Promise<boolean>;

  onEvent(listener: (event: AppEvent) => void): () => void;
}
