// Turns the machine graph into transformer weights. Every live node gets its own residual slot
// (checkSlots then verifies, from the weights alone, that each slot has one writer and is
// read only after it is written);
// a Lin becomes one sparse row (its terms at their nodes' slots, its constant as the bias):
//   embed node       -> column of the embedding matrix
//   position node    -> a position-feature slot (p or p²)
//   lookup head      -> a head in its layer: q, k rows from the Lins, v rows for the live
//                       outputs, o writing value j into output j's slot
//   FFN node         -> one unit per gated unit (a and b rows), output c into the node's slot
//   logits           -> the unembedding
// Building is deterministic: the same graph always gives the same bytes.

import type { Graph, Lin } from '../graph/graph.ts';
import type { MatrixBuilder, ProjectionBuilder } from '../model/builder.ts';
import { ModelBuilder } from '../model/builder.ts';
import type { LayerConfig, Model, PositionFeature, SparseMatrix } from '../model/types.ts';
import { checkSlots } from './check-slots.ts';
import { schedule } from './schedule.ts';

export interface BuildReport {
  layers: number;
  dModel: number;
  heads: number;
  ffnUnits: number;
  maxFfnWidth: number;
  /** nonzero entries of the weight matrices (biases not counted) */
  parameters: number;
  /** entries of the same matrices stored dense: the size of the equivalent dense model */
  denseParameters: number;
}

export function buildModel(
  g: Graph,
  vocab: readonly string[],
  meta: Record<string, string> = {},
): Model {
  const sched = schedule(g);
  const slot = new Int32Array(g.nodes.length).fill(-1);
  const slotNames: string[] = [];
  g.nodes.forEach((n, id) => {
    if (sched.ready[id]! < 0 || !sched.live.node[id]) return;
    slot[id] = slotNames.length;
    slotNames.push(n.name);
  });

  const heads: number[][] = Array.from({ length: sched.layers }, () => []);
  g.heads.forEach((_, h) => sched.headLayer[h]! >= 0 && heads[sched.headLayer[h]!]!.push(h));
  const ffnNodes: number[][] = Array.from({ length: sched.layers }, () => []);
  g.nodes.forEach((n, id) => {
    if (n.kind === 'ffn' && sched.ready[id]! > 0) ffnNodes[(sched.ready[id]! - 2) >> 1]!.push(id);
  });
  const liveOutputs = (h: number): number[] =>
    g.heads[h]!.outputs.map((id, i) => (slot[id]! >= 0 ? i : -1)).filter((i) => i >= 0);

  const positionFeatures: PositionFeature[] = [];
  g.nodes.forEach((n, id) => {
    if (n.kind === 'position' && slot[id]! >= 0)
      positionFeatures.push({ kind: n.feature, slot: slot[id]! });
  });
  const layers: LayerConfig[] = heads.map((hs, l) => ({
    heads: hs.map((h) => ({
      name: g.heads[h]!.name,
      tieRule: g.heads[h]!.tie,
      dv: liveOutputs(h).length,
    })),
    ffnWidth: ffnNodes[l]!.reduce((w, id) => w + unitsOf(g, id), 0),
  }));
  const mb = new ModelBuilder({
    vocab,
    dModel: slotNames.length,
    positionFeatures,
    layers,
    slotNames,
    meta,
  });

  const row = (m: ProjectionBuilder, r: number, lin: Lin): void => {
    for (const [id, c] of lin.terms) m.add(r, slot[id]!, c);
    m.bias[r] = lin.bias;
  };
  g.nodes.forEach((n, id) => {
    if (n.kind !== 'embed' || slot[id]! < 0) return;
    n.table.forEach((v, t) => mb.embed.add(t, slot[id]!, v));
  });
  heads.forEach((hs, l) =>
    hs.forEach((h, i) => {
      const head = g.heads[h]!;
      const w = mb.heads[l]![i]!;
      head.query.forEach((lin, r) => row(w.q, r, lin));
      head.key.forEach((lin, r) => row(w.k, r, lin));
      liveOutputs(h).forEach((vi, j) => {
        row(w.v, j, head.values[vi]!);
        (w.o as MatrixBuilder).add(j, slot[head.outputs[vi]!]!, 1);
      });
    }),
  );
  ffnNodes.forEach((ids, l) => {
    const f = mb.ffns[l]!;
    let u = 0;
    for (const id of ids) {
      const n = g.nodes[id]!;
      if (n.kind !== 'ffn') continue;
      for (const unit of n.units) {
        row(f.a, u, unit.a);
        row(f.b, u, unit.b);
        f.out.add(u, slot[id]!, unit.c);
        u++;
      }
    }
  });
  g.logits.forEach((lin, t) => row(mb.unembed, t, lin));
  const model = mb.build();
  const { problems } = checkSlots(model);
  if (problems.length > 0) throw new Error(`invalid slot allocation:\n${problems.join('\n')}`);
  return model;
}

const unitsOf = (g: Graph, id: number): number => {
  const n = g.nodes[id]!;
  return n.kind === 'ffn' ? n.units.length : 0;
};

export function describeModel(model: Model): BuildReport {
  const { config, weights } = model;
  const matrices: SparseMatrix[] = [weights.embed, weights.unembed.weight];
  let ffnUnits = 0;
  let heads = 0;
  for (const layer of weights.layers) {
    for (const h of layer.heads) {
      heads++;
      matrices.push(h.q.weight, h.k.weight, h.v.weight, h.o);
    }
    ffnUnits += layer.ffn.a.weight.rows;
    matrices.push(layer.ffn.a.weight, layer.ffn.b.weight, layer.ffn.out);
  }
  let parameters = 0;
  let denseParameters = 0;
  for (const m of matrices) {
    parameters += m.val.length;
    denseParameters += m.rows * m.cols;
  }
  return {
    layers: config.layers.length,
    dModel: config.dModel,
    heads,
    ffnUnits,
    maxFfnWidth: Math.max(...config.layers.map((l) => l.ffnWidth)),
    parameters,
    denseParameters,
  };
}
