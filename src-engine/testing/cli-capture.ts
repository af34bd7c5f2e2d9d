// Runs the `inweights` command line in-process for tests: commander's exits become
// exceptions, and what the commands write is captured instead of reaching the real streams.

import type { Command } from 'commander';
import { createProgram } from '../cli/main.ts';

export interface Captured {
  /** standard output as UTF-8 text, and as the bytes written */
  out: string;
  bytes: Buffer;
  err: string;
  /** process.exitCode as the command left it (0 when unset) */
  code: number;
}

export async function runCli(...args: string[]): Promise<Captured> {
  const chunks: Buffer[] = [];
  let err = '';
  const program = createProgram((p: Command) =>
    p.exitOverride().configureOutput({
      writeOut: (data) => chunks.push(Buffer.from(data)),
      writeErr: (text) => (err += text),
    }),
  );
  await program.parseAsync(['node', 'inweights', ...args]);
  const bytes = Buffer.concat(chunks);
  return { out: bytes.toString('utf8'), bytes, err, code: Number(process.exitCode ?? 0) };
}
