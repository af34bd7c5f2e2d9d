// Packs the graph into layers. Sublayer 0 is the embedding; layer l has its attention at
// sublayer 2l+1 and its FFN at 2l+2. A value computed at sublayer s can be read by any later
// sublayer, so each node goes to the earliest sublayer of its kind after all of its inputs
// (as soon as possible). Only nodes the logits depend on are scheduled.

import type { Graph, Lin } from '../graph/graph.ts';
import { liveness } from '../graph/live.ts';

export interface Schedule {
  /** sublayer at which each node's value is ready (-1: dead) */
  ready: Int32Array;
  /** layer of each head (-1: dead) */
  headLayer: Int32Array;
  layers: number;
  live: ReturnType<typeof liveness>;
}

export function schedule(g: Graph): Schedule {
  const live = liveness(g);
  const ready = new Int32Array(g.nodes.length).fill(-1);
  const headLayer = new Int32Array(g.heads.length).fill(-1);
  const after = (lins: Lin[]): number => {
    let s = 0;
    for (const lin of lins) {
      for (const id of lin.terms.keys()) {
        if (ready[id]! < 0) throw new Error(`node ${g.nodes[id]!.name} used before it is ready`);
        s = Math.max(s, ready[id]!);
      }
    }
    return s;
  };
  let last = 0;
  g.nodes.forEach((n, id) => {
    if (n.kind === 'embed' || n.kind === 'position') {
      ready[id] = 0;
      return;
    }
    if (n.kind === 'ffn') {
      if (!live.node[id]) return;
      const s = after(n.units.flatMap((u) => [u.a, u.b])) + 1;
      ready[id] = s % 2 === 0 ? s : s + 1;
    } else {
      if (!live.head[n.head]) return;
      if (headLayer[n.head]! < 0) {
        const h = g.heads[n.head]!;
        const used = h.values.filter((_, i) => live.node[h.outputs[i]!]);
        // The first sublayer after the inputs, rounded up to an attention sublayer 2l+1.
        headLayer[n.head] = (after([...h.query, ...h.key, ...used]) + 1) >> 1;
      }
      ready[id] = 2 * headLayer[n.head]! + 1;
    }
    last = Math.max(last, ready[id]!);
  });
  return { ready, headLayer, layers: Math.max(1, Math.ceil(last / 2)), live };
}
