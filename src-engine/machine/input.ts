// Program input. Input byte k sits at position (INPUT marker) + 1 + k and keys (2k, -k²). The
// cursor counts GETCHAR steps so far, the length counts input tokens; both are running sums,
// used only as a query and in a comparison, where a few ulps of error cannot matter.

import type { Graph, Lin } from '../graph/graph.ts';
import { scale, sub, sum } from '../graph/graph.ts';
import { and, gate, square, step } from '../graph/ops.ts';
import { CLEAR, TWO32 } from './constants.ts';
import type { TokenFeatures } from './features.ts';
import type { Fetched } from './fetch.ts';
import type { Role } from './role.ts';
import { latestFlagged, runningSum } from './role.ts';

/** The value GETCHAR returns in the current step: the byte at the cursor, or 2^32 - 1 at EOF. */
export function input(g: Graph, t: TokenFeatures, r: Role, cur: Fetched): Lin {
  const [marker] = latestFlagged(g, 'in.marker', t.isInputMarker, [r.p]) as [Lin];
  const k = gate(g, 'in.key', t.isInput, sum([1, r.p], [-1, marker], [1, -1]));
  const key: [Lin, Lin] = [
    scale(2, k),
    sum([-1, square(g, 'in.keySq', k)], [CLEAR, t.isInput], [1, -CLEAR]),
  ];
  const length = runningSum(g, 'in.length', r.p, t.isInput);
  const getchar = and(g, 'in.isGetchar', t.kindIs.W, cur.op['GETCHAR']!);
  const cursor = sum([1, runningSum(g, 'in.cursor', r.p, getchar)], [1, -1]);
  const [byte] = g.lookup('in.byte', {
    query: [cursor, 1],
    key,
    values: [t.inputByte],
    tie: 'latest',
  });
  const eof = step(g, 'in.eof', sub(cursor, length));
  return sum([1, byte!], [1, gate(g, 'in.eofValue', eof, sum([-1, byte!], [1, TWO32 - 1]))]);
}
