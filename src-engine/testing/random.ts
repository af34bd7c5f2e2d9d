// A small seeded pseudo-random generator for the test generators, so that a corpus is the same
// on every machine and a failing case can be rebuilt from its seed alone.

/** 32-bit edge operands that arithmetic bugs like to hide behind. */
export const EDGE_WORDS: readonly number[] = [
  0, 1, 2, 3, 7, 8, 31, 32, 33, 63, 64, 100, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff,
  0x10000, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0xffffffff, 0xffffff80, 0xffff8000,
];

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** Next unsigned 32-bit value (mulberry32). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor((this.next() / 2 ** 32) * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() / 2 ** 32 < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(0, items.length - 1)]!;
  }

  /** An unsigned 32-bit word: an edge value half of the time, else a random one. */
  word(): number {
    if (this.chance(0.5)) return this.pick(EDGE_WORDS);
    return this.chance(0.5) ? this.int(0, 300) : this.next();
  }
}
