// What each token contributes to the residual stream through its embedding: its kind, its byte
// value and bits, and for prompt tokens the instruction field, data byte or input byte it holds.
// Field features are pre-multiplied by the 12 fields of an instruction so that averaging them
// over the instruction's tokens yields each field exactly (see fetch.ts).

import type { Graph, Lin } from '../graph/graph.ts';
import { Op } from '../program/opcodes.ts';
import { DATA0, FIELD0, INPUT0, Tok } from '../program/vocab.ts';
import { Machine } from '../program/opcodes.ts';

/** Step kinds that carry payload bytes, numbered for the role id (0 = none). */
export const Kind = { W: 1, S: 2, N: 3, J: 4, C: 5, R: 6, O: 7, END: 8, X: 9 } as const;

const KIND_OF_TOKEN = new Map<number, number>([
  [Tok.W, Kind.W],
  [Tok.S, Kind.S],
  [Tok.N, Kind.N],
  [Tok.J, Kind.J],
  [Tok.C, Kind.C],
  [Tok.R, Kind.R],
  [Tok.O, Kind.O],
  [Tok.X, Kind.X],
]);

/** The step kind of a token: payload kinds, END for halt and traps, 0 for anything else. */
const kindOf = (t: number): number =>
  KIND_OF_TOKEN.get(t) ?? (t >= Tok.H && t <= Tok.T_STACK ? Kind.END : 0);

const F = Machine.FIELDS;
const field = (t: number): number =>
  t >= FIELD0 && t < DATA0 ? Math.floor((t - FIELD0) / 256) : -1;
const fieldValue = (t: number): number => (t - FIELD0) % 256;

export interface TokenFeatures {
  isStep: Lin;
  kind: Lin;
  kindIs: Record<keyof typeof Kind, Lin>;
  isByte: Lin;
  byte: Lin;
  bit: Lin[];
  isOpField: Lin;
  isField: Lin;
  /** instruction features ×12, summed over an instruction's tokens by the fetch head */
  instr: Record<string, Lin>;
  isData: Lin;
  dataByte: Lin;
  dataBit7: Lin;
  isInput: Lin;
  inputByte: Lin;
  isDataMarker: Lin;
  isInputMarker: Lin;
}

export const OPCODES = Object.entries(Op) as [keyof typeof Op, number][];

export function tokenFeatures(g: Graph): TokenFeatures {
  const e = (name: string, f: (t: number) => number): Lin => g.embed(name, f);
  const kindIs = {} as Record<keyof typeof Kind, Lin>;
  for (const [name, k] of Object.entries(Kind) as [keyof typeof Kind, number][]) {
    kindIs[name] = e(`kind.${name}`, (t) => (kindOf(t) === k ? 1 : 0));
  }
  const bit = Array.from({ length: 8 }, (_, i) =>
    e(`byte.bit${i}`, (t) => (t < 256 ? (t >> i) & 1 : 0)),
  );
  return {
    isStep: e('isStep', (t) => (kindOf(t) > 0 ? 1 : 0)),
    kind: e('kind', kindOf),
    kindIs,
    isByte: e('isByte', (t) => (t < 256 ? 1 : 0)),
    byte: e('byte', (t) => (t < 256 ? t : 0)),
    bit,
    isOpField: e('isOpField', (t) => (field(t) === 0 ? 1 : 0)),
    isField: e('isField', (t) => (field(t) >= 0 ? 1 : 0)),
    instr: instructionFeatures(g),
    isData: e('isData', (t) => (t >= DATA0 && t < INPUT0 ? 1 : 0)),
    dataByte: e('dataByte', (t) => (t >= DATA0 && t < INPUT0 ? t - DATA0 : 0)),
    dataBit7: e('dataBit7', (t) => (t >= DATA0 && t < INPUT0 ? ((t - DATA0) >> 7) & 1 : 0)),
    isInput: e('isInput', (t) => (t >= INPUT0 && t < INPUT0 + 256 ? 1 : 0)),
    inputByte: e('inputByte', (t) => (t >= INPUT0 && t < INPUT0 + 256 ? t - INPUT0 : 0)),
    isDataMarker: e('isDataMarker', (t) => (t === Tok.DATA ? 1 : 0)),
    isInputMarker: e('isInputMarker', (t) => (t === Tok.INPUT ? 1 : 0)),
  };
}

/** Each instruction feature φ as F·(the share of φ held by token t). */
function instructionFeatures(g: Graph): Record<string, Lin> {
  const out: Record<string, Lin> = {};
  const feature = (name: string, f: (fieldIndex: number, v: number) => number): void => {
    out[name] = g.embed(`instr.${name}`, (t) => {
      const fi = field(t);
      return fi < 0 ? 0 : F * f(fi, fieldValue(t));
    });
  };
  for (const [name, code] of OPCODES)
    feature(`op.${name}`, (f, v) => (f === 0 && v === code ? 1 : 0));
  for (let i = 0; i < 7; i++) feature(`flag${i}`, (f, v) => (f === 1 ? (v >> i) & 1 : 0));
  feature('dst', (f, v) => (f === 2 ? v : 0));
  feature('a', (f, v) => (f === 3 ? v : 0));
  feature('b', (f, v) => (f === 4 ? v : 0));
  feature('c', (f, v) => (f === 5 ? v : 0));
  feature('imm', (f, v) => (f >= 6 && f <= 9 ? v * 256 ** (f - 6) : 0));
  for (let k = 0; k < 4; k++) feature(`immByte${k}`, (f, v) => (f === 6 + k ? v : 0));
  for (let j = 0; j < 32; j++) {
    feature(`immBit${j}`, (f, v) => (f === 6 + (j >> 3) ? (v >> (j & 7)) & 1 : 0));
  }
  feature('target', (f, v) => (f === 10 ? v : f === 11 ? 256 * v : 0));
  return out;
}
