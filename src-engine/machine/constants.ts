// Scales used by the machine's weights. Each is chosen so every key, score and logit stays an
// exact integer far below 2^53 (float64) while separating the cases it must separate.

/** Subtracted from the key of a token that must not answer a lookup: below any real score. */
export const CLEAR = 2 ** 50;

/** Logit bonus of the token class (byte vs step token) the machine wants next. */
export const CLASS = 2 ** 20;

/** Offsets per step never exceed 4, so `off + GAP·k - GAP - e + 1` is positive only when k = 1. */
export const GAP = 6;

export const TWO32 = 2 ** 32;
