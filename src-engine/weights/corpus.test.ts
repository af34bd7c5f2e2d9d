// The generated C corpus (200 random programs over the whole integer instruction set with edge
// operands, bundled 2 to a compiled program so that prompts stay short) inside the shipped
// transformer, against the reference trace token for token. The same corpus is checked
// against native WebAssembly in testing/differential.test.ts, so the transformer's output is
// also the native output.

import { describe, expect, it } from 'vitest';
import { compileProgram } from '../pipeline.ts';
import { generateBundles } from '../testing/corpus.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import { transformerMachine } from '../testing/transformer-machine.ts';

const bundles = generateBundles(1, 200, 2);

describe('the C corpus inside the transformer', () => {
  for (const bundle of bundles) {
    it(`${bundle.name}: ${bundle.cases.length} cases give the reference trace`, async () => {
      const c = await compileProgram(bundle.source, `${bundle.name}.c`);
      for (const kase of bundle.cases) {
        const m = transformerMachine('hull');
        const r = compareWithReference(m, c.program, kase.input, 2_000_000);
        expect(`${kase.name}: ${r.mismatch}`).toBe(`${kase.name}: `);
        expect(r.matched).toBe(r.expected);
      }
    }, 300_000);
  }
});
