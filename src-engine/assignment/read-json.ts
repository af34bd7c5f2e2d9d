// Reader for JSON matrices: an array of rows, or an object whose `matrix` field is one and
// whose `sense` ("min" or "max") or `maximize` (a boolean) asks for maximisation. Each row is
// an array of numbers, numeric strings, "inf" or null (a forbidden pair). Number literals are
// read from the text itself, not through float64, so decimals stay exact. The same rows given
// as JavaScript values (the app, tests) go through matrixFromData.
import { FORBIDDEN, readCell, type Cell } from './cell.ts';
import { AssignmentError } from './errors.ts';

/** The cells of a matrix, and whether the input itself asked to maximise. */
export interface ReadMatrix {
  cells: Cell[][];
  maximize: boolean;
}

/** Keys of a matrix object that change the problem. */
const PROBLEM_KEYS = ['matrix', 'sense', 'maximize'];

/** Keys that only describe a problem (those of the shared case files): read and ignored. */
const NOTE_KEYS = [
  'id',
  'name',
  'description',
  'note',
  'source',
  'expected_optimum',
  'expected_assignment_row_to_col',
];

export function readJson(text: string): ReadMatrix {
  let data: unknown;
  try {
    data = JSON.parse(quoteNumbers(text));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AssignmentError('INPUT_JSON', `not valid JSON (${reason})`);
  }
  return matrixFromData(data);
}

/**
 * A matrix from parsed data: an array of rows, or { matrix: rows } with an optional sense.
 * Numbers are read through their shortest decimal text, so Infinity is a forbidden pair and
 * NaN is refused. Unknown keys are refused, so a misspelt option is never silently ignored.
 */
export function matrixFromData(data: unknown): ReadMatrix {
  if (!isMatrixObject(data)) return { cells: cellsFromRows(data), maximize: false };
  checkKeys(data);
  return { cells: cellsFromRows(data.matrix), maximize: asksToMaximize(data) };
}

function cellsFromRows(rows: unknown): Cell[][] {
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

function checkKeys(data: object): void {
  const known = [...PROBLEM_KEYS, ...NOTE_KEYS];
  const unknown = Object.keys(data).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const names = unknown.map((key) => JSON.stringify(key)).join(', ');
  const accepted = PROBLEM_KEYS.map((key) => `"${key}"`).join(', ');
  const what = unknown.length > 1 ? 'unknown keys' : 'unknown key';
  const message = `${what} ${names}: a matrix object takes ${accepted} (docs/assignment.md)`;
  throw new AssignmentError('INPUT_JSON', message);
}

/** `sense` "max" or `maximize` true; refuses other values and a sense and flag that differ. */
function asksToMaximize(data: Record<string, unknown>): boolean {
  const { sense, maximize } = data;
  if (sense !== undefined && sense !== 'min' && sense !== 'max') {
    const message = `"sense" must be "min" or "max", found ${JSON.stringify(sense)}`;
    throw new AssignmentError('INPUT_JSON', message);
  }
  if (maximize !== undefined && typeof maximize !== 'boolean') {
    const message = `"maximize" must be true or false, found ${JSON.stringify(maximize)}`;
    throw new AssignmentError('INPUT_JSON', message);
  }
  if (sense !== undefined && maximize !== undefined && (sense === 'max') !== maximize) {
    const message = `"sense": "${sense}" contradicts "maximize": ${maximize}; give one of them`;
    throw new AssignmentError('INPUT_JSON', message);
  }
  return sense === 'max' || maximize === true;
}

function isMatrixObject(data: unknown): data is Record<string, unknown> & { matrix: unknown } {
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
