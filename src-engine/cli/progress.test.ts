import { describe, expect, it, vi } from 'vitest';
import { ProgressLine } from './progress.ts';

const counts = { tokens: 1200, tokensPerSecond: 80000.4 };

describe('the progress line', () => {
  it('draws nothing before its delay, so quick runs print nothing', () => {
    const write = vi.fn<(text: string) => void>();
    const line = new ProgressLine(write, 60_000, 0);
    line.update(counts);
    line.clear();
    expect(write).not.toHaveBeenCalled();
  });

  it('rewrites one line in place, then erases it', () => {
    const written: string[] = [];
    const line = new ProgressLine((text) => written.push(text), 0, 0);
    line.update(counts);
    line.clear();
    expect(written).toEqual(['\r1200 tokens, 80000 tokens/s\x1b[K', '\r\x1b[K']);
  });

  it('redraws at most once per interval', () => {
    const write = vi.fn<(text: string) => void>();
    const line = new ProgressLine(write, 0, 60_000);
    for (let k = 0; k < 10; k++) line.update(counts);
    expect(write).toHaveBeenCalledTimes(1);
  });
});
