// Growable buffers of the reference interpreter: the program's output bytes and the trace
// chunks handed to the caller.

export interface SinkOptions {
  onChunk?: (tokens: Int32Array) => void;
  keepTrace?: boolean;
}

/** Growable byte list for the program's output. */
export class ByteList {
  bytes = new Uint8Array(256);
  length = 0;
  push(b: number): void {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes[this.length++] = b;
  }
}

/** Collects flushed chunks for onChunk and keepTrace. */
export class ChunkSink {
  readonly kept: Int32Array[] = [];
  flushed = 0;
  private readonly options: SinkOptions;
  constructor(options: SinkOptions) {
    this.options = options;
  }
  flush(buf: Int32Array, count: number): void {
    if (count === 0) return;
    const chunk = buf.slice(0, count);
    this.flushed += count;
    if (this.options.keepTrace) this.kept.push(chunk);
    this.options.onChunk?.(chunk);
  }
  trace(): Int32Array {
    const all = new Int32Array(this.flushed);
    let at = 0;
    for (const chunk of this.kept) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return all;
  }
}
