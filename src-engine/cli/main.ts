// The `inweights` command line. This file builds the commander program from the command
// files in commands/ (one file per command, each exporting a RegisterCommand) and runs it.
// It has no side effects on import: bin/inweights.js calls main(), tests call createProgram().
import { Command, CommanderError } from 'commander';
import type { RegisterCommand } from './command.ts';
import { EXIT_USAGE } from './options.ts';
import { packageVersion } from './package-info.ts';
import { resourcesProblem } from '../resources.ts';
import { registerCompile } from './commands/compile.ts';
import { registerModel } from './commands/model.ts';
import { registerRun } from './commands/run.ts';
import { registerSolve } from './commands/solve.ts';
import { registerVersion } from './commands/version.ts';

/** Every command, in the order `inweights --help` lists them. A new command is added here. */
const commands: readonly RegisterCommand[] = [
  registerCompile,
  registerRun,
  registerModel,
  registerSolve,
  registerVersion,
];

/**
 * Builds the program. `configure` runs before any command is added, so settings that
 * subcommands inherit (exitOverride, configureOutput) reach all of them.
 */
export function createProgram(configure?: (program: Command) => void): Command {
  const program = new Command('inweights')
    .description('Compile C to WebAssembly and run it inside a transformer with computed weights.')
    .version(packageVersion(), '-V, --version', 'print the version number')
    .showSuggestionAfterError();
  configure?.(program);
  for (const register of commands) register(program);
  return program;
}

/**
 * Runs the CLI on `argv` as Node passes it (node, script, args...). Commander has already
 * printed its one-line message when it throws; help and --version end with 0, every other
 * commander error (unknown option or command, bad value) with EXIT_USAGE.
 */
export async function main(argv: readonly string[]): Promise<void> {
  const problem = resourcesProblem();
  if (problem !== null) throw new Error(problem);
  try {
    await createProgram((program) => program.exitOverride()).parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
  }
}
