// `inweights compile FILE.c [-o FILE.tokens]`: compiles a C program to a token program and
// prints its size: instructions, data bytes and the prompt's length for an empty input. With
// -o it writes the token program (program/program-file.ts), which `inweights run` takes in
// place of the C file; `-o -` writes it to stdout, and the size to stderr. Compile errors and
// refusals go to stderr as `file:line:col: error: message` lines and the exit code is 1.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from '../../api.ts';
import { compileC } from '../../c/compile.ts';
import { CompileError, formatDiagnostic } from '../../c/compile-error.ts';
import { programToJson } from '../../program/program-file.ts';
import { buildPrompt } from '../../program/prompt.ts';
import type { CompileResult } from '../../c/compile.ts';
import { writeErr, writeOut, writeOutputTo } from '../command.ts';
import { readInputFile } from '../files.ts';

/** Exit code of a program that did not compile. */
export const EXIT_COMPILE_ERROR = 1;

/** The C source at `path`, or on standard input for `-`, with the name diagnostics give it. */
function readSource(path: string): { source: string; fileName: string } {
  if (path === '-') return { source: readFileSync(0, 'utf8'), fileName: 'stdin.c' };
  if (!path.endsWith('.c')) {
    throw new Error(`${path} is not a C source file: give a file ending in .c, or - for stdin`);
  }
  return { source: readInputFile(path).toString('utf8'), fileName: basename(path) };
}

/**
 * Compiles `path` (`-` reads standard input); on failure writes the diagnostics to stderr,
 * sets the exit code and returns null. Warnings are written to stderr either way.
 */
export async function compileFile(program: Command, path: string): Promise<CompileResult | null> {
  const { source, fileName } = readSource(path);
  return compileSource(program, source, fileName);
}

/** Compiles `source`, named `fileName` in diagnostics; reports as compileFile does. */
export async function compileSource(
  program: Command,
  source: string,
  fileName: string,
): Promise<CompileResult | null> {
  const report = (diagnostics: readonly Diagnostic[]): void => {
    for (const d of diagnostics) writeErr(program, `${formatDiagnostic(d)}\n`);
  };
  try {
    const compiled = await compileC(source, { fileName });
    report(compiled.warnings);
    return compiled;
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    report(error.diagnostics);
    process.exitCode = EXIT_COMPILE_ERROR;
    return null;
  }
}

export function registerCompile(program: Command): void {
  program
    .command('compile')
    .description('compile a C program into a token program and print its size')
    .argument('<file>', 'C source file (.c), or - to read it from standard input')
    .option(
      '-o, --output <file>',
      'write the token program (JSON) to this file, for `run` (- for stdout)',
    )
    .action(async (file: string, flags: { output?: string }) => {
      const compiled = await compileFile(program, file);
      if (compiled === null) return;
      // written first, so a file that cannot be written leaves no success report behind
      if (flags.output !== undefined) {
        writeOutputTo(program, flags.output, `${programToJson(compiled.program)}\n`);
      }
      const { instructions, data } = compiled.program;
      const promptTokens = buildPrompt(compiled.program, new Uint8Array(0)).tokens.length;
      const size =
        `${instructions.length} instructions, ${data.length} data bytes, ` +
        `${promptTokens} prompt tokens (empty input)\n`;
      // with -o -, stdout holds the token program alone, ready for `inweights run -`
      if (flags.output === '-') writeErr(program, size);
      else writeOut(program, size);
    });
}
