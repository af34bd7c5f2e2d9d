// `inweights model build` and `inweights model info`, in-process.

import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { SHIPPED_MODEL_PATH } from '../../model/shipped.ts';
import { createProgram } from '../main.ts';

/** Runs the CLI; returns the bytes written to stdout and the text written to stderr. */
async function cli(...args: string[]): Promise<{ bytes: Buffer; err: string }> {
  const chunks: Buffer[] = [];
  let err = '';
  const program = createProgram((p: Command) =>
    p.exitOverride().configureOutput({
      writeOut: (data) => chunks.push(Buffer.from(data)),
      writeErr: (text) => (err += text),
    }),
  );
  await program.parseAsync(['node', 'inweights', ...args]);
  return { bytes: Buffer.concat(chunks), err };
}

describe('inweights model', () => {
  it('writes the model file alone to stdout with -o -, and its shape to stderr', async () => {
    const { bytes, err } = await cli('model', 'build', '-o', '-');
    expect(bytes.equals(readFileSync(SHIPPED_MODEL_PATH))).toBe(true);
    expect(err).toMatch(/^wrote the model to standard output \(\d+ bytes\) in \d+ ms\n/);
    expect(err).toMatch(/^layers +\d+$/m);
    expect(existsSync('-')).toBe(false);
  });

  it('says a C file given to `model info` is not a safetensors file', async () => {
    const source = new URL('../../../resources/programs/hello.c', import.meta.url).pathname;
    await expect(cli('model', 'info', source)).rejects.toThrow(/^not a safetensors file: /);
  });
});
