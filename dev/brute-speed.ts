// Key scores per CPU second of the brute-force attention scan on the keys, values and queries
// the shipped model really produces. One hull run of a program records every head's inserts
// and queries; each head's log is then replayed into fresh BruteScan stores, timed alone.
// A checksum of every answer lets two versions of BruteScan be compared for identical results.
// Usage: tsx dev/brute-speed.ts [program=crc32.c] [tokens=12000] [rounds=3]
import { readFileSync } from 'node:fs';
import { BruteScan } from '../src-engine/hull/brute-scan.ts';
import type { KeyStore } from '../src-engine/hull/key-store.ts';
import { Transformer } from '../src-engine/inference/transformer.ts';
import { shippedModel } from '../src-engine/model/shipped.ts';
import { compileProgram } from '../src-engine/pipeline.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { runReference } from '../src-engine/reference/interpreter.ts';

const [file = 'crc32.c', tokensArg = '12000', roundsArg = '3'] = process.argv.slice(2);
const N = Number(tokensArg);

/** One head's stream: per token the key, the value and the query. */
interface HeadLog {
  label: string;
  store: KeyStore;
  keys: Float64Array; // [N * 2] kx, ky
  values: Float64Array; // [N * dv]
  queries: Float64Array; // [N * 2] qx, qy
}

/** Wraps every store of a transformer so that its inserts and queries are logged. */
function record(tf: Transformer): HeadLog[] {
  const stores = (tf as unknown as { stores?: KeyStore[] }).stores;
  if (!Array.isArray(stores)) throw new Error('Transformer has no `stores` array to record');
  return stores.map((inner, h) => {
    const log: HeadLog = {
      label: `head ${h} (${inner.tieRule}, dv ${inner.dv})`,
      store: inner,
      keys: new Float64Array(N * 2),
      values: new Float64Array(N * inner.dv),
      queries: new Float64Array(N * 2),
    };
    let ins = 0,
      qs = 0;
    stores[h] = {
      tieRule: inner.tieRule,
      dv: inner.dv,
      hit: inner.hit,
      reset: () => inner.reset(),
      insert(kx, ky, position, values, offset) {
        log.keys[2 * ins] = kx;
        log.keys[2 * ins + 1] = ky;
        log.values.set(values.subarray(offset, offset + inner.dv), ins * inner.dv);
        ins++;
        inner.insert(kx, ky, position, values, offset);
      },
      query(qx, qy, out, offset) {
        log.queries[2 * qs] = qx;
        log.queries[2 * qs++ + 1] = qy;
        inner.query(qx, qy, out, offset);
      },
    };
    return log;
  });
}

/** Replays one head's log into a fresh scan; returns CPU seconds and folds answers into sum. */
function replay(log: HeadLog, check: { sum: number }): number {
  const { dv, tieRule } = log.store;
  const scan = new BruteScan(tieRule, dv);
  const out = new Float64Array(dv);
  let sum = 0;
  const t0 = process.cpuUsage();
  for (let p = 0; p < N; p++) {
    scan.insert(log.keys[2 * p], log.keys[2 * p + 1], p, log.values, p * dv);
    scan.query(log.queries[2 * p], log.queries[2 * p + 1], out, 0);
    const hit = scan.hit;
    const gap = Number.isFinite(hit.gap) ? hit.gap : -1;
    let outSum = 0;
    for (let c = 0; c < dv; c++) outSum = (outSum * 3 + out[c]) % 1e9;
    sum = (sum * 31 + outSum + hit.count + hit.position + gap + hit.termMax) % 1e12;
  }
  const t = process.cpuUsage(t0);
  check.sum += sum;
  return (t.user + t.system) / 1e6;
}

const c = await compileProgram(readFileSync(`resources/programs/${file}`, 'utf8'), file);
const prompt = buildPrompt(c.program, new Uint8Array()).tokens;
const trace = runReference(c.program, new Uint8Array(), { keepTrace: true }).trace!;
const tokens = Int32Array.from([...prompt, ...trace]);
if (tokens.length < N) throw new Error(`${file} has only ${tokens.length} tokens`);
const tf = new Transformer(shippedModel(), { attention: 'hull' });
const logs = record(tf);
for (let p = 0; p < N; p++) tf.feed(tokens[p]!, false);
console.log(`${file}: ${N} tokens (prompt ${prompt.length}), ${logs.length} heads`);

const perHead = (N * (N + 1)) / 2;
for (let round = 0; round < Number(roundsArg); round++) {
  const check = { sum: 0 };
  const times = logs.map((log) => replay(log, check));
  const total = times.reduce((a, b) => a + b, 0);
  const rate = (logs.length * perHead) / total;
  console.log(
    `round ${round}: ${total.toFixed(2)} CPU s, ${rate.toExponential(3)} key scores ` +
      `per CPU s, checksum ${check.sum}`,
  );
  if (round === Number(roundsArg) - 1) {
    const slow = logs.map((log, h) => [times[h]!, log.label] as const).sort((a, b) => b[0] - a[0]);
    for (const [t, label] of slow.slice(0, 6)) {
      console.log(`  ${label}: ${(perHead / t).toExponential(2)} key scores per CPU s`);
    }
  }
}
