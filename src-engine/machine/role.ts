// The role of the current token: which step it belongs to (the latest step token), its payload
// offset, and the flags that say what it writes. Also the payload bytes earlier in the same
// step (offsets 1..3) and the running count of step tokens.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, sub, sum } from '../graph/graph.ts';
import { product, square } from '../graph/ops.ts';
import { GAP } from './constants.ts';
import type { TokenFeatures } from './features.ts';

export interface EarlierByte {
  byte: Lin;
  bit: Lin[];
}

export interface Role {
  p: Lin;
  p2: Lin;
  /** one-hot kind of the current step */
  k: { W: Lin; S: Lin; N: Lin; J: Lin; C: Lin; R: Lin; O: Lin; X: Lin };
  stepPos: Lin;
  /** payload offset: 0 at the step token, k at its k-th payload byte */
  off: Lin;
  offSq: Lin;
  /** payload bytes at offsets 1, 2, 3 of the current step (valid when off is larger) */
  earlier: EarlierByte[];
  /** step tokens at positions <= p */
  stepCount: Lin;
}

/** Latest token whose 0/1 flag is set: key (2f, -f) against query (1, 1) scores 1 vs 0. */
export function latestFlagged(g: Graph, name: string, flag: Lin, values: Lin[]): Lin[] {
  return g.lookup(name, {
    query: [1, 1],
    key: [sum([2, flag]), sum([-1, flag])],
    values,
    tie: 'latest',
  });
}

/** Σ over positions <= p of a per-token integer: the average over all of them times (p+1). */
export function runningSum(g: Graph, name: string, p: Lin, delta: Lin): Lin {
  const [mean] = g.lookup(name, { query: [0, 0], key: [0, 0], values: [delta], tie: 'average' });
  return product(g, `${name}.sum`, add(p, 1), mean!);
}

export function role(g: Graph, t: TokenFeatures): Role {
  const p = g.position('p');
  const p2 = g.position('p2');
  const ki = t.kindIs;
  const [W, S, N, J, C, R, O, X, stepPos] = latestFlagged(g, 'role.step', t.isStep, [
    ki.W,
    ki.S,
    ki.N,
    ki.J,
    ki.C,
    ki.R,
    ki.O,
    ki.X,
    p,
  ]) as [Lin, Lin, Lin, Lin, Lin, Lin, Lin, Lin, Lin];
  const off = sub(p, stepPos);
  const offSq = square(g, 'role.offSq', off);
  const earlier = [1, 2, 3].map((k) => {
    const [byte, ...bit] = g.lookup(`role.off${k}`, {
      query: [k, 1],
      key: [sum([2, off]), sum([-1, offSq])],
      values: [t.byte, ...t.bit],
      tie: 'latest',
    });
    return { byte: byte!, bit };
  });
  const stepCount = runningSum(g, 'role.steps', p, t.isStep);
  return { p, p2, k: { W, S, N, J, C, R, O, X }, stepPos, off, offSq, earlier, stepCount };
}

/**
 * [off >= e and kind flag k]: for k = 1 the argument off - e + 1 steps at off = e; for k = 0 it
 * is at most 4 - e + 1 - GAP < 0. Built as relu(z + 1) - relu(z) with z = off - e + GAP·k - GAP.
 */
export function atLeast(g: Graph, name: string, off: Lin, k: Lin, e: Lin | number): Lin {
  const z = sum([1, off], [-1, e], [GAP, k], [1, -GAP]);
  return g.ffn(name, [
    { a: 1, b: add(z, 1) },
    { a: 1, b: z, c: -1 },
  ]);
}

/** [off == e and k] for a step whose last payload offset is e: relu(off - e + 1 + GAP·k - GAP). */
export function atEnd(g: Graph, name: string, off: Lin, k: Lin, e: Lin | number): Lin {
  return g.ffn(name, [{ a: 1, b: sum([1, off], [-1, e], [1, 1], [GAP, k], [1, -GAP]) }]);
}
