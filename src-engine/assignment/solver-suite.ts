// The solver's behaviour on one engine as a table of tests: every shared small case, the
// benchmark files and seeded random problems checked by the independent solver. Each
// engine's test file calls solverSuite with what that engine can afford to run.
import { describe, expect, it } from 'vitest';
import type { EngineName } from '../api.ts';
import { AssignmentError } from './errors.ts';
import { problemFromRows, readProblem } from './read.ts';
import { solveAssignment, type AssignmentResult } from './solve.ts';
import {
  benchmarkFiles,
  caseText,
  randomProblem,
  seededRandom,
  smallCases,
  type SmallCase,
} from './test-cases.ts';

export interface SuiteOptions {
  /** ids of the shared small cases to run; all of them when absent */
  cases?: readonly string[];
  /** run the 100×100 and 200×200 benchmark files, not only blog10 */
  benchmarks: boolean;
  /** how many random problems to check */
  randomProblems: number;
}

export function solverSuite(engine: EngineName, options: SuiteOptions): void {
  describe(`hungarian.c on the ${engine} engine`, () => {
    for (const testCase of smallCases()) {
      if (options.cases !== undefined && !options.cases.includes(testCase.id)) continue;
      it(`gives the known answer of ${testCase.id}`, () => expectKnownAnswer(testCase, engine));
    }

    it('prints totals beyond 32 bits exactly', async () => {
      const rows = [
        [2147483647, 2147483647],
        [-2147483647, 2147483647],
      ];
      const result = await solveAssignment(problemFromRows(rows, { maximize: true }), { engine });
      expectVerified(result);
      expect(result.cost).toBe(4294967294);
      expect(result.output).toMatch(/^total -4294967294$/m);
    });

    it('maximises a JSON problem that asks for it with "maximize" or "sense"', async () => {
      for (const key of ['"maximize": true', '"sense": "max"']) {
        const problem = readProblem(`{"matrix": [[1, 2], [3, 9]], ${key}}`);
        const result = await solveAssignment(problem, { engine });
        expectVerified(result);
        expect(result.cost).toBe(10);
      }
    });

    for (const { file, optimum } of benchmarkFiles) {
      if (!options.benchmarks && file !== 'blog10.txt') continue;
      it(`finds the known optimum ${optimum} of ${file}`, async () => {
        const result = await solveAssignment(readProblem(caseText(file)), { engine });
        expectVerified(result);
        expect(result.cost).toBe(optimum);
      });
    }

    const random = seededRandom(20260301);
    for (let k = 1; k <= options.randomProblems; k++) {
      const { rows, maximize } = randomProblem(random);
      const shape = `${rows.length}×${rows[0].length}${maximize ? ', maximised' : ''}`;
      it(`agrees with the independent solver on random problem ${k} (${shape})`, async () => {
        const result = await solveAssignment(problemFromRows(rows, { maximize }), { engine });
        expectVerified(result);
      });
    }
  });
}

async function expectKnownAnswer(testCase: SmallCase, engine: EngineName): Promise<void> {
  const maximize = testCase.sense === 'max';
  const expected = testCase.expected_optimum;
  if (expected === 'error') {
    expect(() => problemFromRows(testCase.matrix, { maximize })).toThrow(AssignmentError);
    return;
  }
  const result = await solveAssignment(problemFromRows(testCase.matrix, { maximize }), { engine });
  expectVerified(result);
  if (expected === 'infeasible') {
    expect(result.feasible).toBe(false);
    expect(result.cost).toBeNull();
    return;
  }
  expect(result.feasible).toBe(true);
  expect(result.cost).not.toBeNull();
  expect(Math.abs((result.cost ?? Number.NaN) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
  if (testCase.expected_assignment_row_to_col !== null) {
    expect(result.assignment).toEqual(testCase.expected_assignment_row_to_col);
  }
}

function expectVerified(result: AssignmentResult): void {
  expect(result.end).toBe('halted');
  expect(result.verdict.message).toMatch(/^(optimal|no assignment)/);
  expect(result.verified).toBe(true);
}
