// Messages between the app (Electron main or the web server) and the engine host process.
// Requests carry an id answered by one reply; runs and solves stream batches and end with one
// `ended`. Typed arrays cross as-is (structured clone / advanced serialization).

import type {
  AssignmentOutcome,
  AssignmentProblem,
  CompileReport,
  Counters,
  ModelInfo,
  ProblemFormat,
  RunEngine,
} from '../shared/api.ts';

export type HostRequest =
  | { type: 'compile'; id: number; source: string }
  | { type: 'parse'; id: number; text: string; format: ProblemFormat }
  | { type: 'modelInfo'; id: number }
  | {
      type: 'run';
      runId: number;
      source: string;
      input: string;
      engine: RunEngine;
      maxTokens: number | null;
    }
  | {
      type: 'solve';
      runId: number;
      problem: AssignmentProblem;
      engine: RunEngine;
      maxTokens: number | null;
    }
  | { type: 'cancel'; runId: number };

export type ReplyValue = CompileReport | AssignmentProblem | ModelInfo | null;

export interface RunFinal {
  counters: Counters;
  output: string;
  cancelled: boolean;
  end: string;
  trap: string | null;
  /** main's result or exit's argument, mod 256, when the program halted; else null */
  exitStatus: number | null;
  outcome: AssignmentOutcome | null;
}

export type HostEvent =
  /** sent once the host loaded; `problem` says why the engine cannot be used, if so */
  | { type: 'ready'; pid: number; problem: string | null }
  | { type: 'reply'; id: number; ok: true; value: ReplyValue }
  | { type: 'reply'; id: number; ok: false; error: string }
  | { type: 'batch'; runId: number; tokens: Int32Array; output: string; counters: Counters }
  | { type: 'ended'; runId: number; ok: true; final: RunFinal }
  | { type: 'ended'; runId: number; ok: false; error: string };

/** The process side of the host as its parent sees it: Node fork or Electron utilityProcess. */
export interface HostProcess {
  readonly pid: number | null;
  send(message: HostRequest): void;
  onMessage(listener: (message: HostEvent) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

export type SpawnHost = () => HostProcess;
