// Which nodes and heads the logits depend on. Everything else is dead weight: lookups whose
// outputs nobody reads, helper nodes left unused. The evaluator and the weight builder skip it.

import type { Graph, Lin } from './graph.ts';

export interface Liveness {
  node: Uint8Array;
  head: Uint8Array;
}

export function liveness(g: Graph, extraRoots: Iterable<Lin> = []): Liveness {
  const node = new Uint8Array(g.nodes.length);
  const head = new Uint8Array(g.heads.length);
  const stack: number[] = [];
  const mark = (lin: Lin): void => {
    for (const id of lin.terms.keys()) {
      if (!node[id]) {
        node[id] = 1;
        stack.push(id);
      }
    }
  };
  g.logits.forEach(mark);
  for (const lin of extraRoots) mark(lin);
  while (stack.length > 0) {
    const id = stack.pop()!;
    const n = g.nodes[id]!;
    if (n.kind === 'ffn') {
      for (const u of n.units) {
        mark(u.a);
        mark(u.b);
      }
    } else if (n.kind === 'lookup' && !head[n.head]) {
      head[n.head] = 1;
      const h = g.heads[n.head]!;
      h.query.forEach(mark);
      h.key.forEach(mark);
      // Every value of a live head is computed, but only live outputs need their inputs.
    }
    if (n.kind === 'lookup') mark(g.heads[n.head]!.values[n.index]!);
  }
  return { node, head };
}
