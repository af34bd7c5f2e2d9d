// The validity check of a layer schedule and slot allocation, read off the weights alone (not
// the graph that produced them). A residual stream is additive: a slot holds the right value
// only if exactly one component writes it, and a reader sees that value only from a later
// sublayer. Sublayers: 0 is the embedding with the position features, layer l's attention is
// 2l+1 and its FFN 2l+2, and the unembedding reads after the last layer (2L+1).
// buildModel runs it on every model it builds; the tests run it on broken models too.

import type { Model, SparseMatrix } from '../model/types.ts';

export interface SlotReport {
  /** the slots that no later component reads (harmless, but they widen the stream) */
  unread: string[];
  /** everything that makes the model invalid, one line each; empty when it is valid */
  problems: string[];
}

interface Writer {
  name: string;
  sublayer: number;
}

export function checkSlots(model: Model): SlotReport {
  const { config, weights } = model;
  const writers: Writer[][] = Array.from({ length: config.dModel }, () => []);
  const lastRead = new Int32Array(config.dModel).fill(-1);
  const reads: { slot: number; name: string; sublayer: number }[] = [];
  const write = (m: SparseMatrix, name: string, sublayer: number): void => {
    for (const slot of new Set(m.col)) writers[slot]!.push({ name, sublayer });
  };
  const read = (m: SparseMatrix, name: string, sublayer: number): void => {
    for (const slot of new Set(m.col)) {
      reads.push({ slot, name, sublayer });
      lastRead[slot] = Math.max(lastRead[slot]!, sublayer);
    }
  };

  write(weights.embed, 'the embedding', 0);
  for (const f of config.positionFeatures) {
    writers[f.slot]!.push({ name: `position feature ${f.kind}`, sublayer: 0 });
  }
  weights.layers.forEach((layer, l) => {
    layer.heads.forEach((h, i) => {
      const name = `layer ${l} head ${i} (${config.layers[l]!.heads[i]!.name})`;
      for (const p of [h.q, h.k, h.v]) read(p.weight, name, 2 * l + 1);
      write(h.o, name, 2 * l + 1);
    });
    read(layer.ffn.a.weight, `layer ${l} FFN`, 2 * l + 2);
    read(layer.ffn.b.weight, `layer ${l} FFN`, 2 * l + 2);
    write(layer.ffn.out, `layer ${l} FFN`, 2 * l + 2);
  });
  read(weights.unembed.weight, 'the unembedding', 2 * config.layers.length + 1);

  const slotName = (s: number): string => `slot ${s} (${config.slotNames?.[s] ?? 'unnamed'})`;
  const problems: string[] = [];
  writers.forEach((ws, s) => {
    if (ws.length > 1) {
      problems.push(`${slotName(s)} is written by ${ws.map((w) => w.name).join(' and ')}`);
    }
  });
  for (const { slot, name, sublayer } of reads) {
    const w = writers[slot]![0];
    if (w === undefined) problems.push(`${name} reads ${slotName(slot)}, which nothing writes`);
    else if (w.sublayer >= sublayer) {
      problems.push(`${name} reads ${slotName(slot)} before ${w.name} has written it`);
    }
  }
  const unread = writers.flatMap((ws, s) =>
    ws.length > 0 && lastRead[s]! < 0 ? [slotName(s)] : [],
  );
  return { unread, problems };
}
