// Benchmark of the shipped model on real programs (`npm run bench -- machine`, or directly
// `npx tsx bench/machine.ts`). Prints, with figures measured on this machine:
//   1. per example program: WebAssembly instructions executed, machine steps, generated
//      tokens and tokens per instruction (from the reference interpreter);
//   2. transformer decoding speed at about 10K, 100K and 1M generated tokens with hull
//      attention and at 10K and 100K with the brute-force scan, and the peak memory of a
//      5M-token run (sieve of Eratosthenes, cut at each length); then the brute-force speed
//      over 500 tokens that follow a million, the hull carrying the run to that length
//      through paired stores (every key kept by both back-ends);
//   3. the Sudoku example and the 10x10 assignment problem inside the transformer, end to end.
// Every transformer figure comes from a fresh child process, so its memory figure is its own.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Transformer } from '../src-engine/inference/transformer.ts';
import type { AttentionBackend } from '../src-engine/inference/transformer.ts';
import { shippedModel } from '../src-engine/model/shipped.ts';
import { compileProgram, runProgram } from '../src-engine/pipeline.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { runReference } from '../src-engine/reference/interpreter.ts';
import { PairSwitch } from '../src-engine/testing/paired-store.ts';
import { EXAMPLE_INPUTS } from '../src-engine/testing/example-inputs.ts';

const programs = fileURLToPath(new URL('../resources/programs/', import.meta.url));
const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
const compileExample = (file: string) =>
  compileProgram(readFileSync(programs + file, 'utf8'), file);

/** The input of each example used for the instruction counts (its main use case). */
const MAIN_INPUT: Record<string, string> = {
  'bignum_add.c': '120 digits',
  'collatz.c': '27',
  'crc32.c': 'U+0000-U+00FF as UTF-8',
  'fibonacci.c': '93, the last that fits',
  'hello.c': 'a name',
  'hungarian.c': 'blog 10x10',
  'quicksort.c': '300 numbers',
  'sieve.c': '10000',
  'sudoku.c': 'empty input',
};

async function instructionTable(): Promise<string[]> {
  const rows = [
    'program        input                   wasm instr     steps      tokens  tok/instr',
  ];
  let instr = 0;
  let tokens = 0;
  for (const [file, inputName] of Object.entries(MAIN_INPUT)) {
    const c = await compileExample(file);
    const input = EXAMPLE_INPUTS[file]!.find((i) => i.name === inputName)!.input;
    const r = runReference(c.program, encode(input));
    instr += r.wasmInstructions;
    tokens += r.tokens;
    rows.push(
      `${file.padEnd(14)} ${inputName.slice(0, 22).padEnd(22)} ${String(r.wasmInstructions).padStart(11)}` +
        ` ${String(r.steps).padStart(9)} ${String(r.tokens).padStart(11)}` +
        ` ${(r.tokens / r.wasmInstructions).toFixed(2).padStart(10)}`,
    );
  }
  rows.push(
    `all            ${''.padEnd(22)} ${String(instr).padStart(11)} ${''.padStart(9)}` +
      ` ${String(tokens).padStart(11)} ${(tokens / instr).toFixed(2).padStart(10)}`,
  );
  return rows;
}

interface SpeedFigure {
  attention: AttentionBackend;
  tokens: number;
  seconds: number;
  tokensPerSecond: number;
  /** tokens per second of this process's CPU time: robust when other jobs share the cores */
  tokensPerCpuSecond: number;
  peakRssMb: number;
}

/**
 * In a child: decode `tokens` tokens of the sieve program with `attention` and report speed
 * and memory. With `after` > 0 the hull first carries the run `after` tokens (paired
 * stores), and only the `tokens` that follow are timed: the speed at that trace length.
 */
async function speedChild(
  attention: AttentionBackend,
  tokens: number,
  after: number,
): Promise<SpeedFigure> {
  const c = await compileExample('sieve.c');
  const pair = new PairSwitch();
  const keyStores = after > 0 ? pair.stores() : undefined;
  const tf = new Transformer(shippedModel(), { attention, keyStores });
  let next = tf.prefill(buildPrompt(c.program, encode('30000')).tokens);
  for (let i = 0; i < after; i++) next = tf.step(next);
  pair.mode = attention;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  for (let i = after > 0 ? 0 : 1; i < tokens; i++) next = tf.step(next);
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return {
    attention,
    tokens,
    seconds,
    tokensPerSecond: tokens / seconds,
    tokensPerCpuSecond: tokens / ((cpu.user + cpu.system) / 1e6),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function inChild(args: string[]): SpeedFigure {
  const self = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as SpeedFigure;
}

/** attention, timed tokens, and the tokens decoded by the hull before timing starts */
type SpeedRow = [AttentionBackend, number, number];

function speedTable(): string[] {
  const plan: SpeedRow[] = [
    ['hull', 10_000, 0],
    ['hull', 100_000, 0],
    ['hull', 1_000_000, 0],
    ['hull', 5_000_000, 0],
    ['brute', 10_000, 0],
    ['brute', 100_000, 0],
    ['brute', 500, 1_000_000],
  ];
  const rows = [
    'attention  after      tokens     seconds   tokens/s   tokens/cpu-s   peak RSS (MB)',
  ];
  for (const [attention, tokens, after] of plan) {
    const f = inChild([attention, String(tokens), String(after)]);
    rows.push(
      `${attention.padEnd(9)} ${String(after).padStart(7)} ${String(tokens).padStart(9)}` +
        ` ${f.seconds.toFixed(2).padStart(10)}` +
        ` ${Math.round(f.tokensPerSecond).toString().padStart(10)}` +
        ` ${Math.round(f.tokensPerCpuSecond).toString().padStart(14)}` +
        ` ${f.peakRssMb.toFixed(0).padStart(15)}`,
    );
  }
  return rows;
}

async function endToEnd(): Promise<string[]> {
  const rows: string[] = [];
  const sudoku = await compileExample('sudoku.c');
  const s = await runProgram(sudoku, { engine: 'transformer', input: new Uint8Array() });
  rows.push(
    `sudoku.c (default puzzle): ${s.tokens} tokens in ${s.seconds.toFixed(2)} s ` +
      `(${Math.round(s.tokensPerSecond ?? 0)} tokens/s), ${s.end}`,
  );
  const hungarian = await compileExample('hungarian.c');
  const blog = EXAMPLE_INPUTS['hungarian.c']!.find((i) => i.name === 'blog 10x10')!.input;
  const h = await runProgram(hungarian, { engine: 'transformer', input: encode(blog) });
  const totals = [...new TextDecoder().decode(h.output).matchAll(/^total (-?\d+)$/gm)];
  const total = totals.at(-1)?.[1];
  rows.push(
    `hungarian.c blog10 (10x10): ${h.tokens} tokens in ${h.seconds.toFixed(2)} s ` +
      `(${Math.round(h.tokensPerSecond ?? 0)} tokens/s), total ${total}, ${h.end}`,
  );
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    const [attention, tokens, after] = args.slice(1);
    const figure = await speedChild(
      attention as AttentionBackend,
      Number(tokens),
      Number(after ?? 0),
    );
    process.stdout.write(JSON.stringify(figure) + '\n');
    return;
  }
  const print = (lines: string[]): void => void process.stdout.write(lines.join('\n') + '\n\n');
  print(await instructionTable());
  print(speedTable());
  print(await endToEnd());
}

await main();
