import { describe, expect, it } from 'vitest';
import { readProblem } from './read.ts';
import { verifyAnswer } from './verify.ts';

const problem = readProblem('5 9 1\n10 3 2\n8 7 4');
const answer = (assignment: number[], total: number | null, feasible = true) => ({
  feasible,
  assignment,
  total,
});

describe('the verdict on an answer', () => {
  it('confirms an optimal matching', () => {
    const verdict = verifyAnswer(problem, answer([2, 1, 0], 12));
    expect(verdict).toMatchObject({ status: 'optimal', verified: true, optimum: 12 });
  });

  it('calls a valid but dearer matching suboptimal', () => {
    expect(verifyAnswer(problem, answer([1, 0, 2], 9 + 10 + 4))).toMatchObject({
      status: 'suboptimal',
      verified: false,
      optimum: 12,
    });
  });

  it('refuses repeated columns, forbidden pairs and missing rows', () => {
    expect(verifyAnswer(problem, answer([1, 1, 0], 20)).message).toMatch(/assigned twice/);
    const forbidding = readProblem('1 inf\n2 3');
    expect(verifyAnswer(forbidding, answer([1, 0], 0)).message).toMatch(/is forbidden/);
    expect(verifyAnswer(problem, answer([2, 1, -1], 4)).message).toMatch(/2 pairs assigned/);
  });

  it("refuses a total that differs from the matching's cost", () => {
    expect(verifyAnswer(problem, answer([2, 1, 0], 11)).message).toMatch(/add up to 12/);
  });

  it('confirms infeasibility only when no assignment exists', () => {
    const blocked = readProblem('1 inf\n2 inf');
    expect(verifyAnswer(blocked, answer([-1, -1], null, false)).status).toBe('infeasible');
    expect(verifyAnswer(problem, answer([-1, -1, -1], null, false)).status).toBe('disagree');
  });

  it('compares maximised and scaled answers in program units', () => {
    const profit = readProblem('1.5 2\n3 1', { maximize: true });
    expect(verifyAnswer(profit, answer([1, 0], -50))).toMatchObject({
      status: 'optimal',
      optimum: 5,
    });
  });
});
