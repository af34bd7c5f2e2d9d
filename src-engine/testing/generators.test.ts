// The test generators themselves: they are deterministic per seed, bundles dispatch on their
// first input byte, the C corpus uses every construct it promises, and the random IR programs
// use every opcode of the machine.

import { describe, expect, it } from 'vitest';
import { Op } from '../program/opcodes.ts';
import { generateBundles, generateCase, generateCorpus } from './corpus.ts';
import { randomIrCase } from './random-ir.ts';

describe('C corpus generator', () => {
  const corpus = generateCorpus(1, 200);
  const text = corpus.map((c) => c.source).join('\n');

  it('gives the same case for the same seed and different cases for different seeds', () => {
    expect(generateCase(7)).toEqual(generateCase(7));
    expect(new Set(corpus.map((c) => c.source)).size).toBe(corpus.length);
    expect(new Set(corpus.map((c) => c.name)).size).toBe(corpus.length);
  });

  it('uses every helper, construct and array width across 200 cases', () => {
    const helpers = [
      'div_u(',
      'rem_u(',
      'div_s(',
      'rem_s(',
      'shl(',
      'shr_u(',
      'shr_s(',
      'rotl(',
      'rotr(',
      'clz(',
      'ctz(',
      '__builtin_popcount(',
      'lt_s(',
      'le_s(',
      'gt_s(',
      'ge_s(',
    ];
    const constructs = [
      'switch (',
      'for (unsigned',
      'if (',
      ' ? ',
      '(signed char)',
      '(short)',
      '(unsigned char)',
      '(unsigned short)',
      'rec(',
      'read_to(&',
      'getchar()) != -1',
    ];
    for (const needle of [...helpers, ...constructs]) expect(text).toContain(needle);
    for (const suffix of ['s8', 'u8', 's16', 'u16', 's32']) expect(text).toMatch(`_${suffix}[`);
  });

  it('makes about one case in ten trap on purpose, in every way it knows', () => {
    const traps = [
      '(int)read_u())',
      '% read_u()',
      'int x = (int)read_u(), y',
      '__builtin_trap()',
      '(volatile unsigned *)',
      '(volatile unsigned char *)',
    ];
    for (const needle of traps) expect(text).toContain(needle);
    const trapping = corpus.filter((c) => traps.some((t) => c.source.includes(t))).length;
    expect(trapping).toBeGreaterThan(8);
    expect(trapping).toBeLessThan(40);
  });

  it('bundles the same cases behind a dispatch byte', () => {
    const bundles = generateBundles(1, 30, 16);
    expect(bundles.map((b) => b.cases.length)).toEqual([16, 14]);
    const cases = bundles.flatMap((b) => b.cases);
    cases.forEach((c, k) => {
      expect(c.name).toBe(corpus[k]!.name);
      expect(c.input[0]).toBe(k % 16);
      expect(c.input.subarray(1)).toEqual(corpus[k]!.input);
    });
    expect(bundles[1]!.source).toContain('case 13: c30_main(); break;');
  });
});

describe('random IR generator', () => {
  it('is deterministic per seed', () => {
    expect(randomIrCase(5)).toEqual(randomIrCase(5));
  });

  it('uses every opcode of the machine across 300 programs', () => {
    const used = new Set<number>();
    for (let seed = 1000; seed < 1300; seed++) {
      for (const ins of randomIrCase(seed).program.instructions) used.add(ins.op);
    }
    expect([...used].sort((x, y) => x - y)).toEqual(Object.values(Op).sort((x, y) => x - y));
  });
});
