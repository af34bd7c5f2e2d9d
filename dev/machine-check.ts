// Runs a hand-written program through the machine graph's evaluator and the reference.
import { GraphEvaluator } from '../src-engine/graph/evaluate.ts';
import { machineGraph } from '../src-engine/machine/build.ts';
import { instruction } from '../src-engine/program/instruction.ts';
import { Op } from '../src-engine/program/opcodes.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { tokenName } from '../src-engine/program/vocab.ts';
import { runReference } from '../src-engine/reference/interpreter.ts';
import { irProgram, movImm } from '../src-engine/testing/ir.ts';

const t0 = performance.now();
const g = machineGraph();
console.log(
  'graph',
  g.nodes.length,
  'nodes',
  g.heads.length,
  'heads',
  performance.now() - t0,
  'ms',
);
const prog = irProgram([
  movImm(0, 40),
  movImm(1, 2),
  instruction(Op.ADD, { dst: 2, a: 0, b: 1 }),
  instruction(Op.OUT, { a: 2 }),
  instruction(Op.HALT),
]);
const input = new Uint8Array([]);
const ref = runReference(prog, input, { keepTrace: true });
const prompt = buildPrompt(prog, input);
const ev = new GraphEvaluator(g);
let next = 0;
for (const tok of prompt.tokens) next = ev.push(tok);
const got: number[] = [];
for (let i = 0; i < ref.trace!.length + 2; i++) {
  got.push(next);
  if (next === 263 || (next >= 264 && next <= 268)) break;
  next = ev.push(next);
}
console.log('ref', Array.from(ref.trace!, tokenName).join(' '));
console.log('got', got.map(tokenName).join(' '));
