// The verdict on the program's answer: is the matching valid, does it cost what was printed,
// and is it optimal (or is the problem really infeasible)? Optimality comes from the
// independent Jonker-Volgenant solver together with its dual certificate, re-checked here, so
// a bug in either solver shows up as a disagreement or an unverified verdict, never as a pass.
import { solveSquare } from './jonker-volgenant.ts';
import type { ProgramAnswer } from './program-io.ts';
import { inputUnits, type AssignmentProblem } from './problem.ts';

export type VerdictStatus =
  | 'optimal' // valid, cost as printed, equal to the certified optimum
  | 'infeasible' // both solvers find no assignment avoiding the forbidden pairs
  | 'invalid' // the matching breaks a rule or its cost differs from the printed total
  | 'suboptimal' // valid but dearer than the certified optimum
  | 'disagree' // one solver finds an assignment, the other none
  | 'unverified' // the independent solver's certificate did not hold
  | 'incomplete'; // the run ended before the program printed its answer

export interface Verdict {
  status: VerdictStatus;
  /** true for 'optimal' and 'infeasible' */
  verified: boolean;
  /** one sentence for people */
  message: string;
  /** the certified optimum in the input's units, null if infeasible or uncertified */
  optimum: number | null;
}

/** Checks `answer` against `problem` with the independent solver. */
export function verifyAnswer(problem: AssignmentProblem, answer: ProgramAnswer): Verdict {
  const reference = solveIndependently(problem);
  if (reference.kind === 'uncertified') return verdict('unverified', reference.reason, null);
  const optimum = reference.kind === 'optimal' ? reference.cost : null;
  const shown = optimum === null ? null : inputUnits(problem, optimum);
  if (!answer.feasible) {
    const message = `the program found no assignment; one costs ${shown}`;
    if (optimum !== null) return verdict('disagree', message, shown);
    return verdict('infeasible', 'no assignment avoids the forbidden pairs', null);
  }
  const problemFound = matchingProblem(problem, answer);
  if (problemFound !== null) return verdict('invalid', problemFound, shown);
  if (optimum === null) {
    const message = 'the program found an assignment; the checker found none';
    return verdict('disagree', message, null);
  }
  const total = answer.total ?? Number.NaN;
  if (total !== optimum) {
    const message = `the matching costs ${inputUnits(problem, total)}, the optimum is ${shown}`;
    return verdict('suboptimal', message, shown);
  }
  return verdict('optimal', `optimal: equals the certified optimum ${shown}`, shown);
}

export function verdict(status: VerdictStatus, message: string, optimum: number | null): Verdict {
  return { status, verified: status === 'optimal' || status === 'infeasible', message, optimum };
}

/** Program-unit cost of a pair: the scaled cost, negated when maximising. */
function pairCost(problem: AssignmentProblem, row: number, column: number): number {
  const cost = problem.costs[row * problem.columns + column];
  return problem.sense === 'max' ? -cost : cost;
}

/** What is wrong with the matching, or null: shape, distinct columns, allowed pairs, total. */
function matchingProblem(problem: AssignmentProblem, answer: ProgramAnswer): string | null {
  const { rows, columns } = problem;
  const { assignment } = answer;
  if (assignment.length !== rows) return `${assignment.length} entries for ${rows} rows`;
  const taken = new Uint8Array(columns);
  let assigned = 0;
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = assignment[i];
    if (j === -1) continue;
    if (!Number.isInteger(j) || j < 0 || j >= columns) return `row ${i + 1}: no column ${j + 1}`;
    if (taken[j]) return `column ${j + 1} is assigned twice`;
    if (problem.forbidden[i * columns + j]) return `row ${i + 1}: column ${j + 1} is forbidden`;
    taken[j] = 1;
    assigned += 1;
    total += pairCost(problem, i, j);
  }
  const expected = Math.min(rows, columns);
  if (assigned !== expected) return `${assigned} pairs assigned, ${expected} expected`;
  if (total !== answer.total) {
    const printed = answer.total === null ? 'no total' : `${answer.total}`;
    return `the pairs add up to ${total} (program units) but the program printed ${printed}`;
  }
  return null;
}

type Reference =
  | { kind: 'optimal'; cost: number }
  | { kind: 'infeasible' }
  | { kind: 'uncertified'; reason: string };

/**
 * The optimum by Jonker-Volgenant on the square completion: padding rows or columns cost 0
 * (a row matched to padding is unassigned) and a forbidden pair costs `big`, more than any
 * difference between two assignments without one, so the optimum uses a forbidden pair only
 * if every assignment must. The certificate is checked before the result is believed.
 */
function solveIndependently(problem: AssignmentProblem): Reference {
  const { rows, columns } = problem;
  const n = Math.max(rows, columns);
  let low = 0,
    high = 0;
  for (let k = 0; k < rows * columns; k++) {
    if (problem.forbidden[k]) continue;
    const c = pairCost(problem, Math.floor(k / columns), k % columns);
    low = Math.min(low, c);
    high = Math.max(high, c);
  }
  const big = high + n * (high - low) + 1; // < 2^31 + 500·2^32 < 2^42
  const cost = new Float64Array(n * n);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < columns; j++) {
      cost[i * n + j] = problem.forbidden[i * columns + j] ? big : pairCost(problem, i, j);
    }
  }
  const { rowToColumn, v } = solveSquare(n, cost);
  const failure = certificateFailure(n, cost, rowToColumn, v);
  if (failure !== null) return { kind: 'uncertified', reason: failure };
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const j = rowToColumn[i];
    if (j >= columns) continue;
    if (problem.forbidden[i * columns + j]) return { kind: 'infeasible' };
    total += cost[i * n + j];
  }
  return { kind: 'optimal', cost: total };
}

/**
 * Re-checks the solver's optimality proof: a permutation, exact potentials, and every row's
 * column minimising cost - v. Returns what failed, or null.
 */
function certificateFailure(
  n: number,
  cost: Float64Array,
  x: Int32Array,
  v: Float64Array,
): string | null {
  const seen = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (x[i] < 0 || x[i] >= n || seen[x[i]]++) return 'the checker did not return a matching';
  }
  for (let j = 0; j < n; j++) {
    if (!Number.isSafeInteger(v[j]) || Math.abs(v[j]) >= 2 ** 52) {
      return "the checker's potentials left the exact range of float64";
    }
  }
  for (let i = 0; i < n; i++) {
    let best = Infinity;
    for (let j = 0; j < n; j++) best = Math.min(best, cost[i * n + j] - v[j]);
    if (cost[i * n + x[i]] - v[x[i]] !== best) {
      return `the checker's optimality certificate fails at row ${i + 1}`;
    }
  }
  return null;
}
