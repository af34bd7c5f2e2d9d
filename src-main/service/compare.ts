// Token-for-token comparison of a stored trace with its re-execution.

export interface TraceComparison {
  match: boolean;
  compared: number;
  /** first index where the traces differ, or where the shorter one ends; null on a match */
  firstDifference: number | null;
}

export function compareTraces(expected: Int32Array, actual: Int32Array): TraceComparison {
  const n = Math.min(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (expected[i] !== actual[i]) return { match: false, compared: i + 1, firstDifference: i };
  }
  const match = expected.length === actual.length;
  return { match, compared: n, firstDifference: match ? null : n };
}
