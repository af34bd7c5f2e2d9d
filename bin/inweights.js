#!/usr/bin/env node
// Launcher of the `inweights` CLI. The CLI is TypeScript (src-engine/cli/main.ts), run through
// tsx without a build step: register tsx's loader, then import the entry and run it.
import { register } from 'tsx/esm/api';

register();

// A reader that stops early (`inweights solve … | head -1`) closes the pipe: that ends our
// output, and is not an error to report.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  const { main } = await import('../src-engine/cli/main.ts');
  await main(process.argv);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  // a message may quote bytes of a bad input file: control characters are shown as escapes,
  // never sent to the terminal
  const escape = (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  const shown = message.replace(/(?![\n\t])\p{Cc}/gu, escape);
  process.stderr.write(`inweights: ${shown}\n`);
  process.exitCode = 1;
}
