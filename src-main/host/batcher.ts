// Coalesces the engine's progress callbacks into messages of at most a few per second per
// run, so a fast engine does not flood the channel or the renderer with tiny batches.

import type { Counters } from '../shared/api.ts';

export interface Batch {
  tokens: Int32Array; // token ids generated since the previous batch
  output: string;
  counters: Counters;
}

export class Batcher {
  private parts: Int32Array[] = [];
  private size = 0;
  private text = '';
  private last: Counters | null = null;
  private sentAt = 0;

  constructor(
    private readonly emit: (batch: Batch) => void,
    private readonly intervalMs = 100,
    private readonly maxTokens = 1 << 18,
  ) {}

  add(tokens: Int32Array, output: string, counters: Counters, now = Date.now()): void {
    if (tokens.length > 0) this.parts.push(tokens.slice());
    this.size += tokens.length;
    this.text += output;
    this.last = counters;
    if (now - this.sentAt >= this.intervalMs || this.size >= this.maxTokens) this.flush(now);
  }

  flush(now = Date.now()): void {
    if (!this.last || (this.size === 0 && this.text === '')) return;
    const tokens = new Int32Array(this.size);
    let at = 0;
    for (const p of this.parts) {
      tokens.set(p, at);
      at += p.length;
    }
    this.emit({ tokens, output: this.text, counters: this.last });
    this.parts = [];
    this.size = 0;
    this.text = '';
    this.sentAt = now;
  }
}
