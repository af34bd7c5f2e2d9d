import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent } from './event-codec.ts';
import { InvalidCallError, validateCall } from './validate.ts';

describe('validateCall', () => {
  it('accepts a well-formed solve request', () => {
    const arg = {
      problem: {
        costs: [
          [1, null],
          [2, 3],
        ],
        sense: 'min',
      },
      engine: 'native',
      maxTokens: null,
    };
    expect(validateCall('solve', arg)).toEqual(arg);
  });

  it('refuses a matrix with a non-finite cost, naming the field', () => {
    const arg = {
      problem: { costs: [[1, Infinity]], sense: 'min' },
      engine: 'native',
      maxTokens: null,
    };
    expect(() => validateCall('solve', arg)).toThrow(InvalidCallError);
    expect(() => validateCall('solve', arg)).toThrow(
      /solve: invalid argument at problem.costs.0.1/,
    );
  });

  it('refuses ids that are not positive integers and unknown engines', () => {
    expect(() => validateCall('getRun', -1)).toThrow(/getRun/);
    expect(() => validateCall('getRun', '1')).toThrow(/getRun/);
    const run = {
      programId: null,
      programName: 'a.c',
      source: '',
      input: '',
      engine: 'gpu',
      maxTokens: null,
    };
    expect(() => validateCall('startRun', run)).toThrow(/engine/);
  });

  it('refuses arguments to calls that take none', () => {
    expect(() => validateCall('listRuns', { drop: 'table' })).toThrow(/listRuns/);
  });
});

describe('event frames', () => {
  it('carry progress tokens and header fields unchanged', () => {
    const e = {
      type: 'progress' as const,
      runId: 3,
      tokens: Int32Array.of(257, 0, -1, 3855),
      output: 'héllo',
      counters: { tokens: 4, steps: 1, tokensPerSecond: 2.5, elapsedMs: 9 },
    };
    expect(decodeEvent(encodeEvent(e))).toEqual(e);
  });

  it('carry other events as their JSON', () => {
    const e = { type: 'menu' as const, command: 'solve' as const };
    expect(decodeEvent(encodeEvent(e))).toEqual(e);
  });
});
