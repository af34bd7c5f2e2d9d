// A run of more than a million tokens inside the transformer, compared with the reference
// token for token: the sieve of Eratosthenes up to 10000 (about 2.4M generated tokens).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileProgram } from '../pipeline.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import { transformerMachine } from '../testing/transformer-machine.ts';

const source = fileURLToPath(new URL('../../resources/programs/sieve.c', import.meta.url));

describe('a long run inside the transformer', () => {
  it('matches the reference over more than a million tokens', async () => {
    const c = await compileProgram(readFileSync(source, 'utf8'), 'sieve.c');
    const m = transformerMachine('hull');
    const r = compareWithReference(m, c.program, new TextEncoder().encode('10000'), 5_000_000);
    expect(r.mismatch).toBe('');
    expect(r.expected).toBeGreaterThan(1_000_000);
    expect(r.matched).toBe(r.expected);
    expect(m.margin()).toBeGreaterThan(64);
  }, 900_000);
});
