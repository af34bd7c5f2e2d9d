// `inweights model build` and `inweights model info`, in-process.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHIPPED_MODEL_PATH, shippedModel } from '../../model/shipped.ts';
import { runCli as cli } from '../../testing/cli-capture.ts';

describe('inweights model', () => {
  it('writes the model file alone to stdout with -o -, and its shape to stderr', async () => {
    const { bytes, err } = await cli('model', 'build', '-o', '-');
    expect(bytes.equals(readFileSync(SHIPPED_MODEL_PATH))).toBe(true);
    expect(err).toMatch(/^wrote the model to standard output \(\d+ bytes\) in \d+ ms\n/);
    expect(err).toMatch(/^layers +\d+$/m);
    expect(existsSync('-')).toBe(false);
  });

  it('reports nonzero weights and the size of the same matrices stored dense', async () => {
    const shape = JSON.parse((await cli('model', 'info', '--json')).out) as Record<string, number>;
    const { vocab, dModel, layers } = shippedModel().config;
    // embedding and unembedding; per head q and k (2 rows), v and o (dv rows); per FFN a, b, out
    let dense = 2 * vocab.length * dModel;
    for (const l of layers) {
      for (const h of l.heads) dense += (4 + 2 * h.dv) * dModel;
      dense += 3 * l.ffnWidth * dModel;
    }
    expect(shape.denseParameters).toBe(dense);
    expect(shape.parameters).toBeGreaterThan(0);
    expect(shape.parameters).toBeLessThan(dense);
  });

  it('says a C file given to `model info` is not a safetensors file, naming it', async () => {
    const source = new URL('../../../resources/programs/hello.c', import.meta.url).pathname;
    await expect(cli('model', 'info', source)).rejects.toThrow(
      `${source}: not a safetensors file: `,
    );
  });
});
