// Decision margins: how far each hard choice (an attention argmax, the output argmax) was
// from flipping, in units of float64 rounding at the scale of the numbers involved:
//   margin = gap / (2^-52 * max(1, largest |term| of the winning score))
// A run whose smallest margin stays above the threshold could not have been flipped by a
// different but equally valid float summation order; the engine reports it as marginOk.

export const ULP_SCALE = 2 ** -52;

/** Default threshold: 64 ulps, far above the few ulps any reordering of a short sum moves. */
export const DEFAULT_MARGIN_THRESHOLD = 64;

export function marginInUlps(gap: number, termMax: number): number {
  const margin = gap / (ULP_SCALE * (termMax > 1 ? termMax : 1));
  // NaN (from an overflow) counts as a failure; + 0 turns a -0 gap into 0.
  return margin === margin ? margin + 0 : -Infinity;
}

/** Where the smallest margin of a run occurred. */
export interface MarginSite {
  readonly kind: 'attention' | 'output';
  readonly position: number;
  readonly layer: number; // -1 for the output argmax
  readonly head: number; // -1 for the output argmax
}

export interface MarginReport {
  /** Smallest margin over all choices so far (+Infinity when none was close). */
  readonly minMargin: number;
  readonly threshold: number;
  /** minMargin > threshold. */
  readonly marginOk: boolean;
  readonly site: MarginSite | null;
}
