// Runs a compiled module directly on the JavaScript engine's WebAssembly: the fast, trusted
// baseline that the reference interpreter and the transformer are compared against. The
// machine's three imports are provided here: putchar appends to the output, getchar reads the
// input (-1 at the end), exit stops the run. Traps are reported with the machine's messages.
// Output is bounded (a program printing in an endless loop would otherwise exhaust memory);
// a loop that prints nothing runs until the process is stopped.

import { TRAP_MESSAGES, Tok } from '../program/vocab.ts';
import { ENTRY_EXPORTS } from '../wasm/supported.ts';
import { wasmRuntime } from './webassembly-api.ts';

export interface NativeRunResult {
  output: Uint8Array;
  /** true when main returned or exit was called */
  halted: boolean;
  /** main's result or exit's argument, mod 256 (as a process's exit status), when halted */
  exitStatus: number | null;
  /** the trap's message (program/vocab.ts TRAP_MESSAGES), or null */
  trap: string | null;
  /** true when the output reached its bound and the run was stopped there */
  limited: boolean;
  seconds: number;
}

export interface NativeRunOptions {
  /** most output bytes; one more stops the run (limited) */
  maxOutput: number;
}

/** 25 MB: what the pipeline's default limit of 50M tokens lets the transformer print. */
const DEFAULT_OPTIONS: NativeRunOptions = { maxOutput: 25_000_000 };

/** Thrown by the exit import to unwind the WebAssembly stack. */
class ExitSignal extends Error {}

/** Thrown by putchar when the output would exceed its bound. */
class OutputLimitSignal extends Error {}

/**
 * The machine's trap for a WebAssembly RuntimeError (V8's messages), or null if the error is
 * not a trap. A JavaScript stack overflow stands for the machine's call-depth limit, though
 * the two limits are not the same depth.
 */
export function trapMessage(error: unknown): string | null {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return TRAP_MESSAGES.get(Tok.T_STACK)!;
  }
  if (!(error instanceof wasmRuntime.RuntimeError)) return null;
  const { message } = error;
  const token = /divide by zero|remainder by zero/i.test(message)
    ? Tok.T_DIV0
    : /unrepresentable|overflow/i.test(message)
      ? Tok.T_OVF
      : /out of bounds/i.test(message)
        ? Tok.T_OOB
        : /unreachable/i.test(message)
          ? Tok.T_UNREACH
          : null;
  return token === null ? `trap: ${message}` : TRAP_MESSAGES.get(token)!;
}

/** Runs `main` of the module on `input`. */
export async function runNative(
  wasm: Uint8Array,
  input: Uint8Array,
  options: NativeRunOptions = DEFAULT_OPTIONS,
): Promise<NativeRunResult> {
  const started = performance.now();
  const output: number[] = [];
  let cursor = 0;
  let exitStatus: number | null = null;
  const env = {
    putchar: (c: number): number => {
      if (output.length >= options.maxOutput) throw new OutputLimitSignal('output limit');
      output.push(c & 255);
      return c & 255;
    },
    getchar: (): number => (cursor < input.length ? input[cursor++]! : -1),
    exit: (status: number): never => {
      exitStatus = status & 255;
      throw new ExitSignal('exit');
    },
  };
  const { instance } = await wasmRuntime.instantiate(wasm, { env });
  const main = ENTRY_EXPORTS.map((name) => instance.exports[name]).find((f) => f !== undefined);
  if (typeof main !== 'function') throw new Error('the module exports no main function');
  let halted = true;
  let limited = false;
  let trap: string | null = null;
  try {
    const result = (main as (argc: number, argv: number) => number | undefined)(0, 0);
    exitStatus = (result ?? 0) & 255;
  } catch (error) {
    if (error instanceof OutputLimitSignal) {
      halted = false;
      limited = true;
    } else if (!(error instanceof ExitSignal)) {
      trap = trapMessage(error);
      if (trap === null) throw error;
      halted = false;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  if (!halted) exitStatus = null;
  return { output: Uint8Array.from(output), halted, exitStatus, trap, limited, seconds };
}
