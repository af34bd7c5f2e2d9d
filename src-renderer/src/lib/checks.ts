// Checks of what the user typed or opened, made before anything is built or called, each
// answering a plain sentence with the accepted range (null when the value is fine). The main
// process still validates every call (src-main/shared/validate.ts); these keep its wording,
// meant for a misbehaving renderer, away from the user.

import { MAX_MATRIX_TEXT, MAX_NAME, MAX_SOURCE } from '../../../src-main/shared/limits.ts';
import { count } from './format.ts';

/**
 * Why a number field's value is not a whole number in lo..hi. `value` is what Svelte binds
 * from `<input type="number">`: null when the field is empty or holds no readable number.
 */
export function wholeNumberError(
  label: string,
  value: number | null,
  lo: number,
  hi: number,
): string | null {
  const wanted = `enter a whole number from ${lo} to ${hi}`;
  if (value === null || Number.isNaN(value)) return `${label}: ${wanted}.`;
  if (!Number.isInteger(value)) return `${label} ${value} is a fraction: ${wanted}.`;
  if (value < lo) return `${label} ${value} is too small: ${wanted}.`;
  if (value > hi) return `${label} ${value} is too large: ${wanted}.`;
  return null;
}

/** Why a program name would be refused (the same trimming as the store's). */
export function programNameError(name: string): string | null {
  const length = name.trim().length;
  if (length === 0) return 'Enter a name for the program.';
  if (length <= MAX_NAME) return null;
  return `The name has ${count(length)} characters; a program name can have at most ${MAX_NAME}.`;
}

/** Why a C source or a program input (`what`, as in "The program") is too long to send. */
export function sourceError(what: string, text: string): string | null {
  if (text.length <= MAX_SOURCE) return null;
  const mib = MAX_SOURCE / 2 ** 20;
  return (
    `${what} has ${count(text.length)} characters; ` +
    `the app accepts at most ${count(MAX_SOURCE)} (${mib} MiB).`
  );
}

/** Why a matrix text of `length` characters (or a file of that many bytes) is not read. */
export function matrixTextError(length: number): string | null {
  if (length <= MAX_MATRIX_TEXT) return null;
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(n % 2 ** 20 === 0 ? 0 : 1)} MiB`;
  return `The matrix text is ${mib(length)}; the app reads at most ${mib(MAX_MATRIX_TEXT)}.`;
}
