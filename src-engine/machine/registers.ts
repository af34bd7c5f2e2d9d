// The register file. A register write takes effect at the last payload byte of a W step, which
// keys (2k, -k²) on k = 256·frame + dst and carries the word assembled from the step's four
// payload bytes. A read queries (k, 1): the latest write to exactly that register wins.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, scale, sub, sum } from '../graph/graph.ts';
import { gate, square } from '../graph/ops.ts';
import { Machine } from '../program/opcodes.ts';
import { CLEAR } from './constants.ts';
import type { TokenFeatures } from './features.ts';
import type { Fetched } from './fetch.ts';
import type { Role } from './role.ts';

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
  const bytes = [e1.byte, e2.byte, e3.byte, t.byte];
  const bits = [...e1.bit, ...e2.bit, ...e3.bit, ...t.bit];
  const word = sum([1, e1.byte], [256, e2.byte], [65536, e3.byte], [2 ** 24, t.byte]);
  const values = [word, ...bytes, ...bits];
  return (name, regIndex, global) => {
    const depthPart = sub(ctl.depth, gate(g, `${name}.global`, global, ctl.depth));
    const query: [Lin, Lin] = [sum([R, depthPart], [1, regIndex]), sum([1, 1])];
    const [v, ...rest] = g.lookup(name, { query, key, values, tie: 'latest' });
    return { v: v!, byte: rest.slice(0, 4), bit: rest.slice(4) };
  };
}
