// Streaming decoding: prefill a prompt, then generate tokens until a stop token, the token
// limit or cancellation, emitting batches of token ids with throughput counters. Between
// batches it yields to the event loop so an AbortSignal can end the run at any moment.
// Turning token ids into program output is left to the caller.

import { EngineError } from '../model/errors.ts';
import type { Model } from '../model/types.ts';
import type { MarginReport } from './margin.ts';
import { Transformer } from './transformer.ts';
import type { AttentionBackend } from './transformer.ts';

export interface TokenRunOptions {
  readonly model: Model;
  /** At least one token: the first prediction is made after the last prompt token. */
  readonly promptTokens: ArrayLike<number>;
  readonly attention?: AttentionBackend; // default 'hull'
  /** Hard limit on generated tokens; reaching it ends the run with reason 'limit'. */
  readonly maxTokens: number;
  /** Token ids that end the run (reason 'stop'); the stop token is emitted. */
  readonly stopTokens?: Iterable<number>;
  /** Emit a batch after this many tokens (default 4096)... */
  readonly batchTokens?: number;
  /** ...or after this many milliseconds, whichever comes first (default 50). */
  readonly batchMs?: number;
  readonly onBatch?: (batch: TokenBatch) => void;
  readonly signal?: AbortSignal;
  readonly marginThreshold?: number;
}

export interface TokenRunCounters {
  readonly tokens: number; // generated so far (prompt excluded)
  readonly promptTokens: number;
  readonly elapsedMs: number; // since the run started, prefill included
  readonly prefillMs: number; // of elapsedMs, the time spent feeding the prompt
  readonly tokensPerSecond: number; // generated tokens per second of decoding (prefill excluded)
}

export interface TokenBatch {
  readonly tokens: Int32Array; // the ids generated since the previous batch
  readonly counters: TokenRunCounters;
}

export type TokenRunReason = 'stop' | 'limit' | 'cancelled';

export interface TokenRunResult {
  readonly tokens: number; // generated tokens, the stop token included
  readonly reason: TokenRunReason;
  readonly minMargin: number;
  readonly marginOk: boolean;
  readonly margins: MarginReport;
  readonly seconds: number; // prefill included
  readonly prefillSeconds: number;
  readonly tokensPerSecond: number; // generated tokens per second of decoding
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function checkOptions(o: TokenRunOptions): void {
  const bad = (what: string): never => {
    throw new EngineError('RUN_OPTIONS', `invalid run options: ${what}`);
  };
  if (o.promptTokens.length === 0) bad('the prompt must hold at least one token');
  if (!Number.isSafeInteger(o.maxTokens) || o.maxTokens < 0) {
    bad(`maxTokens must be an integer >= 0, found ${o.maxTokens}`);
  }
  if (o.batchTokens !== undefined && !(Number.isSafeInteger(o.batchTokens) && o.batchTokens > 0)) {
    bad(`batchTokens must be a positive integer, found ${o.batchTokens}`);
  }
}

/** Collects generated tokens and hands them out as batches. */
class Batcher {
  private readonly buf: Int32Array;
  private n = 0;
  generated = 0;
  private decodeStarted = -1; // when the prompt was fed (-1: not yet)

  constructor(
    readonly size: number,
    private readonly started: number,
    private readonly promptTokens: number,
    private readonly onBatch: ((batch: TokenBatch) => void) | undefined,
  ) {
    this.buf = new Int32Array(size);
  }

  push(token: number): void {
    this.buf[this.n++] = token;
    this.generated++;
  }

  get full(): boolean {
    return this.n === this.size;
  }

  /** Marks the end of the prompt: decoding speed is counted from here. */
  startDecoding(): void {
    this.decodeStarted = performance.now();
  }

  counters(): TokenRunCounters {
    const now = performance.now();
    const elapsedMs = now - this.started;
    const prefillMs = (this.decodeStarted < 0 ? now : this.decodeStarted) - this.started;
    const decodeMs = elapsedMs - prefillMs;
    const tokensPerSecond = decodeMs > 0 ? (this.generated * 1000) / decodeMs : 0;
    const { generated: tokens, promptTokens } = this;
    return { tokens, promptTokens, elapsedMs, prefillMs, tokensPerSecond };
  }

  flush(): void {
    if (this.n === 0) return;
    const tokens = this.buf.slice(0, this.n);
    this.n = 0;
    this.onBatch?.({ tokens, counters: this.counters() });
  }
}

export async function startRun(options: TokenRunOptions): Promise<TokenRunResult> {
  checkOptions(options);
  const { promptTokens: prompt, maxTokens, signal } = options;
  const started = performance.now();
  const batchMs = options.batchMs ?? 50;
  const batcher = new Batcher(options.batchTokens ?? 4096, started, prompt.length, options.onBatch);
  const model = new Transformer(options.model, options);
  const stop = new Uint8Array(options.model.config.vocab.length);
  for (const t of options.stopTokens ?? []) if (t >= 0 && t < stop.length) stop[t] = 1;

  const finish = (reason: TokenRunReason): TokenRunResult => {
    batcher.flush();
    const margins = model.margins();
    const { elapsedMs, prefillMs, tokensPerSecond } = batcher.counters();
    return {
      tokens: batcher.generated,
      reason,
      minMargin: margins.minMargin,
      marginOk: margins.marginOk,
      margins,
      seconds: elapsedMs / 1000,
      prefillSeconds: prefillMs / 1000,
      tokensPerSecond,
    };
  };

  // 1. Prefill, in chunks, yielding between them so a long prompt can be cancelled.
  for (let i = 0; i + 1 < prompt.length; i++) {
    model.feed(prompt[i], false);
    if ((i + 1) % batcher.size === 0) {
      await nextTurn();
      if (signal?.aborted) return finish('cancelled');
    }
  }
  let next = model.feed(prompt[prompt.length - 1], true);
  batcher.startDecoding();

  // 2. Decode: emit, check stop and limit, then feed the token back.
  let batchStart = performance.now();
  for (;;) {
    if (signal?.aborted) return finish('cancelled');
    if (batcher.generated >= maxTokens) return finish('limit');
    batcher.push(next);
    if (stop[next] === 1) return finish('stop');
    if (batcher.generated >= maxTokens) return finish('limit');
    next = model.step(next);
    const late = (batcher.generated & 255) === 0 && performance.now() - batchStart >= batchMs;
    if (batcher.full || late) {
      batcher.flush();
      await nextTurn();
      batchStart = performance.now();
    }
  }
}
