// The example C programs inside the shipped transformer, against the reference trace token for
// token: every sample input with hull attention, and the shortest input of each program with
// the plain scan of all keys (its cost grows with the trace, so long runs use the hull only).

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompiledProgram } from '../api.ts';
import { compileProgram } from '../pipeline.ts';
import { runReference } from '../reference/interpreter.ts';
import { EXAMPLE_INPUTS } from '../testing/example-inputs.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import { transformerMachine } from '../testing/transformer-machine.ts';

const dir = fileURLToPath(new URL('../../resources/programs/', import.meta.url));
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.c'))
  .sort();
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
/** Runs longer than this are left to the long-run test (sieve) and the benchmark. */
const LONGEST = 300_000;

const compiled = new Map<string, Promise<CompiledProgram>>();
const compile = (file: string): Promise<CompiledProgram> => {
  let c = compiled.get(file);
  if (!c) compiled.set(file, (c = compileProgram(readFileSync(dir + file, 'utf8'), file)));
  return c;
};

describe('example programs inside the transformer (hull attention)', () => {
  for (const file of examples) {
    for (const { name, input } of EXAMPLE_INPUTS[file] ?? [{ name: 'empty input', input: '' }]) {
      it(`${file} on ${name} gives the reference trace`, async () => {
        const c = await compile(file);
        const bytes = encode(input);
        if (runReference(c.program, bytes, { maxTokens: LONGEST }).end === 'limit') return;
        const m = transformerMachine('hull');
        const r = compareWithReference(m, c.program, bytes, LONGEST);
        expect(r.mismatch).toBe('');
        expect(r.matched).toBe(r.expected);
        expect(m.margin()).toBeGreaterThan(64);
      });
    }
  }
});

describe('example programs inside the transformer (brute-force attention)', () => {
  for (const file of examples) {
    it(`${file} on its shortest input gives the reference trace`, async () => {
      const c = await compile(file);
      const inputs = (EXAMPLE_INPUTS[file] ?? [{ name: '', input: '' }]).map((i) =>
        encode(i.input),
      );
      const length = (b: Uint8Array): number => runReference(c.program, b).tokens;
      const shortest = inputs.reduce((a, b) => (length(b) < length(a) ? b : a));
      const r = compareWithReference(transformerMachine('brute'), c.program, shortest);
      expect(r.mismatch).toBe('');
      expect(r.matched).toBe(r.expected);
    });
  }
});
