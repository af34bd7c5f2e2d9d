// The pipeline in one place: compile C into a token program, then run it on an engine.
//   transformer  the shipped weights in the generic engine (what users are shown)
//   evaluator    the machine graph evaluated directly (checks the weight builder)
//   reference    the plain interpreter of the token program (checks the machine)
//   native       Node's own WebAssembly on the compiled module (checks the compiler)
// Every engine but native produces a trace; the output is always decoded from it.

import type { CompiledProgram, RunOptions, RunResult } from './api.ts';
import { compileC } from './c/compile.ts';
import { GraphEvaluator } from './graph/evaluate.ts';
import { startRun } from './inference/run.ts';
import { machineGraph } from './machine/build.ts';
import { shippedModel } from './model/shipped.ts';
import type { Graph } from './graph/graph.ts';
import { runNative } from './native/run.ts';
import { buildPrompt } from './program/prompt.ts';
import { runReference } from './reference/interpreter.ts';
import { STOP_TOKENS, TraceDecoder } from './trace/decode.ts';
import { describeModel } from './weights/build.ts';
import type { BuildReport } from './weights/build.ts';

export { CompileError } from './c/compile-error.ts';

/** Default bound on generated tokens: a run that reaches it ends with end = 'limit'. */
export const DEFAULT_MAX_TOKENS = 50_000_000;

export async function compileProgram(source: string, fileName?: string): Promise<CompiledProgram> {
  return compileC(source, fileName === undefined ? {} : { fileName });
}

export async function runProgram(compiled: CompiledProgram, opts: RunOptions): Promise<RunResult> {
  switch (opts.engine) {
    case 'native':
      return runOnNative(compiled, opts);
    case 'reference':
      return runOnReference(compiled, opts);
    case 'evaluator':
      return runOnEvaluator(compiled, opts);
    case 'transformer':
      return runOnTransformer(compiled, opts);
  }
}

export interface ModelInfo extends BuildReport {
  vocabulary: number;
}

export function modelInfo(): ModelInfo {
  const model = shippedModel();
  return { ...describeModel(model), vocabulary: model.config.vocab.length };
}

/** Collects a trace as it streams and turns it into progress reports and a result. */
class TraceCollector {
  readonly decoder = new TraceDecoder();
  private readonly chunks: Int32Array[] = [];
  private readonly started = performance.now();

  constructor(private readonly opts: RunOptions) {}

  /** `rate`: the engine's own tokens per second, when it counts them (else over elapsed). */
  push(batch: Int32Array, rate?: number): void {
    const output = Uint8Array.from(this.decoder.push(batch));
    if (this.opts.keepTrace) this.chunks.push(batch);
    const elapsedMs = performance.now() - this.started;
    const tokens = this.decoder.tokens;
    this.opts.onProgress?.({
      tokens,
      steps: this.decoder.steps,
      elapsedMs,
      tokensPerSecond: rate ?? (elapsedMs > 0 ? (tokens * 1000) / elapsedMs : 0),
      batch,
      output,
    });
  }

  result(engine: RunResult['engine'], cancelled: boolean, extra: Partial<RunResult>): RunResult {
    const d = this.decoder;
    const seconds = (performance.now() - this.started) / 1000;
    const end = d.end === 'running' ? (cancelled ? 'cancelled' : 'limit') : d.end;
    const result: RunResult = {
      engine,
      output: d.output,
      tokens: d.tokens,
      steps: d.steps,
      halted: d.end === 'halted',
      // a halt without an EXIT step (hand-written programs) is a success
      exitStatus: d.end === 'halted' ? (d.exitStatus ?? 0) : null,
      trap: d.trap,
      end,
      seconds,
      tokensPerSecond: seconds > 0 ? d.tokens / seconds : 0,
      ...extra,
    };
    if (this.opts.keepTrace) result.trace = concat(this.chunks);
    return result;
  }
}

function concat(chunks: Int32Array[]): Int32Array {
  const out = new Int32Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Native runs generate no tokens, so their bound is on the output: at most what the token
 * limit lets the transformer print (an output step is two tokens).
 */
async function runOnNative(compiled: CompiledProgram, opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const maxOutput = Math.floor((opts.maxTokens ?? DEFAULT_MAX_TOKENS) / 2);
  const r = await runNative(compiled.wasm, opts.input, { maxOutput });
  return {
    engine: 'native',
    output: r.output,
    tokens: 0,
    steps: 0,
    halted: r.halted,
    exitStatus: r.exitStatus,
    trap: r.trap,
    end: r.limited ? 'limit' : r.trap === null ? 'halted' : 'trap',
    seconds: (performance.now() - started) / 1000,
  };
}

async function runOnReference(compiled: CompiledProgram, opts: RunOptions): Promise<RunResult> {
  const c = new TraceCollector(opts);
  runReference(compiled.program, opts.input, {
    maxTokens: opts.maxTokens ?? DEFAULT_MAX_TOKENS,
    onChunk: (tokens) => c.push(tokens),
  });
  return c.result('reference', false, {});
}

let graph: Graph | undefined;
const BATCH = 2048;
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function runOnEvaluator(compiled: CompiledProgram, opts: RunOptions): Promise<RunResult> {
  graph ??= machineGraph();
  const ev = new GraphEvaluator(graph);
  const c = new TraceCollector(opts);
  const prompt = buildPrompt(compiled.program, opts.input).tokens;
  let next = 0;
  for (const t of prompt) next = ev.push(t);
  const max = opts.maxTokens ?? DEFAULT_MAX_TOKENS;
  const batch = new Int32Array(BATCH);
  let n = 0;
  let generated = 0;
  const stops = new Set(STOP_TOKENS);
  while (generated < max && !opts.signal?.aborted) {
    batch[n++] = next;
    generated++;
    const stop = stops.has(next);
    if (n === BATCH || stop || generated === max) {
      c.push(batch.slice(0, n));
      n = 0;
      await nextTurn();
    }
    if (stop) break;
    next = ev.push(next);
  }
  if (n > 0) c.push(batch.slice(0, n));
  return c.result('evaluator', opts.signal?.aborted ?? false, {
    promptTokens: prompt.length,
  });
}

async function runOnTransformer(compiled: CompiledProgram, opts: RunOptions): Promise<RunResult> {
  const c = new TraceCollector(opts);
  const prompt = buildPrompt(compiled.program, opts.input).tokens;
  const attention = opts.attention ?? 'hull';
  const run = await startRun({
    model: shippedModel(),
    promptTokens: prompt,
    attention,
    maxTokens: opts.maxTokens ?? DEFAULT_MAX_TOKENS,
    stopTokens: STOP_TOKENS,
    onBatch: (b) => c.push(b.tokens, b.counters.tokensPerSecond),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  return c.result('transformer', run.reason === 'cancelled', {
    promptTokens: prompt.length,
    promptSeconds: run.prefillSeconds,
    attention,
    tokensPerSecond: run.tokensPerSecond,
    minMargin: run.minMargin,
    marginOk: run.marginOk,
  });
}
