// The machine graph, run by the exact evaluator, against the reference interpreter: every
// opcode on edge operands, every trap, and random programs with calls, recursion, loops,
// BR_TABLE, memory and input. Token for token; a trace that stops early fails.

import { describe, expect, it } from 'vitest';
import { GraphEvaluator } from '../graph/evaluate.ts';
import { FEW_EDGE_OPERANDS, edgePrograms } from '../testing/edge-programs.ts';
import { randomIrCase } from '../testing/random-ir.ts';
import { compareWithReference } from '../testing/token-runner.ts';
import { machineGraph } from './build.ts';

const graph = machineGraph();

describe('the machine graph', () => {
  for (const { name, program } of edgePrograms(FEW_EDGE_OPERANDS)) {
    it(`computes ${name} exactly as the reference`, () => {
      const r = compareWithReference(new GraphEvaluator(graph), program);
      expect(r.mismatch).toBe('');
      expect(r.matched).toBe(r.expected);
    });
  }

  it('runs 20 random programs exactly as the reference', () => {
    for (let seed = 1000; seed < 1020; seed++) {
      const c = randomIrCase(seed);
      const r = compareWithReference(new GraphEvaluator(graph), c.program, c.input);
      expect(`${c.name}: ${r.mismatch}`).toBe(`${c.name}: `);
    }
  });
});
