// Types of the pipeline's public surface: what the CLI, the engine host and the app use.
// The functions themselves live in pipeline.ts; each stage lives in its own folder.

import type { TokenProgram } from './program/instruction.ts';

export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  message: string;
}

/** A C program compiled all the way to a token program. */
export interface CompiledProgram {
  source: string;
  wasm: Uint8Array;
  program: TokenProgram;
}

export type EngineName = 'transformer' | 'evaluator' | 'reference' | 'native';
export type AttentionName = 'hull' | 'brute';

export interface RunOptions {
  input: Uint8Array;
  engine: EngineName;
  attention?: AttentionName;
  /** hard limit on generated tokens; the run ends cleanly with reason 'limit' */
  maxTokens?: number;
  signal?: AbortSignal;
  /** called with each batch of generated tokens (not for the native engine) */
  onProgress?: (progress: RunProgress) => void;
  /** keep the whole trace in the result */
  keepTrace?: boolean;
}

export interface RunProgress {
  tokens: number;
  steps: number;
  elapsedMs: number;
  /** generated tokens per second (the transformer counts decoding only, not the prompt) */
  tokensPerSecond: number;
  /** tokens generated since the previous call */
  batch: Int32Array;
  /** program output produced by this batch */
  output: Uint8Array;
}

export type RunEnd = 'halted' | 'trap' | 'limit' | 'cancelled';

export interface RunResult {
  engine: EngineName;
  output: Uint8Array;
  /** tokens generated (the prompt not included) */
  tokens: number;
  /** machine steps executed */
  steps: number;
  halted: boolean;
  /** main's result or exit's argument, mod 256, when the program halted; else null */
  exitStatus: number | null;
  trap: string | null;
  end: RunEnd;
  seconds: number;
  promptTokens?: number;
  /** of seconds, the time spent feeding the prompt (transformer only) */
  promptSeconds?: number;
  attention?: AttentionName;
  /** generated tokens per second of decoding, the prompt's time excluded (transformer only) */
  tokensPerSecond?: number;
  /** smallest decision margin in float64 ulps (transformer only) */
  minMargin?: number;
  marginOk?: boolean;
  trace?: Int32Array;
}
