import { describe, expect, it } from 'vitest';
import { parse } from './engine-bridge.ts';

describe('parsing a problem for the app', () => {
  it('keeps the sense a JSON file asks for, with the costs in their own sign', () => {
    expect(parse('{"matrix": [[1, 2], [3, 9]], "sense": "max"}', 'auto')).toEqual({
      costs: [
        [1, 2],
        [3, 9],
      ],
      sense: 'max',
    });
    expect(parse('1,x\n2.5,4', 'csv')).toEqual({
      costs: [
        [1, null],
        [2.5, 4],
      ],
      sense: 'min',
    });
  });
});
