import { describe, expect, it } from 'vitest';
import { startRun } from './run.ts';
import type { TokenBatch } from './run.ts';
import { countingModel, previousTokenByPosition } from './test-models.ts';

/** Runs and gathers every emitted batch. */
async function collect(options: Omit<Parameters<typeof startRun>[0], 'onBatch'>): Promise<{
  tokens: number[];
  batches: TokenBatch[];
  result: Awaited<ReturnType<typeof startRun>>;
}> {
  const batches: TokenBatch[] = [];
  const result = await startRun({ ...options, onBatch: (b) => batches.push(b) });
  return { tokens: batches.flatMap((b) => [...b.tokens]), batches, result };
}

describe('streaming runs', () => {
  it('end cleanly at the token limit with every token emitted in batches', async () => {
    const { tokens, batches, result } = await collect({
      model: previousTokenByPosition(),
      promptTokens: [5, 3],
      maxTokens: 1000,
      batchTokens: 64,
    });
    expect(result).toMatchObject({ tokens: 1000, reason: 'limit', marginOk: true });
    expect(tokens).toHaveLength(1000);
    expect(tokens.slice(0, 4)).toEqual([5, 3, 5, 3]);
    expect(batches.length).toBeGreaterThanOrEqual(1000 / 64);
    expect(batches[batches.length - 1].counters.tokens).toBe(1000);
  });

  it('count tokens per second over decoding only, with the prompt timed apart', async () => {
    const prompt = Array.from({ length: 20_000 }, (_, i) => [5, 3][i % 2]);
    const { batches, result } = await collect({
      model: previousTokenByPosition(),
      promptTokens: prompt,
      maxTokens: 2000,
    });
    expect(result.prefillSeconds).toBeGreaterThan(0);
    expect(result.seconds).toBeGreaterThan(result.prefillSeconds);
    const decoding = result.seconds - result.prefillSeconds;
    expect(result.tokensPerSecond).toBeCloseTo(2000 / decoding, 6);
    const last = batches[batches.length - 1].counters;
    expect(last.prefillMs).toBeCloseTo(result.prefillSeconds * 1000, 6);
  });

  it('end at a stop token, which is emitted last', async () => {
    const { tokens, result } = await collect({
      model: countingModel(),
      promptTokens: [10, 11, 10],
      maxTokens: 100,
      stopTokens: [6],
    });
    expect(tokens).toEqual([2, 3, 4, 5, 6]);
    expect(result).toMatchObject({ tokens: 5, reason: 'stop' });
  });

  it('end with reason cancelled when the signal aborts between batches', async () => {
    const controller = new AbortController();
    const running = collect({
      model: previousTokenByPosition(),
      promptTokens: [5, 3],
      maxTokens: 1e9,
      batchTokens: 32,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 20);
    const { tokens, result } = await running;
    expect(result.reason).toBe('cancelled');
    expect(tokens.length).toBe(result.tokens);
    expect(result.tokens).toBeLessThan(1e9);
  });

  it('end at once, with no token, when the signal is already aborted', async () => {
    const { tokens, result } = await collect({
      model: previousTokenByPosition(),
      promptTokens: [5, 3],
      maxTokens: 10,
      signal: AbortSignal.abort(),
    });
    expect(result).toMatchObject({ reason: 'cancelled', tokens: 0 });
    expect(tokens).toEqual([]);
  });

  it('can be cancelled from inside a batch callback', async () => {
    const controller = new AbortController();
    const result = await startRun({
      model: previousTokenByPosition(),
      promptTokens: [5, 3],
      maxTokens: 1e9,
      batchTokens: 16,
      signal: controller.signal,
      onBatch: () => controller.abort(),
    });
    expect(result).toMatchObject({ reason: 'cancelled', tokens: 16 });
  });

  it('reject an empty prompt with a coded error', async () => {
    await expect(
      startRun({ model: countingModel(), promptTokens: [], maxTokens: 5 }),
    ).rejects.toMatchObject({ code: 'RUN_OPTIONS' });
  });
});
