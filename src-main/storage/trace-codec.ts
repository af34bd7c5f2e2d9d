// The stored form of a token trace: consecutive chunks of token ids, each a little-endian
// Int32 array compressed with DEFLATE (fflate). Chunks carry TRACE_FORMAT so a future layout
// can be told apart; a chunk of another format is refused with a message, never misread.

import { deflateSync, inflateSync } from 'fflate';

export const TRACE_FORMAT = 1;
/** tokens per stored chunk: 256 KiB raw, a few KiB compressed */
export const CHUNK_TOKENS = 65536;

export function encodeChunk(tokens: Int32Array): Uint8Array {
  const raw = new Uint8Array(tokens.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < tokens.length; i++) view.setInt32(4 * i, tokens[i]!, true);
  return deflateSync(raw, { level: 6 });
}

export function decodeChunk(format: number, data: Uint8Array, count: number): Int32Array {
  if (format !== TRACE_FORMAT) {
    throw new Error(
      `stored trace chunk has format ${format}, this app reads format ${TRACE_FORMAT}: ` +
        'open the run with the version of Inweights that recorded it',
    );
  }
  const raw = inflateSync(data);
  if (raw.length !== count * 4) {
    throw new Error(
      `stored trace chunk is damaged: expected ${count * 4} bytes, got ${raw.length}`,
    );
  }
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, true);
  return out;
}

/** Collects streamed tokens and hands out full chunks; `drain` returns the partial rest. */
export class ChunkBuffer {
  private buf = new Int32Array(CHUNK_TOKENS); // token ids, generation order
  private fill = 0;
  /** tokens handed out in chunks so far */
  flushed = 0;

  constructor(private readonly size = CHUNK_TOKENS) {
    this.buf = new Int32Array(size);
  }

  /** Appends tokens; returns the chunks that filled up (each a fresh array). */
  push(tokens: ArrayLike<number>): Int32Array[] {
    const full: Int32Array[] = [];
    for (let i = 0; i < tokens.length; i++) {
      this.buf[this.fill++] = tokens[i]!;
      if (this.fill === this.size) full.push(this.take());
    }
    return full;
  }

  get pending(): number {
    return this.fill;
  }

  drain(): Int32Array | null {
    return this.fill === 0 ? null : this.take();
  }

  private take(): Int32Array {
    const chunk = this.buf.slice(0, this.fill);
    this.flushed += this.fill;
    this.fill = 0;
    return chunk;
  }
}
