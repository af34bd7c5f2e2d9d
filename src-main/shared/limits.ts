// The sizes a call's argument may have, in one place: validate.ts refuses anything beyond them
// where a call arrives, and the renderer checks the same limits first, so a user hears them in
// plain words instead of as a refused call. The matrix side is the solver's own (MAX_SIDE).

/** characters of a program name (after trimming) */
export const MAX_NAME = 120;
/** characters of a row or column name of a problem */
export const MAX_LABEL = 200;
/** characters of a C source or of a program's input: far beyond what the machine can hold */
export const MAX_SOURCE = 1 << 20;
/** characters of a matrix given as text (an imported file, pasted text) */
export const MAX_MATRIX_TEXT = 64 << 20;
