// Reader for JSON matrices: an array of rows (or an object whose `matrix` field is one), each
// row an array of numbers, numeric strings, "inf" or null (a forbidden pair). Number literals
// are read from the text itself, not through float64, so decimals stay exact. The same rows
// given as JavaScript values (the app, tests) go through cellsFromRows.
import { FORBIDDEN, readCell, type Cell } from './cell.ts';
import { AssignmentError } from './errors.ts';

export function readJson(text: string): Cell[][] {
  let data: unknown;
  try {
    data = JSON.parse(quoteNumbers(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AssignmentError('INPUT_JSON', `not valid JSON (${reason})`);
  }
  return cellsFromRows(data);
}

/**
 * Cells from parsed data: an array of rows (or { matrix: rows }). Numbers are read through
 * their shortest decimal text, so Infinity is a forbidden pair and NaN is refused.
 */
export function cellsFromRows(data: unknown): Cell[][] {
  const rows = isMatrixObject(data) ? data.matrix : data;
  if (!Array.isArray(rows)) {
    const message = 'expected an array of rows, or an object with a "matrix" array';
    throw new AssignmentError('INPUT_JSON', message);
  }
  return rows.map((row: unknown, i) => {
    if (!Array.isArray(row)) {
      throw new AssignmentError('INPUT_JSON', 'expected an array of cells', i + 1);
    }
    return row.map((value: unknown, j) => jsonCell(value, i + 1, j + 1));
  });
}

function isMatrixObject(data: unknown): data is { matrix: unknown } {
  return typeof data === 'object' && data !== null && 'matrix' in data;
}

function jsonCell(value: unknown, row: number, column: number): Cell {
  if (value === null) return FORBIDDEN;
  if (typeof value === 'string') return readCell(value, row, column);
  if (typeof value === 'number') return readCell(String(value), row, column);
  const found = Array.isArray(value) ? 'an array' : typeof value;
  const message = `expected a number, "inf" or null, found ${found}`;
  throw new AssignmentError('CELL_NOT_A_NUMBER', message, row, column);
}

/**
 * Wraps every number literal outside strings in quotes, so JSON.parse hands over its exact
 * text. Strings (with their escapes) are copied unchanged.
 */
function quoteNumbers(text: string): string {
  const numberLiteral = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      numberLiteral.lastIndex = i;
      const literal = numberLiteral.exec(text)?.[0] ?? ch;
      out += literal === '-' ? literal : `"${literal}"`;
      i += literal.length;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Index just past the string literal that opens at `start` (or the text's end). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}
