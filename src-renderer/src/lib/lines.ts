// Program output as complete lines plus the unfinished last one, appended chunk by chunk, so
// the output view can virtualize over line numbers.

export class Lines {
  private done: string[] = [];
  private tail = '';

  append(text: string): void {
    const parts = (this.tail + text).split('\n');
    this.tail = parts.pop()!;
    for (const p of parts) this.done.push(p);
  }

  get count(): number {
    return this.done.length + (this.tail === '' ? 0 : 1);
  }

  at(i: number): string {
    return i < this.done.length ? this.done[i]! : this.tail;
  }

  clear(): void {
    this.done = [];
    this.tail = '';
  }
}
