// One matrix cell, read exactly: a decimal number kept as mantissa·10^exponent (never through a
// float, so 0.1 stays 0.1), or a forbidden pair. Every format's reader goes through here, so the
// words accepted and refused are the same everywhere. Scaling to integers is scale.ts's job.
import { AssignmentError } from './errors.ts';

export type Cell =
  /** value = mantissa · 10^exponent; the mantissa has no trailing zeros (0 has exponent 0) */
  { kind: 'cost'; mantissa: bigint; exponent: number } | { kind: 'forbidden' };

export const FORBIDDEN: Cell = { kind: 'forbidden' };

/** Words for a forbidden pair (compared in lower case). */
const forbiddenWords = new Set(['inf', '+inf', 'infinity', '+infinity', 'x']);
const nanWords = new Set(['nan', '+nan', '-nan']);
const negativeInfinityWords = new Set(['-inf', '-infinity']);

const decimal = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Reads one cell's text; `row` and `column` (1-based) name it in refusals. */
export function readCell(text: string, row: number, column: number): Cell {
  const word = text.trim();
  const match = decimal.exec(word);
  if (match !== null && /\d/.test(`${match[2]}${match[3] ?? ''}`)) return costCell(match);
  const lower = word.toLowerCase();
  if (forbiddenWords.has(lower)) return FORBIDDEN;
  if (nanWords.has(lower)) {
    throw new AssignmentError('CELL_NAN', 'NaN is not a cost', row, column);
  }
  if (negativeInfinityWords.has(lower)) {
    const fix = 'write a finite cost, or inf to forbid the pair';
    throw new AssignmentError('CELL_NEGATIVE_INFINITY', `-inf is not a cost: ${fix}`, row, column);
  }
  const shown = word === '' ? 'an empty cell' : `'${word.slice(0, 24)}'`;
  const expected = 'a number, or inf / x for a forbidden pair';
  throw new AssignmentError(
    'CELL_NOT_A_NUMBER',
    `expected ${expected}, found ${shown}`,
    row,
    column,
  );
}

function costCell(match: RegExpExecArray): Cell {
  const [, sign, whole, fraction = '', power = '0'] = match;
  let digits = `${whole}${fraction}`.replace(/^0+/, '');
  let exponent = Number(power) - fraction.length;
  if (digits === '') return { kind: 'cost', mantissa: 0n, exponent: 0 };
  const trimmed = digits.replace(/0+$/, '');
  exponent += digits.length - trimmed.length;
  digits = trimmed;
  const mantissa = BigInt(digits);
  return { kind: 'cost', mantissa: sign === '-' ? -mantissa : mantissa, exponent };
}
