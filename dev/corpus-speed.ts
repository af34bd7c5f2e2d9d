// Time the transformer on the first cases of one C corpus bundle (tokens per second per case).
import { compileProgram } from '../src-engine/pipeline.ts';
import { generateBundles } from '../src-engine/testing/corpus.ts';
import { compareWithReference } from '../src-engine/testing/token-runner.ts';
import { transformerMachine } from '../src-engine/testing/transformer-machine.ts';

const [b = '0', count = '3'] = process.argv.slice(2);
const bundle = generateBundles(1, 200, 25)[Number(b)]!;
const c = await compileProgram(bundle.source, 'bundle.c');
for (const kase of bundle.cases.slice(0, Number(count))) {
  const t0 = performance.now();
  const r = compareWithReference(transformerMachine('hull'), c.program, kase.input, 2e6);
  const s = (performance.now() - t0) / 1000;
  console.log(kase.name, r.expected, 'tokens', s.toFixed(2), 's', r.mismatch);
}
