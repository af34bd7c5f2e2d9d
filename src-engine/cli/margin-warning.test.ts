import { describe, expect, it } from 'vitest';
import { marginWarning } from './margin-warning.ts';

describe('the margin warning', () => {
  it('is absent when the margin check passed or the engine has no margins', () => {
    expect(marginWarning({ minMargin: 1e6, marginOk: true })).toBeNull();
    expect(marginWarning({})).toBeNull();
  });

  it('names how close the run came and the threshold when the check failed', () => {
    expect(marginWarning({ minMargin: 12.345678, marginOk: false })).toBe(
      'warning: the run came within 12.3 ulps of a different decision (threshold 64 ulps), ' +
        'so its result may be wrong',
    );
  });

  it('says so when an overflow left a decision without a margin', () => {
    expect(marginWarning({ minMargin: -Infinity, marginOk: false })).toMatch(
      /^warning: the run overflowed float64 in a decision.*so its result may be wrong$/,
    );
  });
});
