// The contract between the CLI's entry (main.ts) and each command file in commands/.
// A command file exports one `register…` function of this type; main.ts lists them.
import type { Command } from 'commander';

/**
 * Adds one subcommand (its arguments, options, help and action) to the program.
 * Output goes through `writeOut`/`writeErr` so tests can capture it.
 */
export type RegisterCommand = (program: Command) => void;

/** Writes program data (results, listings) to the program's standard output. */
export function writeOut(program: Command, text: string): void {
  const { writeOut: write } = program.configureOutput();
  if (write === undefined) process.stdout.write(text);
  else write(text);
}

/** Writes diagnostics (progress, warnings) to the program's standard error. */
export function writeErr(program: Command, text: string): void {
  const { writeErr: write } = program.configureOutput();
  if (write === undefined) process.stderr.write(text);
  else write(text);
}
