// The slot check on the machine model, on the hand-built engine models, and on models broken
// in each of the ways it must catch.

import { describe, expect, it } from 'vitest';
import { previousTokenByParity, previousTokenByPosition } from '../inference/test-models.ts';
import { machineGraph } from '../machine/build.ts';
import { ModelBuilder } from '../model/builder.ts';
import type { Model } from '../model/types.ts';
import { vocabulary } from '../program/vocab.ts';
import { buildModel } from './build.ts';
import { checkSlots } from './check-slots.ts';

/** Two layers of one head each over four slots: 0 token, 1 one, 2 and 3 head outputs. */
function twoLayers(edit: (b: ModelBuilder) => void): Model {
  const head = { name: 'h', tieRule: 'latest', dv: 1 } as const;
  const b = new ModelBuilder({
    vocab: ['a', 'b'],
    dModel: 4,
    positionFeatures: [{ kind: 'one', slot: 1 }],
    layers: [
      { heads: [head], ffnWidth: 0 },
      { heads: [head], ffnWidth: 1 },
    ],
    slotNames: ['token', 'one', 'first', 'second'],
  });
  b.embed.add(1, 0, 1);
  for (const [l, from, to] of [
    [0, 0, 2],
    [1, 2, 3],
  ] as const) {
    b.heads[l]![0]!.q.add(0, 1, 1);
    b.heads[l]![0]!.k.add(0, from, 1);
    b.heads[l]![0]!.v.add(0, from, 1);
    b.heads[l]![0]!.o.add(0, to, 1);
  }
  b.unembed.add(1, 3, 1);
  edit(b);
  return b.build();
}

describe('the slot check', () => {
  it('finds no problem in the machine model, every slot read', () => {
    expect(checkSlots(buildModel(machineGraph(), vocabulary()))).toEqual({
      unread: [],
      problems: [],
    });
  });

  it('finds no problem in the hand-built engine models', () => {
    for (const model of [previousTokenByPosition(), previousTokenByParity()]) {
      expect(checkSlots(model).problems).toEqual([]);
    }
    expect(checkSlots(twoLayers(() => {}))).toEqual({ unread: [], problems: [] });
  });

  it('refuses a slot that two components write', () => {
    const model = twoLayers((b) => b.ffns[1]!.out.add(0, 2, 1));
    expect(checkSlots(model).problems).toEqual([
      'slot 2 (first) is written by layer 0 head 0 (h) and layer 1 FFN',
    ]);
  });

  it('refuses a read in the sublayer that writes the slot, or before it', () => {
    const sameLayer = twoLayers((b) => b.heads[1]![0]!.q.add(1, 3, 1));
    expect(checkSlots(sameLayer).problems).toEqual([
      'layer 1 head 0 (h) reads slot 3 (second) before layer 1 head 0 (h) has written it',
    ]);
    const earlier = twoLayers((b) => b.heads[0]![0]!.v.add(0, 3, 1));
    expect(checkSlots(earlier).problems).toEqual([
      'layer 0 head 0 (h) reads slot 3 (second) before layer 1 head 0 (h) has written it',
    ]);
  });

  it('refuses a read of a slot that nothing writes, and names the slots nobody reads', () => {
    const b = new ModelBuilder({
      vocab: ['a'],
      dModel: 3,
      positionFeatures: [{ kind: 'one', slot: 1 }],
      layers: [],
      slotNames: ['unwritten', 'one', 'unread'],
    });
    b.embed.add(0, 2, 1);
    b.unembed.add(0, 0, 1);
    expect(checkSlots(b.build())).toEqual({
      unread: ['slot 1 (one)', 'slot 2 (unread)'],
      problems: ['the unembedding reads slot 0 (unwritten), which nothing writes'],
    });
  });
});
