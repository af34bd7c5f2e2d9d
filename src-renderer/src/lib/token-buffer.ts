// A growable array of token ids for the live trace view: appends amortised O(1), and hands
// the views a length to virtualize over instead of millions of DOM rows.

export class TokenBuffer {
  private data = new Int32Array(1 << 16); // token ids, generation order
  length = 0;

  append(tokens: Int32Array): void {
    if (this.length + tokens.length > this.data.length) {
      let size = this.data.length;
      while (size < this.length + tokens.length) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(tokens, this.length);
    this.length += tokens.length;
  }

  at(i: number): number {
    return this.data[i]!;
  }

  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }

  clear(): void {
    this.length = 0;
  }
}
