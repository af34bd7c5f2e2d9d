// The cost grid's data as the user edits it (text cells) and its conversions: to a problem
// with cell-precise refusals, from a pasted spreadsheet block, from a seeded random draw, and
// to the result exports. Parsing of files is the engine's (parseProblem), not this module's.

import type { AssignmentOutcome, AssignmentProblem, Sense } from '../../../src-main/shared/api.ts';

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

/** Reads every cell; throws CellError naming the first bad one (1-based in the message). */
export function toProblem(g: Grid, sense: Sense): AssignmentProblem {
  const costs = g.cells.map((row, i) => row.map((text, j) => readCost(text, i, j)));
  const named = (names: string[]) => (names.some((n) => n.trim()) ? names : undefined);
  const rowNames = named(g.rowNames);
  const colNames = named(g.colNames);
  return { costs, sense, ...(rowNames ? { rowNames } : {}), ...(colNames ? { colNames } : {}) };
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

/** Writes a block into the grid at (row, col), growing it as needed. */
export function pasteBlock(g: Grid, block: string[][], row: number, col: number): Grid {
  const rows = Math.max(g.cells.length, row + block.length);
  const cols = Math.max(g.cells[0]?.length ?? 0, col + Math.max(...block.map((b) => b.length)));
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

/** Integer costs 1..100 drawn from the seed. */
export function randomGrid(rows: number, cols: number, seed: number): Grid {
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
