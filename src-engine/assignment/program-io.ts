// The conversation with hungarian.c: the input text it reads and the answer it prints.
// The program needs rows <= columns and minimises, so a tall problem is transposed and a
// maximisation negated here; the answer is mapped back to the problem's own rows and columns.
import { AssignmentError } from './errors.ts';
import type { AssignmentProblem } from './problem.ts';

/** The problem as the program sees it: n program rows, m program columns, n <= m. */
export interface ProgramLayout {
  n: number;
  m: number;
  /** program rows are the problem's columns */
  transposed: boolean;
}

export function programLayout(problem: AssignmentProblem): ProgramLayout {
  const transposed = problem.rows > problem.columns;
  const n = transposed ? problem.columns : problem.rows;
  const m = transposed ? problem.rows : problem.columns;
  return { n, m, transposed };
}

/** `n m`, then one line per program row: integers (negated to maximise) or x if forbidden. */
export function programInput(problem: AssignmentProblem): string {
  const { n, m, transposed } = programLayout(problem);
  const sign = problem.sense === 'max' ? -1 : 1;
  const lines = [`${n} ${m}`];
  for (let i = 0; i < n; i++) {
    const cells: string[] = [];
    for (let j = 0; j < m; j++) {
      const k = transposed ? j * problem.columns + i : i * problem.columns + j;
      cells.push(problem.forbidden[k] ? 'x' : String(sign * problem.costs[k]));
    }
    lines.push(cells.join(' '));
  }
  return `${lines.join('\n')}\n`;
}

/** The program's answer, in the problem's own rows and columns. */
export interface ProgramAnswer {
  feasible: boolean;
  /** column of each problem row, -1 where unassigned (all -1 when infeasible) */
  assignment: number[];
  /** the printed total in program units (scaled integers, negated when maximising) */
  total: number | null;
}

/** Reads the result section that hungarian.c prints at the end of its output. */
export function readProgramOutput(output: string, problem: AssignmentProblem): ProgramAnswer {
  const lines = output.split('\n');
  const failure = lines.find((line) => line.startsWith('error: '));
  if (failure !== undefined) throw outputError(`the program refused its input: ${failure}`);
  const start = lines.lastIndexOf('result');
  if (start < 0) throw outputError('no result section (the run may have been cut short)');
  const assignment: number[] = new Array<number>(problem.rows).fill(-1);
  if (lines[start + 1] === 'infeasible') return { feasible: false, assignment, total: null };
  const layout = programLayout(problem);
  for (let i = 1; i <= layout.n; i++) {
    const pair = /^row (\d+) col (\d+) cost -?\d+$/.exec(lines[start + i] ?? '');
    const column = pair === null ? 0 : Number(pair[2]);
    if (pair === null || Number(pair[1]) !== i || column < 1 || column > layout.m) {
      throw outputError(`result line ${i} is '${lines[start + i] ?? ''}', not 'row ${i} col J'`);
    }
    if (layout.transposed) assignment[column - 1] = i - 1;
    else assignment[i - 1] = column - 1;
  }
  const total = /^total (-?\d+)$/.exec(lines[start + layout.n + 1] ?? '');
  if (total === null) throw outputError('no total line after the matching');
  return { feasible: true, assignment, total: Number(total[1]) };
}

function outputError(message: string): AssignmentError {
  return new AssignmentError('PROGRAM_OUTPUT', message);
}
