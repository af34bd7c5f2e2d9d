// Readers for the plain-text formats: delimited rows (CSV, TSV, semicolons or white space) and
// OR-Library files (n, then n·n costs in row order, wrapped anywhere). They only split text
// into cells; cell.ts reads each cell and problem.ts checks the shape.
import { readCell, type Cell } from './cell.ts';
import { AssignmentError } from './errors.ts';
import { MAX_SIDE } from './problem.ts';

/** Lines that hold cells: blank lines and lines starting with # are skipped. */
function contentLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '' && !/^\s*#/.test(line));
}

/** The separator of delimited text: a comma, semicolon or tab if any line has one. */
function separator(lines: readonly string[]): string | RegExp {
  for (const mark of [',', ';', '\t']) if (lines.some((line) => line.includes(mark))) return mark;
  return /\s+/;
}

/** Rows of cells, one row per content line. */
export function readDelimited(text: string): Cell[][] {
  const lines = contentLines(text);
  if (lines.length === 0) throw empty();
  const mark = separator(lines);
  return lines.map((line, i) => {
    const fields = typeof mark === 'string' ? line.split(mark) : line.trim().split(mark);
    return fields.map((field, j) => readCell(unquote(field), i + 1, j + 1));
  });
}

function unquote(field: string): string {
  const trimmed = field.trim();
  return /^"[^"]*"$/.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
}

/** The OR-Library layout: the first number is n, then exactly n·n costs. */
export function readOrLibrary(text: string): Cell[][] {
  const words = contentLines(text).flatMap((line) => line.trim().split(/\s+/));
  if (words.length === 0) throw empty();
  if (!/^\d+$/.test(words[0])) {
    const message = `the first number must be the size n, found '${words[0].slice(0, 24)}'`;
    throw new AssignmentError('INPUT_ORLIB', message);
  }
  const n = Number(words[0]);
  if (n > MAX_SIDE) {
    const message = `size ${n}: the solver handles at most ${MAX_SIDE} rows and columns`;
    throw new AssignmentError('MATRIX_TOO_LARGE', message);
  }
  const found = words.length - 1;
  if (found !== n * n) throw countError(n, found);
  const rows: Cell[][] = [];
  for (let i = 0; i < n; i++) {
    const line = words.slice(1 + i * n, 1 + (i + 1) * n);
    rows.push(line.map((word, j) => readCell(word, i + 1, j + 1)));
  }
  return rows;
}

function countError(n: number, found: number): AssignmentError {
  const expected = `expected n·n = ${n * n} costs after n = ${n}, found ${found}`;
  if (found > n * n) return new AssignmentError('INPUT_ORLIB', `${expected} (extra values)`);
  const row = Math.floor(found / n) + 1;
  const column = (found % n) + 1;
  return new AssignmentError('INPUT_ORLIB', `missing cost (${expected})`, row, column);
}

function empty(): AssignmentError {
  return new AssignmentError('INPUT_EMPTY', 'the input has no cells: give at least one row');
}

/**
 * Whether text looks like an OR-Library file: a lone whole number n on the first line, then
 * either exactly n·n values or lines of several values (which as delimited rows would be ragged
 * against the one-cell first row, so the count of costs is the better thing to report).
 */
export function looksLikeOrLibrary(text: string): boolean {
  if (/[,;]/.test(text)) return false;
  const lines = contentLines(text).map((line) => line.trim().split(/\s+/));
  if (lines.length === 0) return false;
  const head = lines[0];
  if (head.length !== 1 || !/^\d+$/.test(head[0])) return false;
  const n = Number(head[0]);
  const words = lines.reduce((sum, line) => sum + line.length, 0);
  return words === 1 + n * n || lines.some((line) => line.length > 1);
}
