// The whole machine: a WebAssembly-derived register machine written as one computation graph,
// in the order the transformer computes it at every position: what the current token is, the
// control state, the instruction, registers, memory and input, the ALU, and the next token.

import type { Lin } from '../graph/graph.ts';
import { Graph, add, sub, sum } from '../graph/graph.ts';
import { gate } from '../graph/ops.ts';
import { VOCAB_SIZE } from '../program/vocab.ts';
import { alu } from './alu.ts';
import { control, returnAddress } from './control.ts';
import { OPCODES, tokenFeatures } from './features.ts';
import { instructionFetch } from './fetch.ts';
import { input } from './input.ts';
import { memory } from './memory.ts';
import { nextTokenLogits } from './next.ts';
import { operands } from './operands.ts';
import { registerFile } from './registers.ts';
import { atEnd, latestFlagged, role } from './role.ts';

export function machineGraph(): Graph {
  const g = new Graph(VOCAB_SIZE);
  const t = tokenFeatures(g);
  const r = role(g, t);
  const ctl0 = control(g, t, r);
  const fetch = instructionFetch(g, t, r);
  const cur = fetch('fetch.cur', ctl0.pc);
  const storeSize = sum([1, cur.op['STORE8']!], [2, cur.op['STORE16']!], [4, cur.op['STORE32']!]);
  const ctl = ctl0.finish(atEnd(g, 'ctl.endS', r.off, r.k.S, storeSize));
  const next = fetch('fetch.next', ctl.pcNext);

  const readRegister = registerFile(g, t, r, ctl, cur);
  const base = readRegister('reg.base', cur.a, cur.flag[2]!);
  const storeAddress = sum(
    [1, cur.imm],
    [1, base.v],
    [-1, gate(g, 'mem.noBase', cur.flag[0]!, base.v)],
  );
  const readMemory = memory(g, t, r, storeAddress);
  const getchar = input(g, t, r, cur);
  const [stepPc] = latestFlagged(g, 'ctl.stepPc', t.isStep, [ctl.pc]);
  const returnTo = returnAddress(g, ctl0, stepPc!);

  const x = operands(g, next, readRegister);
  const loadAddress = sub(add(x.A.v, next.imm), gate(g, 'mem.loadNoBase', next.flag[0]!, next.imm));
  const mem = [0, 1, 2, 3].map((k) => readMemory(`mem.load${k}`, add(loadAddress, k)));
  const result = alu(g, { op: next.op, x, mem, getchar });
  const probe: [string, Lin][] = [
    ['pc', ctl.pc],
    ['pcNext', ctl.pcNext],
    ['depth', ctl.depth],
    ['off', r.off],
    ['isEnd', ctl.isEnd],
    ['A', x.A.v],
    ['B', x.B.v],
    ['C', x.C],
    ['result', result.result],
    ['op', sum(...OPCODES.map(([n, c]): [number, Lin] => [c, next.op[n]!]))],
    ['nextA', next.a],
    ['nextB', next.b],
    ['nextImm', next.imm],
    ['nextFlags', sum(...next.flag.map((f, i): [number, Lin] => [2 ** i, f]))],
  ];
  for (const [name, lin] of probe) g.probes.set(name, lin);
  g.logits = nextTokenLogits(g, { r, ctl, next, x, alu: result, returnTo, loadAddress });
  return g;
}
