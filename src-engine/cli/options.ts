// Options that several commands share, with their parsing. A value that does not parse is a
// usage error: commander prints it on one line and the launcher exits with EXIT_USAGE.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_MAX_TOKENS } from '../pipeline.ts';

/** Exit code of a command line that cannot be carried out as written. */
export const EXIT_USAGE = 2;

/** A whole number of tokens, written in plain digits (no 1e3, no 0x10). */
function tokenCount(text: string): number {
  if (!/^\d+$/.test(text) || /^0+$/.test(text)) {
    throw new InvalidArgumentError('It needs a positive whole number, written in digits.');
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(`It is too large: at most ${Number.MAX_SAFE_INTEGER}.`);
  }
  return value;
}

export function maxTokensOption(): Option {
  const limit = DEFAULT_MAX_TOKENS.toLocaleString('en-US');
  return new Option(
    '--max-tokens <count>',
    `stop after this many generated tokens (default ${limit}; native runs, which generate ` +
      'none, stop at half as many bytes of output)',
  ).argParser(tokenCount);
}

export function attentionOption(): Option {
  return new Option(
    '--attention <kind>',
    'transformer attention: convex hull or a scan of all keys',
  )
    .choices(['hull', 'brute'])
    .default('hull');
}

/**
 * Refuses --attention given for another engine than the transformer, which would ignore it.
 * `command` is the subcommand whose options were parsed.
 */
export function checkAttention(command: Command, engine: string): void {
  if (engine === 'transformer' || command.getOptionValueSource('attention') !== 'cli') return;
  command.error(`error: --attention applies to --engine transformer only, not ${engine}`, {
    exitCode: EXIT_USAGE,
    code: 'inweights.attention',
  });
}
