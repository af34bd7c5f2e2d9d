// Memory. Writers are the data-image tokens of the prompt and the payload bytes of S steps;
// each keys (2a, -a²) on its byte address a and carries the byte, its top bit and a + 1.
// A read of address q takes the latest writer of q; if none exists the nearest writer answers,
// so the reader checks that the answer's a + 1 equals q + 1 and otherwise reads zero.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, scale, sub, sum } from '../graph/graph.ts';
import { and, gate, isZero, square } from '../graph/ops.ts';
import { Machine } from '../program/opcodes.ts';
import { CLEAR } from './constants.ts';
import type { TokenFeatures } from './features.ts';
import type { Role } from './role.ts';
import { latestFlagged } from './role.ts';

export interface MemoryByte {
  byte: Lin;
  bit7: Lin;
}

export type ReadMemory = (name: string, address: Lin) => MemoryByte;

/** `storeAddress` is the address of the current S step's first byte. */
export function memory(g: Graph, t: TokenFeatures, r: Role, storeAddress: Lin): ReadMemory {
  const [marker] = latestFlagged(g, 'mem.dataMarker', t.isDataMarker, [r.p]) as [Lin];
  const dataAddress = sum([1, r.p], [-1, marker], [1, Machine.DATA_BASE - 1]);
  const storeByte = and(g, 'mem.isStoreByte', r.k.S, t.isByte);
  const byteAddress = sum([1, storeAddress], [1, r.off], [1, -1]);
  const plusOne = add(
    gate(g, 'mem.dataKey', t.isData, add(dataAddress, 1)),
    gate(g, 'mem.storeKey', storeByte, add(byteAddress, 1)),
  );
  const writes = add(t.isData, storeByte);
  const a = sub(plusOne, writes);
  const key: [Lin, Lin] = [
    scale(2, a),
    sum([-1, square(g, 'mem.keySq', a)], [CLEAR, writes], [1, -CLEAR]),
  ];
  const values = [add(t.dataByte, t.byte), add(t.dataBit7, t.bit[7]!), plusOne];
  return (name, address) => {
    const [byte, bit7, found] = g.lookup(name, {
      query: [address, 1],
      key,
      values,
      tie: 'latest',
    }) as [Lin, Lin, Lin];
    const hit = isZero(g, `${name}.hit`, sub(found, add(address, 1)));
    return { byte: gate(g, `${name}.byte`, hit, byte), bit7: gate(g, `${name}.bit7`, hit, bit7) };
  };
}
