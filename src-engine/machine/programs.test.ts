// The machine graph, run by the exact evaluator, on compiled C: the example programs (every
// sample input whose trace is at most 60K tokens) and the 200-case generated corpus, against
// the reference trace token for token. The reference's output equals native WebAssembly's on
// all of these (testing/differential.test.ts), so the evaluator's output does too.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GraphEvaluator } from '../graph/evaluate.ts';
import { compileProgram } from '../pipeline.ts';
import { runReference } from '../reference/interpreter.ts';
import { generateBundles } from '../testing/corpus.ts';
import { EXAMPLE_INPUTS } from '../testing/example-inputs.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import { machineGraph } from './build.ts';

const graph = machineGraph();
const dir = fileURLToPath(new URL('../../resources/programs/', import.meta.url));
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.c'))
  .sort();
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const LONGEST = 60_000;

describe('example programs in the machine graph', () => {
  for (const file of examples) {
    it(`${file} gives the reference trace on its sample inputs`, async () => {
      const c = await compileProgram(readFileSync(dir + file, 'utf8'), file);
      let runs = 0;
      for (const { name, input } of EXAMPLE_INPUTS[file] ?? []) {
        const bytes = encode(input);
        if (runReference(c.program, bytes, { maxTokens: LONGEST }).end === 'limit') continue;
        const r = compareWithReference(new GraphEvaluator(graph), c.program, bytes);
        expect(`${name}: ${r.mismatch}`).toBe(`${name}: `);
        runs++;
      }
      expect(runs).toBeGreaterThan(0);
    }, 600_000);
  }
});

describe('the C corpus in the machine graph', () => {
  for (const bundle of generateBundles(1, 200, 2)) {
    it(`${bundle.name}: ${bundle.cases.length} cases give the reference trace`, async () => {
      const c = await compileProgram(bundle.source, `${bundle.name}.c`);
      for (const kase of bundle.cases) {
        const r = compareWithReference(new GraphEvaluator(graph), c.program, kase.input, 2e6);
        expect(`${kase.name}: ${r.mismatch}`).toBe(`${kase.name}: `);
      }
    }, 300_000);
  }
});
