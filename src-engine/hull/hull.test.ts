import fc from 'fast-check';
import { orient2d } from 'robust-predicates';
import { describe, expect, it } from 'vitest';
import type { TieRule } from '../model/types.ts';
import { BruteScan } from './brute-scan.ts';
import { ConvexHull } from './convex-hull.ts';
import type { KeyStore } from './key-store.ts';

interface Op {
  readonly key: readonly [number, number];
  readonly value: readonly number[];
  readonly query: readonly [number, number];
}

interface Answer {
  readonly out: number[];
  readonly score: number;
  readonly count: number;
  readonly position: number;
}

/** Feeds the ops (insert then query, like one decoding step each) and records the answers. */
function play(store: KeyStore, ops: readonly Op[]): Answer[] {
  const out = new Float64Array(store.dv);
  return ops.map((op, p) => {
    store.insert(op.key[0], op.key[1], p, Float64Array.from(op.value), 0);
    store.query(op.query[0], op.query[1], out, 0);
    const { score, count, position } = store.hit;
    return { out: [...out], score: score + 0, count, position };
  });
}

/** Checks the hull against the scan, with chains growing in place and in two parts. */
function expectSameAnswers(ops: readonly Op[], tieRule: TieRule, dv: number): void {
  const expected = play(new BruteScan(tieRule, dv), ops);
  expect(play(new ConvexHull(tieRule, dv), ops)).toEqual(expected);
  expect(play(new ConvexHull(tieRule, dv, 'head', 0), ops)).toEqual(expected);
}

const small = (r: number): fc.Arbitrary<number> => fc.integer({ min: -r, max: r });

function opArb(key: fc.Arbitrary<readonly [number, number]>, q: number): fc.Arbitrary<Op> {
  return fc.record({
    key,
    value: fc.tuple(small(50), small(50)),
    query: fc.tuple(small(q), small(q)),
  });
}

const tieRules: TieRule[] = ['latest', 'average'];

/** Reference upper hull (monotone chain, collinear points kept) of a point set. */
function upperHull(points: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...points]
    .sort((a, b) => a[0] - b[0] || b[1] - a[1])
    .filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0]);
  const out: Array<[number, number]> = [];
  for (const p of sorted) {
    while (out.length >= 2) {
      const [a, b] = [out[out.length - 2], out[out.length - 1]];
      if (-orient2d(a[0], a[1], p[0], p[1], b[0], b[1]) < 0) out.pop();
      else break;
    }
    out.push(p);
  }
  return out;
}

/** The chain is strictly x-sorted and never turns the wrong way (collinear points allowed). */
function expectConvex(points: Array<[number, number]>, upper: boolean): void {
  for (let i = 1; i < points.length; i++) expect(points[i][0]).toBeGreaterThan(points[i - 1][0]);
  for (let i = 1; i + 1 < points.length; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const turn = -orient2d(a[0], a[1], c[0], c[1], b[0], b[1]); // > 0: b above segment ac
    expect(upper ? turn >= 0 : turn <= 0).toBe(true);
  }
}

describe('robust-predicates', () => {
  it('reports a counterclockwise turn with a negative orient2d (the sign the hull relies on)', () => {
    expect(orient2d(0, 0, 1, 0, 0, 1)).toBeLessThan(0);
  });
});

describe('hull answers equal brute-force answers', () => {
  for (const tieRule of tieRules) {
    it(`on integer keys in a small range, many of them tied (${tieRule})`, () => {
      const key = fc.tuple(small(4), small(4));
      fc.assert(
        fc.property(fc.array(opArb(key, 3), { maxLength: 60 }), (ops) => {
          expectSameAnswers(ops, tieRule, 2);
        }),
        { numRuns: 300 },
      );
    });

    it(`on tied keys with values of width 1 and 3 (${tieRule})`, () => {
      const key = fc.tuple(small(3), small(3));
      for (const dv of [1, 3]) {
        const op = fc.record({
          key,
          value: fc.array(small(50), { minLength: dv, maxLength: dv }),
          query: fc.tuple(small(2), small(2)),
        });
        fc.assert(
          fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
            expectSameAnswers(ops, tieRule, dv);
          }),
          { numRuns: 150 },
        );
      }
    });

    it(`on a few identical keys repeated many times (${tieRule})`, () => {
      const key = fc.constantFrom<[number, number]>([0, 0], [1, 1], [2, -1], [1, 1], [-3, 2]);
      fc.assert(
        fc.property(fc.array(opArb(key, 3), { maxLength: 80 }), (ops) => {
          expectSameAnswers(ops, tieRule, 2);
        }),
        { numRuns: 200 },
      );
    });

    it(`on collinear keys tied along a hull edge (${tieRule})`, () => {
      // Keys on y = 2x + 1 and below it; query (-2c, c) is perpendicular to the line.
      const onLine = small(6).map((x): [number, number] => [x, 2 * x + 1]);
      const below = fc
        .tuple(small(6), small(6))
        .map(([x, d]): [number, number] => [x, 2 * x + 1 - Math.abs(d)]);
      const op = fc.record({
        key: fc.oneof(onLine, below),
        value: fc.tuple(small(9), small(9)),
        query: fc.integer({ min: -3, max: 3 }).map((c): [number, number] => [-2 * c, c]),
      });
      fc.assert(
        fc.property(fc.array(op, { maxLength: 50 }), (ops) => {
          expectSameAnswers(ops, tieRule, 2);
        }),
        { numRuns: 300 },
      );
    });

    it(`on parabola keys (2k, -k^2) queried at (q, 1) and beyond (${tieRule})`, () => {
      const key = fc.integer({ min: 0, max: 40 }).map((k): [number, number] => [2 * k, -k * k]);
      const op = fc.record({
        key,
        value: fc.tuple(small(99), small(99)),
        query: fc.tuple(fc.integer({ min: -5, max: 45 }), fc.constantFrom(1, 0, -1, 2)),
      });
      fc.assert(
        fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
          expectSameAnswers(ops, tieRule, 2);
        }),
        { numRuns: 200 },
      );
    });

    it(`with queries of qy > 0, qy < 0, qy = 0 and q = 0 (${tieRule})`, () => {
      const key = fc.tuple(small(20), small(20));
      const query = fc.oneof(
        fc.tuple(small(5), fc.integer({ min: 1, max: 5 })),
        fc.tuple(small(5), fc.integer({ min: -5, max: -1 })),
        fc.tuple(small(5), fc.constant(0)),
        fc.constant<[number, number]>([0, 0]),
      );
      const op = fc.record({ key, value: fc.tuple(small(9), small(9)), query });
      fc.assert(
        fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
          expectSameAnswers(ops, tieRule, 2);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('on keys that arrive with increasing x (the append path)', () => {
    const ops: Op[] = Array.from({ length: 500 }, (_, p) => ({
      key: [p, (p * 7919) % 101],
      value: [p, -p],
      query: [(p % 7) - 3, (p % 5) - 2],
    }));
    expectSameAnswers(ops, 'latest', 2);
    expectSameAnswers(ops, 'average', 2);
  });
});

describe('brute-force scan', () => {
  it('takes the tied key of largest position when positions arrive out of order', () => {
    const keys = fc.array(fc.tuple(small(2), small(2), small(9)), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(keys, fc.integer(), (entries, seed) => {
        // Positions 0..n-1 in a shuffled order, so the scan order is not the position order.
        const positions = entries
          .map((_, p) => p)
          .sort((a, b) => (((a * 7919) ^ seed) % 97) - (((b * 7919) ^ seed) % 97) || a - b);
        const scan = new BruteScan('latest', 1);
        entries.forEach(([x, y, v], i) => scan.insert(x, y, positions[i], Float64Array.of(v), 0));
        const out = new Float64Array(1);
        scan.query(1, 1, out, 0);
        const best = Math.max(...entries.map(([x, y]) => x + y));
        const tied = entries.map((e, i) => i).filter((i) => entries[i][0] + entries[i][1] === best);
        const win = tied.reduce((a, b) => (positions[b] >= positions[a] ? b : a));
        expect([out[0], scan.hit.position, scan.hit.count]).toEqual([
          entries[win][2],
          positions[win],
          tied.length,
        ]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('hull invariants', () => {
  it('keeps every chain convex and x-sorted after every insert', () => {
    const key = fc.tuple(small(30), small(30));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 80 }), fc.nat(8), (keys, directLimit) => {
        const hull = new ConvexHull('latest', 1, 'head', directLimit);
        keys.forEach(([x, y], p) => {
          hull.insert(x, y, p, new Float64Array(1), 0);
          const { upper, lower } = hull.chains();
          for (const chain of upper) expectConvex(chain, true);
          for (const chain of lower) expectConvex(chain, false);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps every inserted key on or inside the hull of the chain points', () => {
    const key = fc.tuple(small(30), small(30));
    const keys = fc.array(key, { minLength: 1, maxLength: 80 });
    fc.assert(
      fc.property(keys, fc.nat(8), (keys, directLimit) => {
        const hull = new ConvexHull('latest', 1, 'head', directLimit);
        keys.forEach(([x, y], p) => hull.insert(x, y, p, new Float64Array(1), 0));
        const upper = upperHull(hull.chains().upper.flat());
        const lower = upperHull(
          hull
            .chains()
            .lower.flat()
            .map(([x, y]) => [x, -y]),
        ).map(([x, y]): [number, number] => [x, -y]);
        for (const [x, y] of keys) {
          for (const [chain, sign] of [
            [upper, 1],
            [lower, -1],
          ] as const) {
            const i = chain.findIndex(([cx]) => cx >= x);
            expect(i).toBeGreaterThanOrEqual(0);
            if (chain[i][0] === x) {
              expect(sign * (chain[i][1] - y)).toBeGreaterThanOrEqual(0);
            } else {
              const [a, b] = [chain[i - 1], chain[i]];
              expect(sign * -orient2d(a[0], a[1], b[0], b[1], x, y)).toBeLessThanOrEqual(0);
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stores one point per distinct key, however many tokens repeat it', () => {
    const hull = new ConvexHull('average', 1);
    const one = Float64Array.of(1);
    for (let p = 0; p < 20_000; p++) {
      const k = p % 50;
      hull.insert(2 * k, -k * k, p, one, 0);
    }
    expect(hull.size).toBe(20_000);
    expect(hull.storedPoints).toBeLessThanOrEqual(52);
  });

  it('answers repeated queries correctly after inserts shift the chain (stale hints)', () => {
    // The same queries again and again while new keys keep splicing the chain on their left.
    const ops: Op[] = [];
    for (let p = 0; p < 400; p++) {
      const k = 200 - (p % 200) - Math.floor(p / 200);
      ops.push({ key: [2 * k, -k * k], value: [p, 1], query: [(p % 3) * 50 + 20, 1] });
    }
    expectSameAnswers(ops, 'latest', 2);
    expectSameAnswers(ops, 'average', 2);
  });

  it('builds the qy = 0 answers from the records when the first such query comes late', () => {
    // 300 steps of qy > 0 queries, then queries of q = 0 and of qy = 0 on both sides.
    const later: Array<[number, number]> = [
      [0, 0],
      [1, 0],
      [-2, 0],
    ];
    const ops: Op[] = Array.from({ length: 400 }, (_, p) => ({
      key: [(p * 13) % 9, (p * 7) % 5],
      value: [p % 11, -(p % 3)],
      query: p < 300 ? [(p % 5) - 2, 1] : later[p % 3],
    }));
    expectSameAnswers(ops, 'latest', 2);
    expectSameAnswers(ops, 'average', 2);
  });

  it('gives a repeated query the new value of its winner, folded in since', () => {
    const hull = new ConvexHull('average', 1);
    const out = new Float64Array(1);
    for (let p = 0; p < 10; p++) {
      hull.insert(0, 1, p, Float64Array.of(p), 0);
      hull.query(0, 1, out, 0);
      expect([out[0], hull.hit.count]).toEqual([(p * (p + 1)) / 2, p + 1]);
    }
  });

  it('returns the latest write of an address under the parabola lookup', () => {
    const hull = new ConvexHull('latest', 1);
    const out = new Float64Array(1);
    for (let p = 0; p < 1000; p++) {
      const k = (p * 37) % 97;
      hull.insert(2 * k, -k * k, p, Float64Array.of(p), 0);
    }
    for (let q = 0; q < 97; q++) {
      hull.query(q, 1, out, 0);
      let last = -1;
      for (let p = 0; p < 1000; p++) if ((p * 37) % 97 === q) last = p;
      expect(out[0]).toBe(last);
      expect(hull.hit.gap).toBe(1);
    }
  });
});

describe('key store refusals', () => {
  for (const make of [
    (): KeyStore => new ConvexHull('average', 1, 'layer 0 head 0'),
    (): KeyStore => new BruteScan('average', 1, 'layer 0 head 0'),
  ]) {
    it(`refuses a non-integer value in an average head (${make().constructor.name})`, () => {
      expect(() => make().insert(0, 1, 0, Float64Array.of(0.5), 0)).toThrow(
        expect.objectContaining({ code: 'AVERAGE_NOT_INTEGER' }),
      );
    });

    it(`refuses average sums that could exceed 2^53 (${make().constructor.name})`, () => {
      const store = make();
      store.insert(0, 1, 0, Float64Array.of(2 ** 52), 0);
      store.insert(0, 1, 1, Float64Array.of(1 - 2 ** 52), 0);
      expect(() => store.insert(0, 1, 2, Float64Array.of(1), 0)).toThrow(
        expect.objectContaining({ code: 'AVERAGE_SUM_RANGE' }),
      );
    });

    it(`refuses a non-finite key or query (${make().constructor.name})`, () => {
      const store = make();
      expect(() => store.insert(NaN, 1, 0, Float64Array.of(1), 0)).toThrow(/layer 0 head 0/);
      store.insert(0, 1, 0, Float64Array.of(1), 0);
      expect(() => store.query(0, Infinity, new Float64Array(1), 0)).toThrow(
        expect.objectContaining({ code: 'KEY_NOT_FINITE' }),
      );
    });
  }
});
