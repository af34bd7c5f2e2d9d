// `inweights run FILE.c`: compiles a C program and runs it on an engine. Standard output
// carries only the program's output (or, with --json, one JSON object on the last line);
// everything else goes to stderr. Exit codes: 0 halted, 1 compile error, 2 bad usage,
// 3 the program trapped, 4 the run reached --max-tokens before it ended.

import { Option, type Command } from 'commander';
import type { AttentionName, EngineName, RunResult } from '../../api.ts';
import { runProgram } from '../../pipeline.ts';
import { writeErr, writeOut } from '../command.ts';
import { readInputFile } from '../files.ts';
import { progressLine } from '../progress.ts';
import { compileFile } from './compile.ts';

interface RunFlags {
  input?: string;
  inputFile?: string;
  engine: EngineName;
  attention: AttentionName;
  json?: boolean;
  maxTokens?: number;
}

export const EXIT_USAGE = 2;
export const EXIT_TRAP = 3;
export const EXIT_LIMIT = 4;

function positive(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(`--max-tokens needs a positive whole number, got '${text}'`);
  }
  return value;
}

/** The program's input bytes from --input (UTF-8) or --input-file (raw); empty if neither. */
function inputBytes(program: Command, flags: RunFlags): Uint8Array | null {
  if (flags.input !== undefined && flags.inputFile !== undefined) {
    writeErr(program, 'inweights run: give --input or --input-file, not both\n');
    process.exitCode = EXIT_USAGE;
    return null;
  }
  if (flags.inputFile !== undefined) return new Uint8Array(readInputFile(flags.inputFile));
  return new TextEncoder().encode(flags.input ?? '');
}

/** Writes the program's output bytes unchanged (or as UTF-8 text to a captured stream). */
function writeProgramOutput(program: Command, output: Uint8Array): void {
  if (program.configureOutput().writeOut === undefined) process.stdout.write(output);
  else writeOut(program, new TextDecoder().decode(output));
}

function summary(result: RunResult): Record<string, unknown> {
  return {
    output: new TextDecoder().decode(result.output),
    outputBase64: Buffer.from(result.output).toString('base64'),
    tokens: result.tokens,
    steps: result.steps,
    halted: result.halted,
    trap: result.trap,
    end: result.end,
    seconds: result.seconds,
    engine: result.engine,
    ...(result.promptTokens !== undefined && { promptTokens: result.promptTokens }),
    ...(result.engine === 'transformer' && {
      tokensPerSecond: result.tokensPerSecond,
      attention: result.attention,
      minMargin: result.minMargin,
      marginOk: result.marginOk,
    }),
  };
}

function describeEnd(result: RunResult): string {
  const stats = `${result.tokens} tokens, ${result.steps} steps, ${result.seconds.toFixed(3)} s`;
  if (result.end === 'halted') return `halted (${stats})`;
  if (result.end === 'trap') return `trap: ${result.trap} (${stats})`;
  return `stopped at the token limit before the program ended (${stats})`;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('compile a C program and run it; stdout is the program output')
    .argument('<file>', 'C source file')
    .option('--input <text>', 'the program input, as UTF-8 text')
    .option('--input-file <file>', 'the program input, the bytes of a file')
    .addOption(
      new Option('--engine <engine>', 'where the program runs')
        .choices(['transformer', 'evaluator', 'reference', 'native'])
        .default('transformer'),
    )
    .addOption(
      new Option('--attention <kind>', 'transformer attention: convex hull or a scan of all keys')
        .choices(['hull', 'brute'])
        .default('hull'),
    )
    .option('--json', 'print one JSON object (output, tokens, steps, ...) on the last line')
    .option('--max-tokens <count>', 'stop after this many generated tokens', positive)
    .action(async (file: string, flags: RunFlags) => {
      const input = inputBytes(program, flags);
      if (input === null) return;
      const compiled = await compileFile(program, file);
      if (compiled === null) return;
      const line = flags.engine === 'native' ? null : progressLine(program);
      const result = await runProgram(compiled, {
        input,
        engine: flags.engine,
        attention: flags.attention,
        ...(flags.maxTokens !== undefined && { maxTokens: flags.maxTokens }),
        ...(line !== null && { onProgress: (counts) => line.update(counts) }),
      });
      line?.clear();
      if (flags.json) writeOut(program, `${JSON.stringify(summary(result))}\n`);
      else {
        writeProgramOutput(program, result.output);
        writeErr(program, `${describeEnd(result)}\n`);
      }
      if (result.end === 'trap') process.exitCode = EXIT_TRAP;
      else if (result.end !== 'halted') process.exitCode = EXIT_LIMIT;
    });
}
