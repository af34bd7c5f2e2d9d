// The cost grid's data as the user edits it (text cells) and its conversions: to a problem
// with cell-precise refusals, from a pasted spreadsheet block, from a seeded random draw, and
// to the result exports. Parsing of files is the engine's (parseProblem), not this module's;
// its limits (MAX_SIDE, the cost range) are checked here too, before a grid or a run exists.

import type { AssignmentOutcome, AssignmentProblem, Sense } from '../../../src-main/shared/api.ts';
import { AssignmentError } from '../../../src-engine/assignment/errors.ts';
import { MAX_SIDE } from '../../../src-engine/assignment/problem.ts';
import { problemFromRows } from '../../../src-engine/assignment/read.ts';
import { MAX_LABEL } from '../../../src-main/shared/limits.ts';
import { wholeNumberError } from './checks.ts';

export interface Grid {
  cells: string[][];
  rowNames: string[];
  colNames: string[];
}

/** Text that marks a forbidden pair in a cell. */
const FORBIDDEN = new Set(['inf', 'x', '-', '∞']);

export class CellError extends Error {
  constructor(
    readonly row: number,
    readonly col: number,
    message: string,
  ) {
    super(message);
  }
}

export function emptyGrid(rows: number, cols: number): Grid {
  return {
    cells: Array.from({ length: rows }, () => Array<string>(cols).fill('0')),
    rowNames: Array<string>(rows).fill(''),
    colNames: Array<string>(cols).fill(''),
  };
}

/** What is over the solver's limit in a rows×cols matrix ("600 rows; …"), or null. */
function overLimit(rows: number, cols: number): string | null {
  const most = `the solver handles at most ${MAX_SIDE}`;
  if (rows > MAX_SIDE) return `${rows} rows; ${most}`;
  if (cols > MAX_SIDE) return `${cols} columns; ${most}`;
  return null;
}

/** Why a rows×cols grid cannot be solved (empty, or beyond MAX_SIDE), or null. */
export function sizeError(rows: number, cols: number): string | null {
  if (rows === 0 || cols === 0) return 'The matrix is empty: add a row and a column.';
  const over = overLimit(rows, cols);
  return over ? `The matrix has ${over}.` : null;
}

/**
 * Reads every cell and checks it as the solver will; throws CellError naming the first bad
 * cell (1-based in the message), or an Error for a grid that is too large or a name too long.
 */
export function toProblem(g: Grid, sense: Sense): AssignmentProblem {
  const size = sizeError(g.cells.length, g.cells[0]?.length ?? 0);
  if (size) throw new Error(size);
  const costs = g.cells.map((row, i) => row.map((text, j) => readCost(text, i, j)));
  checkCosts(costs);
  const rowNames = named(g.rowNames, 'row');
  const colNames = named(g.colNames, 'column');
  return { costs, sense, ...(rowNames ? { rowNames } : {}), ...(colNames ? { colNames } : {}) };
}

/** The names if any is given, after checking their length; undefined when all are blank. */
function named(names: string[], word: string): string[] | undefined {
  const long = names.findIndex((n) => n.length > MAX_LABEL);
  if (long >= 0) {
    const found = `The name of ${word} ${long + 1} has ${names[long]!.length} characters`;
    throw new Error(`${found}; a name can have at most ${MAX_LABEL}.`);
  }
  return names.some((n) => n.trim()) ? names : undefined;
}

/**
 * The solver's own reading of the costs (its range, the decimals it can scale exactly), run
 * here so a cost it would refuse is marked in the grid instead of failing a run.
 */
function checkCosts(costs: (number | null)[][]): void {
  try {
    problemFromRows(costs);
  } catch (e) {
    if (!(e instanceof AssignmentError) || e.row === null || e.column === null) throw e;
    const message = e.message.charAt(0).toUpperCase() + e.message.slice(1);
    throw new CellError(e.row - 1, e.column - 1, message);
  }
}

function readCost(text: string, i: number, j: number): number | null {
  const t = text.trim().toLowerCase();
  if (FORBIDDEN.has(t)) return null;
  const where = `Row ${i + 1}, column ${j + 1}`;
  if (t === '') throw new CellError(i, j, `${where} is empty: enter a cost, or inf to forbid it.`);
  const v = Number(t);
  if (!Number.isFinite(v) || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(t)) {
    throw new CellError(
      i,
      j,
      `${where}: "${text}" is not a number. ` +
        'Enter a cost such as 12 or -3.5, or inf to forbid the pair.',
    );
  }
  return v;
}

export function fromProblem(p: AssignmentProblem): Grid {
  return {
    cells: p.costs.map((row) => row.map((c) => (c === null ? 'inf' : String(c)))),
    rowNames: p.rowNames ?? Array<string>(p.costs.length).fill(''),
    colNames: p.colNames ?? Array<string>(p.costs[0]?.length ?? 0).fill(''),
  };
}

/** Splits a spreadsheet block (tab-separated, or commas/spaces) into rows of cell texts. */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r/g, '').split('\n');
  while (lines.length > 0 && lines.at(-1)!.trim() === '') lines.pop();
  return lines.map((l) => (l.includes('\t') ? l.split('\t') : l.trim().split(/[\s,;]+/)));
}

/**
 * Writes a block into the grid at (row, col), growing it as needed; throws, before building
 * anything, when the grown grid would be larger than the solver handles.
 */
export function pasteBlock(g: Grid, block: string[][], row: number, col: number): Grid {
  // a reduce, not Math.max(...): a block of many lines would overflow the argument list
  const width = block.reduce((w, line) => Math.max(w, line.length), 0);
  const rows = Math.max(g.cells.length, row + block.length);
  const cols = Math.max(g.cells[0]?.length ?? 0, col + width);
  const over = overLimit(rows, cols);
  if (over) throw new Error(`Not pasted: the matrix would have ${over}.`);
  const out = resize(g, rows, cols);
  block.forEach((line, i) => line.forEach((t, j) => (out.cells[row + i]![col + j] = t.trim())));
  return out;
}

export function resize(g: Grid, rows: number, cols: number): Grid {
  const cells = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => g.cells[i]?.[j] ?? '0'),
  );
  const fit = (names: string[], n: number) => Array.from({ length: n }, (_, k) => names[k] ?? '');
  return { cells, rowNames: fit(g.rowNames, rows), colNames: fit(g.colNames, cols) };
}

/** Largest seed: the generator's state has 32 bits, so a larger seed would repeat a smaller. */
export const MAX_SEED = 0xffffffff;

/** mulberry32: a small seeded generator, so a (size, seed) pair always gives one problem. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer costs 1..100 drawn from the seed; callers check the arguments (wholeNumberError). */
export function randomGrid(rows: number, cols: number, seed: number): Grid {
  const why =
    wholeNumberError('Rows', rows, 1, MAX_SIDE) ??
    wholeNumberError('Columns', cols, 1, MAX_SIDE) ??
    wholeNumberError('Seed', seed, 0, MAX_SEED);
  if (why) throw new RangeError(why);
  const next = random(seed);
  const g = emptyGrid(rows, cols);
  g.cells = g.cells.map((r) => r.map(() => String(1 + Math.floor(next() * 100))));
  return g;
}

const label = (names: string[], k: number, prefix: string) =>
  names[k]?.trim() || `${prefix}${k + 1}`;

/** The total for display: the cost, or why there is none (no assignment, or no answer yet). */
export function totalText(o: AssignmentOutcome): string {
  if (o.cost !== null) return String(o.cost);
  return o.feasible === false ? 'infeasible' : 'none (the run stopped before the answer)';
}

export function resultCsv(g: Grid, o: AssignmentOutcome): string {
  const lines = ['row,column,cost'];
  o.assignment.forEach((c, i) => {
    if (c >= 0)
      lines.push(`${label(g.rowNames, i, 'R')},${label(g.colNames, c, 'C')},${g.cells[i]![c]}`);
  });
  lines.push(`total,,${o.cost ?? (o.feasible === false ? 'infeasible' : '')}`);
  return lines.join('\n') + '\n';
}

export function resultJson(p: AssignmentProblem, o: AssignmentOutcome): string {
  return JSON.stringify({ problem: p, result: o }, null, 2) + '\n';
}
