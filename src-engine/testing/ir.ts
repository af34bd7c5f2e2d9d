// Helpers for tests that build token programs by hand and read traces back: wrapping an
// instruction list into a TokenProgram, splitting a trace into steps and rendering it as text.
// Shared by the reference, machine-graph and engine tests; nothing here runs a program.

import type { Instruction, TokenProgram } from '../program/instruction.ts';
import { instruction } from '../program/instruction.ts';
import { Flag, Op } from '../program/opcodes.ts';
import { tokenName } from '../program/vocab.ts';

export interface IrProgramOptions {
  data?: Uint8Array;
  entry?: number;
  /** functions as [name, entry] pairs; lengths run to the next entry */
  functions?: [string, number][];
}

/** Wraps hand-written instructions into a TokenProgram (main = `entry`, default 0). */
export function irProgram(instructions: Instruction[], opts: IrProgramOptions = {}): TokenProgram {
  const entry = opts.entry ?? 0;
  const named = opts.functions ?? [['main', entry]];
  const sorted = [...named].sort((x, y) => x[1] - y[1]);
  const functions = sorted.map(([name, start], i) => ({
    name,
    entry: start,
    length: (sorted[i + 1]?.[1] ?? instructions.length) - start,
  }));
  return {
    format: 'inweights-program',
    version: 1,
    instructions,
    data: opts.data ?? new Uint8Array(0),
    functions,
    entry,
  };
}

/** `dst = value` (a MOV of an immediate). */
export const movImm = (dst: number, value: number, flags = 0): Instruction =>
  instruction(Op.MOV, { dst, imm: value >>> 0, flags: flags | Flag.A_IMM });

/** One step of a trace: its step token and payload bytes. */
export interface TraceStep {
  token: number;
  payload: number[];
}

/** Splits a trace into steps (a leading run of bytes without a step token is refused). */
export function splitSteps(trace: ArrayLike<number>): TraceStep[] {
  const steps: TraceStep[] = [];
  for (let i = 0; i < trace.length; i++) {
    const t = trace[i]!;
    if (t >= 256) steps.push({ token: t, payload: [] });
    else if (steps.length === 0) throw new RangeError(`trace starts with byte ${t}`);
    else steps[steps.length - 1]!.payload.push(t);
  }
  return steps;
}

/** Little-endian value of up to 4 payload bytes, unsigned. */
export const payloadWord = (bytes: readonly number[]): number =>
  bytes.reduce((acc, b, k) => acc + b * 2 ** (8 * k), 0);

/** The trace as display names, space-separated: `W b01 b00 b00 b00 H`. */
export const traceText = (trace: ArrayLike<number>): string =>
  Array.from(trace, (t) => tokenName(t)).join(' ');

/** The four W payload bytes of a 32-bit value, as display names. */
export const wordText = (value: number): string =>
  [0, 8, 16, 24].map((s) => tokenName((value >>> s) & 255)).join(' ');
