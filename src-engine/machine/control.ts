// Control state, recovered at every position from the trace alone: the program counter of the
// current step, the call depth, where the step ends and which pc the next token belongs to.
// pc = (target of the latest jump/call/return record) + (steps started since it) - 1.
// The depth is always read from the latest C or R record, so it is an exact integer.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, sub, sum } from '../graph/graph.ts';
import { gate, square } from '../graph/ops.ts';
import { CLEAR } from './constants.ts';
import type { TokenFeatures } from './features.ts';
import type { Role } from './role.ts';
import { atEnd, atLeast, latestFlagged } from './role.ts';

export interface Control {
  /** at a C or R step's last token: the depth it records */
  depthValue: Lin;
  /** pc of the current step (inexact by a few ulps: only ever used as a query or emitted) */
  pc: Lin;
  depth: Lin;
  /** the current token is the last of its step; the next token starts a step */
  isEnd: Lin;
  /** per kind: the current token is the last of a step of that kind */
  end: { W: Lin; N: Lin; J: Lin; C: Lin; R: Lin; O: Lin; X: Lin };
  pcNext: Lin;
}

/** `storeSize` is the byte count of the current step's store (from the fetched opcode). */
export function control(
  g: Graph,
  t: TokenFeatures,
  r: Role,
): Omit<Control, 'pcNext' | 'isEnd'> & {
  finish: (storeEnd: Lin) => Control;
} {
  const { k, off } = r;
  const end = {
    W: atEnd(g, 'ctl.endW', off, k.W, 4),
    N: atEnd(g, 'ctl.endN', off, k.N, 0),
    J: atEnd(g, 'ctl.endJ', off, k.J, 2),
    C: atEnd(g, 'ctl.endC', off, k.C, 4),
    R: atEnd(g, 'ctl.endR', off, k.R, 4),
    O: atEnd(g, 'ctl.endO', off, k.O, 1),
    X: atEnd(g, 'ctl.endX', off, k.X, 1),
  };
  // The pc record is the byte at offset 2 of J, C and R steps: target = lo + 256·hi.
  const pcRec = add(
    end.J,
    sub(atLeast(g, 'ctl.c2', off, k.C, 2), atLeast(g, 'ctl.c3', off, k.C, 3)),
    sub(atLeast(g, 'ctl.r2', off, k.R, 2), atLeast(g, 'ctl.r3', off, k.R, 3)),
  );
  const recordValue = sum([1, r.earlier[0]!.byte], [256, t.byte]);
  const [target, countAtRecord] = latestFlagged(g, 'ctl.pcRecord', pcRec, [
    recordValue,
    r.stepCount,
  ]) as [Lin, Lin];
  const pc = sum([1, target], [1, r.stepCount], [-1, countAtRecord], [1, -1]);

  // The depth record is the byte at offset 4 of C and R steps: depth = lo + 256·hi.
  const depthRec = add(end.C, end.R);
  const depthValue = sum([1, r.earlier[2]!.byte], [256, t.byte]);
  const [depth] = latestFlagged(g, 'ctl.depthRecord', depthRec, [depthValue]) as [Lin];

  const finish = (storeEnd: Lin): Control => {
    const isEnd = add(end.W, end.N, end.J, end.C, end.R, end.O, end.X, storeEnd);
    const endsRecord = add(end.J, end.C, end.R);
    const pcNext = add(
      pc,
      sub(isEnd, endsRecord),
      gate(g, 'ctl.jump', endsRecord, sub(target, pc)),
    );
    return { pc, depth, depthValue, isEnd, end, pcNext };
  };
  return { pc, depth, depthValue, end, finish };
}

/**
 * The pc to return to from the frame at the current depth: each call's last token (its depth
 * record) keys (2d, -d²) on the depth d it created and carries the call step's pc + 1, read
 * from its step token (`stepPc`, the pc of the latest step token).
 */
export function returnAddress(g: Graph, c: Omit<Control, 'pcNext' | 'isEnd'>, stepPc: Lin): Lin {
  const d = gate(g, 'ret.depth', c.end.C, c.depthValue);
  const [addr] = g.lookup('ret.addr', {
    query: [c.depth, 1],
    key: [sum([2, d]), sum([-1, square(g, 'ret.depthSq', d)], [CLEAR, c.end.C], [1, -CLEAR])],
    values: [add(stepPc, 1)],
    tie: 'latest',
  });
  return addr!;
}
