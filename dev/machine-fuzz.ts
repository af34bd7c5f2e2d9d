// Random IR programs through the machine graph (evaluator) or the built transformer, against
// the reference: `npx tsx dev/machine-fuzz.ts FROM COUNT [evaluator|hull|brute]`.
import { GraphEvaluator } from '../src-engine/graph/evaluate.ts';
import { machineGraph } from '../src-engine/machine/build.ts';
import { randomIrCase } from '../src-engine/testing/random-ir.ts';
import { compareWithReference } from '../src-engine/testing/token-runner.ts';
import type { NextToken } from '../src-engine/testing/token-runner.ts';
import { transformerMachine } from '../src-engine/testing/transformer-machine.ts';

const from = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 20);
const engine = process.argv[4] ?? 'evaluator';
const graph = engine === 'evaluator' ? machineGraph() : null;
const machine = (): NextToken =>
  graph ? new GraphEvaluator(graph) : transformerMachine(engine === 'brute' ? 'brute' : 'hull');

let failures = 0;
for (let seed = from; seed < from + count; seed++) {
  const c = randomIrCase(seed);
  const r = compareWithReference(machine(), c.program, c.input);
  if (r.mismatch) failures++;
  console.log(`seed ${seed}: ${r.mismatch || `ok, ${r.expected} tokens`}`);
}
console.log(`${failures} failures`);
