// The distinct keys of one head and their merged records (key-record.ts), found by a hash of
// the key. Every token's key and value are folded into the one record of its key, once; the
// hull chains and the extreme-x groups refer to records by id and never copy them. Keys
// compare with ===, so -0 and 0 are one key, as they score identically.

import { foldRecord, writeRecord } from './key-record.ts';
import { resized } from './key-store.ts';

export class KeyTable {
  n = 0; // distinct keys; record ids are 0 .. n-1 in order of arrival
  keys = new Float64Array(16); // [cap * 2] (kx, ky) of each record
  rec: Float64Array; // [cap * (2 + dv)] merged record of each key
  private slots = new Int32Array(32); // [2^k] open addressing: record id + 1, or 0 = free
  private readonly bits = new Float64Array(2); // the key whose hash is taken
  private readonly words = new Int32Array(this.bits.buffer); // its four 32-bit words

  constructor(
    readonly dv: number,
    readonly average: boolean,
  ) {
    this.rec = new Float64Array(8 * (2 + dv));
  }

  /** The id of key (kx, ky), or -1 when it has no record yet. */
  find(kx: number, ky: number): number {
    const { keys, slots } = this;
    const mask = slots.length - 1;
    for (let s = this.hash(kx, ky) & mask; ; s = (s + 1) & mask) {
      const id = slots[s] - 1;
      if (id < 0 || (keys[2 * id] === kx && keys[2 * id + 1] === ky)) return id;
    }
  }

  /** Adds a key that has no record yet, with its first token; returns its id. */
  add(kx: number, ky: number, position: number, src: Float64Array, off: number): number {
    const id = this.n++;
    if (2 * this.n > this.keys.length) this.grow();
    this.keys[2 * id] = kx;
    this.keys[2 * id + 1] = ky;
    writeRecord(this.rec, this.dv, id, position, src, off);
    if (4 * this.n > this.slots.length) this.rehash();
    else this.place(id);
    return id;
  }

  /** Folds one more token into record `id`. */
  fold(id: number, position: number, src: Float64Array, off: number): void {
    foldRecord(this.average, this.rec, this.dv, id, position, src, off);
  }

  reset(): void {
    this.n = 0;
    this.slots.fill(0);
  }

  /** Mixes the words of both components (+ 0 turns -0 into 0: equal keys, equal hashes). */
  private hash(kx: number, ky: number): number {
    const w = this.words;
    this.bits[0] = kx + 0;
    this.bits[1] = ky + 0;
    let h = Math.imul(w[0] ^ Math.imul(w[1], 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 15) ^ w[2] ^ Math.imul(w[3], 0xc2b2ae35), 0x27d4eb2f);
    return h ^ (h >>> 16);
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let s = this.hash(this.keys[2 * id], this.keys[2 * id + 1]) & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = id + 1;
  }

  /** Doubles the slots (kept at most a quarter full, so probes stay short). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    for (let id = 0; id < this.n; id++) this.place(id);
  }

  private grow(): void {
    this.keys = resized(this.keys, this.keys.length * 2);
    this.rec = resized(this.rec, this.rec.length * 2);
  }
}
