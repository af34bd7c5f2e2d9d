// The contract between the CLI's entry (main.ts) and each command file in commands/.
// A command file exports one `register…` function of this type; main.ts lists them.
import type { Command } from 'commander';
import { writeOutputFile } from './files.ts';

declare module 'commander' {
  interface OutputConfiguration {
    /**
     * A program's output is bytes, which must reach standard output unchanged, so a writeOut
     * hook takes bytes as well as text. Commander's own hook, process.stdout.write, does.
     */
    writeOut?(data: Uint8Array): void;
  }
}

/**
 * Adds one subcommand (its arguments, options, help and action) to the program.
 * Output goes through `writeOut`/`writeErr` so tests can capture it.
 */
export type RegisterCommand = (program: Command) => void;

/** Writes program data (results, listings, a program's output bytes) to standard output. */
export function writeOut(program: Command, data: string | Uint8Array): void {
  const { writeOut: write } = program.configureOutput();
  if (write === undefined) process.stdout.write(data);
  else if (typeof data === 'string') write(data);
  else write(data);
}

/** Writes diagnostics (progress, warnings) to the program's standard error. */
export function writeErr(program: Command, text: string): void {
  const { writeErr: write } = program.configureOutput();
  if (write === undefined) process.stderr.write(text);
  else write(text);
}

/** Writes `data` to the file named on the command line, or to standard output for `-`. */
export function writeOutputTo(program: Command, path: string, data: string | Uint8Array): void {
  if (path === '-') writeOut(program, data);
  else writeOutputFile(path, data);
}
