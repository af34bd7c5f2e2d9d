// Random IR programs through the reference and through the slow BigInt oracle: the traces must
// agree token for token, and every program must end (halt or trap) well within the limit.

import { describe, expect, it } from 'vitest';
import { randomIrCase } from '../testing/random-ir.ts';
import { runOracle } from '../testing/oracle.ts';
import { runReference } from './interpreter.ts';

const CASES = 300;
const MAX_STEPS = 200_000;

describe('reference against the oracle on random IR programs', () => {
  const seeds = Array.from({ length: CASES }, (_, i) => 1000 + i);
  const ends = { halted: 0, trap: 0, limit: 0 };

  it.each(seeds)('gives the oracle trace for seed %i', (seed) => {
    const { program, input } = randomIrCase(seed);
    const ref = runReference(program, input, { keepTrace: true, maxTokens: 5 * MAX_STEPS });
    const oracle = runOracle(program, input, MAX_STEPS);
    ends[ref.end]++;
    expect(ref.end).not.toBe('limit');
    expect(Array.from(ref.trace!)).toEqual(oracle);
  });

  it('mostly halts, sometimes traps', () => {
    expect(ends.limit).toBe(0);
    expect(ends.halted).toBeGreaterThan(CASES * 0.7);
    expect(ends.trap).toBeGreaterThan(0);
  });
});
