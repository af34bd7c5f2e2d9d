// From input text to an AssignmentProblem: picks the format (or detects it) and hands the text
// to that format's reader, then to buildProblem for the shape, the limits and the scaling.
import { matrixFromData, readJson, type ReadMatrix } from './read-json.ts';
import { looksLikeOrLibrary, readDelimited, readOrLibrary } from './read-text.ts';
import { buildProblem, type AssignmentProblem } from './problem.ts';

/** `csv` also covers TSV, semicolons and white-space-separated rows. */
export type MatrixFormat = 'csv' | 'orlib' | 'json';
export type FormatChoice = MatrixFormat | 'auto';

export interface ReadOptions {
  /** default 'auto' */
  format?: FormatChoice;
  /** maximise the total instead of minimising it (so does a JSON input that asks for it) */
  maximize?: boolean;
}

/**
 * JSON if the text opens with [ or {; OR-Library if its first line is a lone whole number n
 * followed by exactly n·n values or by lines of several values; otherwise delimited rows. A
 * one-column matrix whose first value is n and that has n·n more rows reads as OR-Library:
 * pass the format to override.
 */
export function detectFormat(text: string): MatrixFormat {
  if (/^\s*[[{]/.test(text)) return 'json';
  return looksLikeOrLibrary(text) ? 'orlib' : 'csv';
}

export function readMatrix(text: string, format: FormatChoice = 'auto'): ReadMatrix {
  const chosen = format === 'auto' ? detectFormat(text) : format;
  if (chosen === 'json') return readJson(text);
  const cells = chosen === 'orlib' ? readOrLibrary(text) : readDelimited(text);
  return { cells, maximize: false };
}

/** Reads a cost matrix in any accepted format; throws AssignmentError on a refusal. */
export function readProblem(text: string, options: ReadOptions = {}): AssignmentProblem {
  return problemOf(readMatrix(text, options.format), options);
}

/** A problem from rows of JavaScript values (numbers, Infinity forbids, strings or null), or
 * from an object { matrix, sense?, maximize? } as in the JSON format. */
export function problemFromRows(rows: unknown, options: ReadOptions = {}): AssignmentProblem {
  return problemOf(matrixFromData(rows), options);
}

/** Either the caller or the input asking to maximise is enough: neither can veto the other. */
function problemOf(matrix: ReadMatrix, options: ReadOptions): AssignmentProblem {
  const maximize = options.maximize === true || matrix.maximize;
  return buildProblem(matrix.cells, maximize ? 'max' : 'min');
}
