// The operands of the instruction the next token belongs to: registers, or the immediate
// where the instruction's flags say so (muxed component by component).

import type { Graph, Lin } from '../graph/graph.ts';
import { sub, sum } from '../graph/graph.ts';
import { gate } from '../graph/ops.ts';
import type { Fetched } from './fetch.ts';
import type { ReadRegister, Word } from './registers.ts';

export interface Operands {
  A: Word;
  B: Word;
  C: Lin;
}

export function operands(g: Graph, next: Fetched, read: ReadRegister): Operands {
  const [aImm, bImm, aGlobal, bGlobal, cGlobal] = next.flag as [Lin, Lin, Lin, Lin, Lin];
  const imm: Word = { v: next.imm, byte: next.immByte, bit: next.immBit };
  const mux = (name: string, flag: Lin, reg: Word): Word => {
    const pick = (part: string, r: Lin, i: Lin): Lin =>
      sum([1, r], [1, gate(g, `${name}.${part}`, flag, sub(i, r))]);
    return {
      v: pick('v', reg.v, imm.v),
      byte: reg.byte.map((b, k) => pick(`byte${k}`, b, imm.byte[k]!)),
      bit: reg.bit.map((b, k) => pick(`bit${k}`, b, imm.bit[k]!)),
    };
  };
  return {
    A: mux('opA', aImm, read('reg.a', next.a, aGlobal)),
    B: mux('opB', bImm, read('reg.b', next.b, bGlobal)),
    C: read('reg.c', next.c, cGlobal).v,
  };
}
