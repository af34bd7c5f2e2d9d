// The register file. A register write takes effect at the last payload byte of a W step, which
// keys (2k, -k²) on k = 256·frame + dst and carries the word assembled from the step's four
// payload bytes, and k + 1. A read queries (k, 1): the latest write to exactly that register
// wins. A register never written reads as zero: then the nearest writer answers, its k + 1
// differs from the query's, and the reader gates the word to zero.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, scale, sub, sum } from '../graph/graph.ts';
import { gate, isZero, square } from '../graph/ops.ts';
import { Machine } from '../program/opcodes.ts';
import { CLEAR } from './constants.ts';
import type { TokenFeatures } from './features.ts';
import type { Fetched } from './fetch.ts';
import type { Role } from './role.ts';
import { byteOf as byteOfBits } from './bits.ts';

/** A 32-bit word: its value, bytes (least significant first) and bits. */
export interface Word {
  v: Lin;
  byte: Lin[];
  bit: Lin[];
}

export type ReadRegister = (name: string, index: Lin, global: Lin) => Word;

const R = Machine.REGS_PER_FRAME;

export function registerFile(
  g: Graph,
  t: TokenFeatures,
  r: Role,
  ctl: { depth: Lin; end: { W: Lin } },
  cur: Fetched,
): ReadRegister {
  const [, , , , , dstGlobal, dstCallee] = cur.flag as [Lin, Lin, Lin, Lin, Lin, Lin, Lin];
  const frame = add(sub(ctl.depth, gate(g, 'reg.global', dstGlobal, ctl.depth)), dstCallee);
  const index = gate(g, 'reg.writeKey', ctl.end.W, sum([R, frame], [1, cur.dst]));
  const key: [Lin, Lin] = [
    scale(2, index),
    sum([-1, square(g, 'reg.writeKeySq', index)], [CLEAR, ctl.end.W], [1, -CLEAR]),
  ];
  const [e1, e2, e3] = r.earlier as [Role['earlier'][0], Role['earlier'][0], Role['earlier'][0]];
  const bits = [...e1.bit, ...e2.bit, ...e3.bit, ...t.bit];
  const word = sum([1, e1.byte], [256, e2.byte], [65536, e3.byte], [2 ** 24, t.byte]);
  const values = [word, ...bits, add(index, ctl.end.W)];
  return (name, regIndex, global) => {
    const depthPart = sub(ctl.depth, gate(g, `${name}.global`, global, ctl.depth));
    const k = sum([R, depthPart], [1, regIndex]);
    const out = g.lookup(name, { query: [k, sum([1, 1])], key, values, tie: 'latest' });
    const hit = isZero(g, `${name}.hit`, sub(out[33]!, add(k, 1)));
    const [v, ...bit] = out.slice(0, 33).map((x, i) => gate(g, `${name}.w${i}`, hit, x));
    return { v: v!, byte: [0, 1, 2, 3].map((j) => byteOfBits(bit, j)), bit };
  };
}
