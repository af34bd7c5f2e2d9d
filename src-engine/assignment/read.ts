// From input text to an AssignmentProblem: picks the format (or detects it) and hands the text
// to that format's reader, then to buildProblem for the shape, the limits and the scaling.
import type { Cell } from './cell.ts';
import { cellsFromRows, readJson } from './read-json.ts';
import { looksLikeOrLibrary, readDelimited, readOrLibrary } from './read-text.ts';
import { buildProblem, type AssignmentProblem } from './problem.ts';

/** `csv` also covers TSV, semicolons and white-space-separated rows. */
export type MatrixFormat = 'csv' | 'orlib' | 'json';
export type FormatChoice = MatrixFormat | 'auto';

export interface ReadOptions {
  /** default 'auto' */
  format?: FormatChoice;
  /** maximise the total instead of minimising it */
  maximize?: boolean;
}

/**
 * JSON if the text opens with [ or {; OR-Library if its first line is a lone whole number n
 * followed by exactly n·n values; otherwise delimited rows. A one-column matrix whose first
 * value is n and that has n·n more rows reads as OR-Library: pass the format to override.
 */
export function detectFormat(text: string): MatrixFormat {
  if (/^\s*[[{]/.test(text)) return 'json';
  return looksLikeOrLibrary(text) ? 'orlib' : 'csv';
}

export function readCells(text: string, format: FormatChoice = 'auto'): Cell[][] {
  const chosen = format === 'auto' ? detectFormat(text) : format;
  if (chosen === 'json') return readJson(text);
  return chosen === 'orlib' ? readOrLibrary(text) : readDelimited(text);
}

/** Reads a cost matrix in any accepted format; throws AssignmentError on a refusal. */
export function readProblem(text: string, options: ReadOptions = {}): AssignmentProblem {
  return buildProblem(readCells(text, options.format), options.maximize ? 'max' : 'min');
}

/** A problem from rows of JavaScript values: numbers (Infinity forbids), strings or null. */
export function problemFromRows(rows: unknown, options: ReadOptions = {}): AssignmentProblem {
  return buildProblem(cellsFromRows(rows), options.maximize ? 'max' : 'min');
}
