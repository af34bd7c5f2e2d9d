// The assignment problem as the solver layer sees it: a rectangular matrix of exact integer
// costs with forbidden pairs, built from the cells any reader produced. Building it checks the
// shape and the limits and scales decimals to integers; it knows nothing of file formats.
import type { Cell } from './cell.ts';
import { AssignmentError } from './errors.ts';

/** Most rows and most columns a problem may have (hungarian.c's MAX_SIDE). */
export const MAX_SIDE = 500;

/** Largest cost magnitude after scaling: hungarian.c reads costs as 32-bit ints. */
export const MAX_COST = 2147483647;

export type Sense = 'min' | 'max';

export interface AssignmentProblem {
  rows: number;
  columns: number;
  /** rows×columns row-major: the input's costs times 10^scale, exact; 0 where forbidden */
  costs: Int32Array;
  /** rows×columns row-major: 1 where the pair is forbidden */
  forbidden: Uint8Array;
  /** decimal places the costs were scaled by */
  scale: number;
  sense: Sense;
}

/** Checks the shape and limits of `cells` (rows of cells) and scales them to integers. */
export function buildProblem(cells: readonly (readonly Cell[])[], sense: Sense): AssignmentProblem {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0].length;
  checkShape(cells, columns);
  const scale = commonScale(cells);
  const costs = new Int32Array(rows * columns);
  const forbidden = new Uint8Array(rows * columns);
  cells.forEach((line, i) =>
    line.forEach((cell, j) => {
      if (cell.kind === 'forbidden') forbidden[i * columns + j] = 1;
      else costs[i * columns + j] = scaled(cell, scale.places, i + 1, j + 1, scale.source);
    }),
  );
  return { rows, columns, costs, forbidden, scale: scale.places, sense };
}

function checkShape(cells: readonly (readonly Cell[])[], columns: number): void {
  const limit = `the solver handles at most ${MAX_SIDE} rows and ${MAX_SIDE} columns`;
  if (cells.length > MAX_SIDE) {
    throw new AssignmentError('MATRIX_TOO_LARGE', `the matrix has ${cells.length} rows; ${limit}`);
  }
  if (columns > MAX_SIDE) {
    throw new AssignmentError('MATRIX_TOO_LARGE', `the matrix has ${columns} columns; ${limit}`);
  }
  cells.forEach((line, i) => {
    if (line.length === columns) return;
    const found = `row ${i + 1} has ${cellCount(line.length)} but row 1 has ${columns}`;
    const column = Math.min(line.length, columns) + 1;
    const what = line.length < columns ? 'missing' : 'extra';
    const message = `${what} cell (${found}); every row needs the same number of cells`;
    throw new AssignmentError('MATRIX_RAGGED', message, i + 1, column);
  });
}

const cellCount = (k: number): string => `${k} ${k === 1 ? 'cell' : 'cells'}`;

interface Scale {
  places: number;
  /** the first cell needing that many places, as "row r, column c (text)" */
  source: string;
}

/** The fewest decimal places that make every cost an integer. */
function commonScale(cells: readonly (readonly Cell[])[]): Scale {
  let scale: Scale = { places: 0, source: '' };
  cells.forEach((line, i) =>
    line.forEach((cell, j) => {
      if (cell.kind === 'cost' && -cell.exponent > scale.places) {
        const source = `row ${i + 1}, column ${j + 1} (${decimalText(cell)})`;
        scale = { places: -cell.exponent, source };
      }
    }),
  );
  return scale;
}

/** mantissa·10^(exponent+places) as a number, refused unless exact and within MAX_COST. */
function scaled(cell: CostCell, places: number, row: number, column: number, source: string) {
  if (cell.mantissa === 0n) return 0;
  const power = cell.exponent + places;
  if (power <= 10 && abs(cell.mantissa) * 10n ** BigInt(power) <= BigInt(MAX_COST)) {
    return Number(cell.mantissa * 10n ** BigInt(power));
  }
  const limit = `beyond ${MAX_COST}, the largest magnitude the solver holds exactly`;
  if (exceedsLimit(cell)) {
    const message = `${decimalText(cell)} is ${limit}: divide every cost by a common factor`;
    throw new AssignmentError('CELL_TOO_LARGE', message, row, column);
  }
  const why = `with ${places} decimal places (needed by ${source}) it scales ${limit}`;
  const message = `${decimalText(cell)}: ${why}; round the costs to fewer decimals`;
  throw new AssignmentError('CELL_TOO_PRECISE', message, row, column);
}

type CostCell = Cell & { kind: 'cost' };

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** Whether the cell's value itself, before any scaling, is beyond MAX_COST. */
function exceedsLimit(cell: CostCell): boolean {
  const digits = abs(cell.mantissa).toString().length;
  if (digits + cell.exponent > 10) return true;
  if (digits + cell.exponent < 10) return false;
  const limit = BigInt(MAX_COST);
  if (cell.exponent >= 0) return abs(cell.mantissa) * 10n ** BigInt(cell.exponent) > limit;
  return abs(cell.mantissa) > limit * 10n ** BigInt(-cell.exponent);
}

/** A short exact rendering of a decimal cell for messages. */
export function decimalText(cell: CostCell): string {
  const text = `${cell.mantissa}`;
  if (cell.exponent === 0) return text;
  if (Math.abs(cell.exponent) > 20) return `${text}e${cell.exponent}`;
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  if (cell.exponent > 0) return `${text}${'0'.repeat(cell.exponent)}`;
  const padded = digits.padStart(1 - cell.exponent, '0');
  const point = padded.length + cell.exponent;
  return `${negative ? '-' : ''}${padded.slice(0, point)}.${padded.slice(point)}`;
}

/** A total in program units (scaled integers, negated when maximising) in the input's units. */
export function inputUnits(problem: AssignmentProblem, programUnits: number): number {
  const value = programUnits / 10 ** problem.scale;
  return (problem.sense === 'max' ? -value : value) + 0;
}

/** The matrix in the input's units, null for a forbidden pair (for display). */
export function problemRows(problem: AssignmentProblem): (number | null)[][] {
  const unit = 10 ** problem.scale;
  return Array.from({ length: problem.rows }, (_, i) =>
    Array.from({ length: problem.columns }, (_, j) => {
      const k = i * problem.columns + j;
      return problem.forbidden[k] ? null : problem.costs[k] / unit;
    }),
  );
}
