// Engine benchmark: tokens/s of the decoding step loop with hull and brute-force attention on
// the synthetic model of engine-model.ts, at several trace lengths, with peak RSS. Each
// configuration runs in a fresh child process so its memory figure is its own.
//   npx tsx bench/engine.ts [--tokens 10000,100000,1000000] [--brute 10000] [--stream]
// Prints a table to stdout. Not part of the shipped engine; no test depends on it.

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startRun } from '../src-engine/inference/run.ts';
import { Transformer } from '../src-engine/inference/transformer.ts';
import type { AttentionBackend } from '../src-engine/inference/transformer.ts';
import { benchModel, benchPrompt } from './engine-model.ts';

const PROMPT = 1000;
const WARMUP = 20_000; // tokens run first on a separate instance, so the JIT is warm

interface Measurement {
  readonly attention: AttentionBackend;
  readonly mode: 'step' | 'stream';
  readonly tokens: number;
  readonly seconds: number;
  readonly tokensPerSecond: number;
  /** Tokens per second of CPU time of this process (robust when other jobs share the cores). */
  readonly tokensPerCpuSecond: number;
  readonly peakRssMb: number;
  readonly minMargin: number;
}

/** Runs one configuration in this process and returns its measurement. */
async function measure(
  attention: AttentionBackend,
  tokens: number,
  mode: 'step' | 'stream',
): Promise<Measurement> {
  warmUp(attention);
  const model = benchModel();
  const prompt = benchPrompt(PROMPT);
  let peak = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const cpuSeconds = (): number => {
    const c = process.cpuUsage(cpu0);
    return (c.user + c.system) / 1e6;
  };
  if (mode === 'stream') {
    const result = await startRun({
      model,
      promptTokens: prompt,
      attention,
      maxTokens: tokens,
      onBatch: () => {
        peak = Math.max(peak, process.memoryUsage().rss);
      },
    });
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      attention,
      mode,
      tokens,
      seconds: result.seconds,
      tokensPerSecond: result.tokensPerSecond,
      tokensPerCpuSecond: tokens / cpuSeconds(),
      peakRssMb: peak / 2 ** 20,
      minMargin: result.minMargin,
    };
  }
  const engine = new Transformer(model, { attention });
  let next = engine.prefill(prompt);
  const start = performance.now();
  const cpuStart = cpuSeconds();
  for (let i = 1; i < tokens; i++) {
    next = engine.step(next);
    if ((i & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = cpuSeconds() - cpuStart;
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    attention,
    mode,
    tokens,
    seconds,
    tokensPerSecond: tokens / seconds,
    tokensPerCpuSecond: tokens / cpu,
    peakRssMb: peak / 2 ** 20,
    minMargin: engine.margins().minMargin,
  };
}

/** Runs the step loop on a throw-away instance so the measured run starts with warm code. */
function warmUp(attention: AttentionBackend): void {
  const engine = new Transformer(benchModel(), { attention });
  let next = engine.prefill(benchPrompt(PROMPT));
  const n = attention === 'hull' ? WARMUP : WARMUP / 10;
  for (let i = 0; i < n; i++) next = engine.step(next);
}

function runChild(attention: AttentionBackend, tokens: number, mode: string): Measurement {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(
    process.execPath,
    [...process.execArgv, self, '--child', attention, String(tokens), mode],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  return JSON.parse(out) as Measurement;
}

function row(m: Measurement): string {
  const cells = [
    m.attention.padEnd(6),
    m.mode.padEnd(7),
    String(m.tokens).padStart(9),
    m.seconds.toFixed(2).padStart(8),
    Math.round(m.tokensPerSecond).toString().padStart(9),
    Math.round(m.tokensPerCpuSecond).toString().padStart(9),
    m.peakRssMb.toFixed(0).padStart(8),
    m.minMargin.toExponential(2).padStart(10),
  ];
  return `| ${cells.join(' | ')} |`;
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [, attention, tokens, mode] = args;
    const m = await measure(attention as AttentionBackend, Number(tokens), mode as 'step');
    process.stdout.write(JSON.stringify(m));
    return;
  }
  const sizes = option('--tokens', '10000,100000,1000000').split(',').map(Number);
  const bruteMax = Number(option('--brute', '10000'));
  process.stdout.write(
    `synthetic model: 30 layers, 30 heads, 600 ReGLU units, vocab 4000; ` +
      `prompt ${PROMPT} tokens\n`,
  );
  process.stdout.write(
    '| attn   | mode    |    tokens |  seconds |  tokens/s | tok/cpu-s |' +
      ' peak MB | min margin |\n',
  );
  process.stdout.write(
    '|--------|---------|-----------|----------|-----------|-----------|' +
      '---------|------------|\n',
  );
  const hull: Measurement[] = [];
  for (const n of sizes) {
    const m = runChild('hull', n, 'step');
    hull.push(m);
    process.stdout.write(row(m) + '\n');
  }
  if (args.includes('--stream')) {
    process.stdout.write(row(runChild('hull', sizes[sizes.length - 1], 'stream')) + '\n');
  }
  for (const n of sizes.filter((s) => s <= bruteMax)) {
    process.stdout.write(row(runChild('brute', n, 'step')) + '\n');
  }
  if (hull.length > 1) {
    const last = hull[hull.length - 1];
    const ratio = (f: (m: Measurement) => number): string =>
      `${((100 * f(last)) / f(hull[0])).toFixed(0)}%`;
    process.stdout.write(
      `hull tokens/s at ${last.tokens} / at ${hull[0].tokens}: ` +
        `${ratio((m) => m.tokensPerSecond)} (wall), ${ratio((m) => m.tokensPerCpuSecond)} (cpu)\n`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const text = error instanceof Error ? error.stack : String(error);
    process.stderr.write(`bench/engine: ${text}\n`);
    process.exitCode = 1;
  });
}
