// `inweights compile FILE.c [-o FILE.tokens]`: compiles a C program to a token program and
// prints its size: instructions, data bytes and the prompt's length for an empty input. With
// -o it writes the token program (program/program-file.ts). Compile errors and refusals go to
// stderr as `file:line:col: error: message` lines and the exit code is 1.

import { basename } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from '../../api.ts';
import { compileC } from '../../c/compile.ts';
import { CompileError, formatDiagnostic } from '../../c/compile-error.ts';
import { programToJson } from '../../program/program-file.ts';
import { buildPrompt } from '../../program/prompt.ts';
import type { CompileResult } from '../../c/compile.ts';
import { writeErr, writeOut } from '../command.ts';
import { readInputFile, writeOutputFile } from '../files.ts';

/** Exit code of a program that did not compile. */
export const EXIT_COMPILE_ERROR = 1;

/**
 * Compiles `path`; on failure writes the diagnostics to stderr, sets the exit code and
 * returns null. Warnings are written to stderr either way.
 */
export async function compileFile(program: Command, path: string): Promise<CompileResult | null> {
  const source = readInputFile(path).toString('utf8');
  const report = (diagnostics: readonly Diagnostic[]): void => {
    for (const d of diagnostics) writeErr(program, `${formatDiagnostic(d)}\n`);
  };
  try {
    const compiled = await compileC(source, { fileName: basename(path) });
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
    .argument('<file>', 'C source file')
    .option('-o, --output <file>', 'write the token program (JSON) to this file')
    .action(async (file: string, flags: { output?: string }) => {
      const compiled = await compileFile(program, file);
      if (compiled === null) return;
      const { instructions, data } = compiled.program;
      const promptTokens = buildPrompt(compiled.program, new Uint8Array(0)).tokens.length;
      writeOut(
        program,
        `${instructions.length} instructions, ${data.length} data bytes, ` +
          `${promptTokens} prompt tokens (empty input)\n`,
      );
      if (flags.output !== undefined) {
        writeOutputFile(flags.output, programToJson(compiled.program));
      }
    });
}
