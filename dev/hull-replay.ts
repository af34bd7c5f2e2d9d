// Records every head's keys, values and queries over a sieve run, then replays each head's
// stream into a fresh store and times it alone: where attention time goes, head by head.
//   npx tsx dev/hull-replay.ts [tokens] [store: hull|brute]
import { readFileSync } from 'node:fs';
import { BruteScan } from '../src-engine/hull/brute-scan.ts';
import { ConvexHull } from '../src-engine/hull/convex-hull.ts';
import type { KeyStore } from '../src-engine/hull/key-store.ts';
import { Transformer } from '../src-engine/inference/transformer.ts';
import { shippedModel } from '../src-engine/model/shipped.ts';
import type { TieRule } from '../src-engine/model/types.ts';
import { compileProgram } from '../src-engine/pipeline.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';

const N = Number(process.argv[2] ?? 100000);
const kind = process.argv[3] ?? 'hull';

interface Stream {
  label: string;
  tie: TieRule;
  dv: number;
  n: number;
  kq: Float64Array; // [n * 4] kx ky qx qy
  val: Float64Array; // [n * dv]
}
const streams: Stream[] = [];
function recorder(tieRule: TieRule, dv: number, label: string): KeyStore {
  const hull = new ConvexHull(tieRule, dv, label);
  const s: Stream = {
    label,
    tie: tieRule,
    dv,
    n: 0,
    kq: new Float64Array(4 * (N + 20000)),
    val: new Float64Array(dv * (N + 20000)),
  };
  streams.push(s);
  return {
    tieRule,
    dv,
    get hit() {
      return hull.hit;
    },
    insert(kx, ky, p, v, o) {
      s.kq[4 * s.n] = kx;
      s.kq[4 * s.n + 1] = ky;
      for (let c = 0; c < dv; c++) s.val[s.n * dv + c] = v[o + c];
      hull.insert(kx, ky, p, v, o);
    },
    query(qx, qy, out, off) {
      s.kq[4 * s.n + 2] = qx;
      s.kq[4 * s.n + 3] = qy;
      s.n++;
      hull.query(qx, qy, out, off);
    },
    reset() {
      hull.reset();
    },
  };
}
const c = await compileProgram(readFileSync('resources/programs/sieve.c', 'utf8'), 'sieve.c');
const tf = new Transformer(shippedModel(), { keyStores: recorder });
const prompt = buildPrompt(c.program, new TextEncoder().encode('30000')).tokens;
let next = tf.prefill(prompt.subarray(0, Math.min(prompt.length, 20000)));
for (let i = 0; i < N - prompt.length; i++) next = tf.step(next);

function replay(s: Stream): number {
  const store =
    kind === 'hull' ? new ConvexHull(s.tie, s.dv, s.label) : new BruteScan(s.tie, s.dv, s.label);
  const out = new Float64Array(s.dv);
  const t0 = performance.now();
  for (let i = 0; i < s.n; i++) {
    store.insert(s.kq[4 * i], s.kq[4 * i + 1], i, s.val, i * s.dv);
    store.query(s.kq[4 * i + 2], s.kq[4 * i + 3], out, 0);
  }
  return performance.now() - t0;
}
for (let round = 0; round < 2; round++) {
  let total = 0;
  const rows: string[] = [];
  for (const s of streams) {
    const ms = replay(s);
    total += ms;
    const us = ((ms * 1000) / s.n).toFixed(3).padStart(7);
    rows.push(
      `${s.label.padEnd(38)} ${s.tie.slice(0, 3)} ${String(s.dv).padStart(3)} ${us} us/token`,
    );
  }
  if (round === 1) console.log(rows.join('\n'));
  const us = ((total * 1000) / streams[0].n).toFixed(2);
  console.log(`round ${round}: all heads ${us} us/token over ${streams[0].n} tokens`);
}
