// Instruction fetch. An instruction is 12 field tokens starting at position 1 + 12·pc. Each
// field token first finds its instruction's first token (the latest opcode field) and takes
// its position s as the key (2s, -s²). A query (1 + 12·pc, 1) then ties exactly the 12 tokens
// of instruction pc; the average tie rule returns the mean of their values, and since every
// field feature was multiplied by 12 in the embedding, the mean is each field exactly.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, scale, sum } from '../graph/graph.ts';
import { Machine } from '../program/opcodes.ts';
import { CLEAR } from './constants.ts';
import type { TokenFeatures } from './features.ts';
import { OPCODES } from './features.ts';
import type { Role } from './role.ts';
import { latestFlagged } from './role.ts';

export interface Fetched {
  op: Record<string, Lin>;
  flag: Lin[];
  dst: Lin;
  a: Lin;
  b: Lin;
  c: Lin;
  imm: Lin;
  immByte: Lin[];
  immBit: Lin[];
  target: Lin;
}

export type Fetch = (name: string, pc: Lin) => Fetched;

export function instructionFetch(g: Graph, t: TokenFeatures, r: Role): Fetch {
  const [start, startSq] = latestFlagged(g, 'fetch.start', t.isOpField, [r.p, r.p2]) as [Lin, Lin];
  const key: [Lin, Lin] = [scale(2, start), sum([-1, startSq], [CLEAR, t.isField], [1, -CLEAR])];
  const names = Object.keys(t.instr);
  const values = names.map((n) => t.instr[n]!);
  return (name, pc) => {
    const query: [Lin, Lin] = [add(scale(Machine.FIELDS, pc), 1), Lin1];
    const out = g.lookup(name, { query, key, values, tie: 'average' });
    const f = (n: string): Lin => out[names.indexOf(n)]!;
    const op: Record<string, Lin> = {};
    for (const [opName] of OPCODES) op[opName] = f(`op.${opName}`);
    return {
      op,
      flag: Array.from({ length: 7 }, (_, i) => f(`flag${i}`)),
      dst: f('dst'),
      a: f('a'),
      b: f('b'),
      c: f('c'),
      imm: f('imm'),
      immByte: [0, 1, 2, 3].map((k) => f(`immByte${k}`)),
      immBit: Array.from({ length: 32 }, (_, j) => f(`immBit${j}`)),
      target: f('target'),
    };
  };
}

const Lin1 = sum([1, 1]);
