// The generated C corpus inside the shipped transformer with the brute-force attention
// back-end (every key of every head scanned at every position), against the reference trace
// token for token. Hull and scan answer alike on random keys (hull/hull.test.ts); this is the
// same check on the keys the model really produces, over the whole corpus. One case per
// compiled program keeps prompts short, since a scan costs heads * L^2 / 2 key scores for a
// run of L tokens. Every run must also stay far from a flipped decision (its margin).

import { describe, expect, it } from 'vitest';
import { DEFAULT_MARGIN_THRESHOLD } from '../inference/margin.ts';
import { compileProgram } from '../pipeline.ts';
import { generateBundles } from '../testing/corpus.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import { transformerMachine } from '../testing/transformer-machine.ts';

const bundles = generateBundles(1, 200, 1);

describe('the C corpus inside the transformer with brute-force attention', () => {
  for (const bundle of bundles) {
    const [kase] = bundle.cases;
    it(`${kase!.name} gives the reference trace`, async () => {
      const c = await compileProgram(bundle.source, `${bundle.name}.c`);
      const m = transformerMachine('brute');
      const r = compareWithReference(m, c.program, kase!.input, 100_000);
      expect(r.mismatch).toBe('');
      expect(r.matched).toBe(r.expected);
      expect(m.margin()).toBeGreaterThan(DEFAULT_MARGIN_THRESHOLD);
    });
  }
});
