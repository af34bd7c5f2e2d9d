// File filters and small helpers shared by the import and export actions.

import type { FileFilter, ProblemFormat } from '../../../src-main/shared/api.ts';

export const MATRIX_FILES: FileFilter[] = [
  {
    name: 'Cost matrices (CSV, TSV, OR-Library, JSON)',
    extensions: ['csv', 'tsv', 'txt', 'json'],
  },
];
export const CSV_FILES: FileFilter[] = [{ name: 'CSV', extensions: ['csv'] }];
export const JSON_FILES: FileFilter[] = [{ name: 'JSON', extensions: ['json'] }];
export const TEXT_FILES: FileFilter[] = [{ name: 'Text', extensions: ['txt'] }];
export const C_FILES: FileFilter[] = [{ name: 'C source', extensions: ['c'] }];

/** The format a file name suggests; `auto` lets the engine look at the text. */
export function formatOf(name: string): ProblemFormat {
  if (name.endsWith('.json')) return 'json';
  if (name.endsWith('.csv') || name.endsWith('.tsv')) return 'csv';
  return 'auto';
}

export const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
