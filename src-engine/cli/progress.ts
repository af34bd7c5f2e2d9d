// The progress line of long runs: tokens so far and the rate, rewritten in place on stderr.
// Commands show it only when stderr is a terminal; it starts after a short delay (quick runs
// print nothing) and redraws a few times a second at most, so it costs nothing measurable.
import type { Command } from 'commander';
import { writeErr } from './command.ts';

export interface ProgressCounts {
  tokens: number;
  tokensPerSecond: number;
}

const CLEAR_TO_END = '\x1b[K';

export class ProgressLine {
  private readonly started = performance.now();
  private drawnAt = -Infinity;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly delayMs = 500,
    private readonly everyMs = 200,
  ) {}

  update({ tokens, tokensPerSecond }: ProgressCounts): void {
    const now = performance.now();
    if (now - this.started < this.delayMs || now - this.drawnAt < this.everyMs) return;
    this.drawnAt = now;
    this.shown = true;
    this.write(`\r${tokens} tokens, ${Math.round(tokensPerSecond)} tokens/s${CLEAR_TO_END}`);
  }

  /** Erases the line, so other text (program output, the final report) starts clean. */
  clear(): void {
    if (this.shown) this.write(`\r${CLEAR_TO_END}`);
    this.shown = false;
  }
}

/** A progress line on the program's stderr, or null when stderr is not a terminal. */
export function progressLine(program: Command): ProgressLine | null {
  if (process.stderr.isTTY !== true) return null;
  return new ProgressLine((text) => writeErr(program, text));
}
