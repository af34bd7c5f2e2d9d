// `inweights run FILE`: compiles a C program (or loads a token program written by `compile -o`)
// and runs it on an engine. Standard output carries only the program's output bytes, exactly,
// or with --json only one JSON object; everything else goes to stderr. Exit codes: 0 halted,
// 1 the program did not compile or a file could not be read, 2 bad usage, 3 the program
// trapped, 4 the run reached --max-tokens before it ended.

import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { AttentionName, CompiledProgram, EngineName, RunResult } from '../../api.ts';
import { runProgram } from '../../pipeline.ts';
import {
  isProgramFileText,
  ProgramFileError,
  programFromJson,
} from '../../program/program-file.ts';
import { writeErr, writeOut } from '../command.ts';
import { readInputFile } from '../files.ts';
import { marginWarning } from '../margin-warning.ts';
import { attentionOption, checkAttention, EXIT_USAGE, maxTokensOption } from '../options.ts';
import { progressLine } from '../progress.ts';
import { compileFile, compileSource } from './compile.ts';

interface RunFlags {
  input?: string;
  inputFile?: string;
  engine: EngineName;
  attention: AttentionName;
  json?: boolean;
  maxTokens?: number;
}

export const EXIT_TRAP = 3;
export const EXIT_LIMIT = 4;

/** The program's input bytes from --input (UTF-8) or --input-file (raw, - for stdin). */
function inputBytes(flags: RunFlags): Uint8Array {
  if (flags.inputFile === '-') return new Uint8Array(readFileSync(0));
  if (flags.inputFile !== undefined) return new Uint8Array(readInputFile(flags.inputFile));
  return new TextEncoder().encode(flags.input ?? '');
}

/**
 * A token program file, read by `read` once the engine is known to run it: it has no
 * WebAssembly, so every engine but native can. `name` is how messages call it.
 */
function loadTokens(
  command: Command,
  name: string,
  read: () => string,
  engine: EngineName,
): CompiledProgram {
  if (engine === 'native') {
    command.error(
      `error: ${name} is a token program, which has no WebAssembly for --engine native; ` +
        'run it on the transformer, evaluator or reference engine, or run the C file',
      { exitCode: EXIT_USAGE, code: 'inweights.tokensNative' },
    );
  }
  try {
    return { source: '', wasm: new Uint8Array(), program: programFromJson(read()) };
  } catch (error) {
    if (error instanceof ProgramFileError) throw new Error(`${name}: ${error.message}`);
    throw error;
  }
}

/**
 * The program `file` names: C source (.c) is compiled, a token program (.tokens) loaded, and
 * standard input (-) is either, told apart by its text. Null when the source did not compile.
 */
async function loadProgram(
  program: Command,
  command: Command,
  file: string,
  engine: EngineName,
): Promise<CompiledProgram | null> {
  if (file === '-') {
    const text = readFileSync(0, 'utf8');
    if (isProgramFileText(text)) return loadTokens(command, 'standard input', () => text, engine);
    return compileSource(program, text, 'stdin.c');
  }
  if (file.endsWith('.tokens')) {
    return loadTokens(command, file, () => readInputFile(file).toString('utf8'), engine);
  }
  if (!file.endsWith('.c')) {
    throw new Error(
      `${file} is neither C source nor a token program: ` +
        'give a file ending in .c or .tokens, or - for stdin',
    );
  }
  return compileFile(program, file);
}

function summary(result: RunResult): Record<string, unknown> {
  // the native engine generates no tokens and counts no steps: there is nothing to report
  const counted = result.engine !== 'native';
  return {
    output: new TextDecoder().decode(result.output),
    outputBase64: Buffer.from(result.output).toString('base64'),
    tokens: counted ? result.tokens : null,
    steps: counted ? result.steps : null,
    halted: result.halted,
    exitStatus: result.exitStatus,
    trap: result.trap,
    end: result.end,
    seconds: result.seconds,
    engine: result.engine,
    ...(result.promptTokens !== undefined && { promptTokens: result.promptTokens }),
    ...(result.engine === 'transformer' && {
      promptSeconds: result.promptSeconds,
      tokensPerSecond: result.tokensPerSecond,
      attention: result.attention,
      minMargin: result.minMargin,
      marginOk: result.marginOk,
    }),
  };
}

/** The stderr summary of a run without --json: how it ended, and a failed margin check. */
export function runReport(result: RunResult): string {
  const warning = marginWarning(result);
  return `${describeEnd(result)}\n${warning === null ? '' : `${warning}\n`}`;
}

function describeEnd(result: RunResult): string {
  const counts =
    result.engine === 'native' ? '' : `${result.tokens} tokens, ${result.steps} steps, `;
  const stats = `${counts}${result.seconds.toFixed(3)} s`;
  if (result.end === 'halted') return `halted with exit status ${result.exitStatus} (${stats})`;
  if (result.end === 'trap') return `trap: ${result.trap} (${stats})`;
  const limit = result.engine === 'native' ? 'output limit' : 'token limit';
  return `stopped at the ${limit} before the program ended (${stats})`;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('compile a C program and run it; stdout is the program output')
    .argument('<file>', 'C source (.c) or a token program (.tokens); - reads either from stdin')
    .addOption(
      new Option('--input <text>', 'the program input, as UTF-8 text').conflicts('inputFile'),
    )
    .option('--input-file <file>', 'the program input, the bytes of a file (- for stdin)')
    .addOption(
      new Option('--engine <engine>', 'where the program runs')
        .choices(['transformer', 'evaluator', 'reference', 'native'])
        .default('transformer'),
    )
    .addOption(attentionOption())
    .option('--json', 'print only one JSON object (output, tokens, steps, ...)')
    .addOption(maxTokensOption())
    .action(async (file: string, flags: RunFlags, command: Command) => {
      checkAttention(command, flags.engine);
      if (file === '-' && flags.inputFile === '-') {
        command.error('error: standard input cannot hold both the program and its input', {
          exitCode: EXIT_USAGE,
          code: 'inweights.stdin',
        });
      }
      const compiled = await loadProgram(program, command, file, flags.engine);
      if (compiled === null) return;
      const input = inputBytes(flags);
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
        writeOut(program, result.output);
        writeErr(program, runReport(result));
      }
      if (result.end === 'trap') process.exitCode = EXIT_TRAP;
      else if (result.end !== 'halted') process.exitCode = EXIT_LIMIT;
    });
}
