// The warning line of a plain-text summary whose transformer run failed its margin check: some
// decision came within the threshold of flipping, so a different but equally valid float
// summation order might have chosen another token, and the output may be wrong.
import { DEFAULT_MARGIN_THRESHOLD } from '../inference/margin.ts';

/** A run's margin fields, as RunResult and AssignmentResult carry them (transformer only). */
interface Margins {
  minMargin?: number;
  marginOk?: boolean;
}

/** The warning for a run whose margin check failed, or null (it passed, or has no margins). */
export function marginWarning({ minMargin, marginOk }: Margins): string | null {
  if (marginOk !== false) return null;
  const threshold = `threshold ${DEFAULT_MARGIN_THRESHOLD} ulps`;
  // a margin that is not a number comes from an overflow: nothing was measured
  const close =
    minMargin !== undefined && Number.isFinite(minMargin)
      ? `came within ${Number(minMargin.toPrecision(3))} ulps of a different decision`
      : 'overflowed float64 in a decision, which no margin measures';
  return `warning: the run ${close} (${threshold}), so its result may be wrong`;
}
