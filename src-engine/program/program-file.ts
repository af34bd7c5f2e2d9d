// The token program as a file (`inweights compile -o prog.tokens`): JSON with a format name and
// a version, checked on load. Instructions are stored as their 12 field bytes in prompt
// order plus the WebAssembly instruction count; the data image as base64. A loaded program is
// also checked against the machine's rules (validate-program.ts), so that a hand-edited file
// is refused here, with one line naming what is wrong, whatever engine is to run it.

import { z } from 'zod';
import type { Instruction, TokenProgram } from './instruction.ts';
import { fieldBytes, instruction } from './instruction.ts';
import { programProblem } from './validate-program.ts';

export const PROGRAM_FILE_VERSION = 1;

/** The `format` field of every token program file. */
const FORMAT = 'inweights-program';

/** A whole number in 0..max; `expected` is what an error message says it should be. */
const whole = (max: number, expected: string): z.ZodInt =>
  z.int({ error: expected }).min(0, { error: expected }).max(max, { error: expected });

const byte = whole(255, 'a byte, 0..255');
const count = whole(0x7fffffff, 'a whole number, 0 or more');

/** [op, flags, dst, a, b, c, imm0..imm3, target_lo, target_hi, wasmCount] */
const FIELD_NAMES = [
  'op',
  'flags',
  'dst',
  'a',
  'b',
  'c',
  'imm0',
  'imm1',
  'imm2',
  'imm3',
  'target_lo',
  'target_hi',
  'wasmCount',
];

const instructionSchema = z.tuple(
  [byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, byte, count],
  { error: '13 numbers: the 12 field bytes and the WebAssembly instruction count' },
);

/** Read first, so that a file of another version is told so whatever else changed. */
const headerSchema = z.object(
  {
    format: z.literal(FORMAT, { error: `"${FORMAT}"` }),
    version: z.number({ error: 'a number' }),
  },
  { error: 'a JSON object' },
);

const fileSchema = headerSchema.extend({
  entry: count,
  functions: z.array(
    z.object(
      { name: z.string({ error: 'a string' }), entry: count, length: count },
      { error: 'an object with name, entry and length' },
    ),
    { error: 'a list of functions' },
  ),
  /** base64 of the data image */
  data: z.base64({ error: 'base64 text' }),
  instructions: z.array(instructionSchema, { error: 'a list of instructions' }),
});

export class ProgramFileError extends Error {
  readonly code: 'PROGRAM_FILE_FORMAT' | 'PROGRAM_FILE_VERSION' | 'PROGRAM_FILE_PROGRAM';

  constructor(code: ProgramFileError['code'], message: string) {
    super(message);
    this.name = 'ProgramFileError';
    this.code = code;
  }
}

export function programToJson(program: TokenProgram): string {
  return JSON.stringify({
    format: program.format,
    version: PROGRAM_FILE_VERSION,
    entry: program.entry,
    functions: program.functions,
    data: Buffer.from(program.data).toString('base64'),
    instructions: program.instructions.map((ins) => [...fieldBytes(ins), ins.wasmCount]),
  });
}

/**
 * Whether text read from standard input is a token program file rather than C source. A file
 * is a JSON object, and C source never starts with `{`; so a damaged file is still taken for
 * one and its damage reported, instead of being handed to the C compiler.
 */
export const isProgramFileText = (text: string): boolean => /^\s*\{/.test(text);

function fromFields(f: readonly number[]): Instruction {
  return instruction(f[0]!, {
    flags: f[1]!,
    dst: f[2]!,
    a: f[3]!,
    b: f[4]!,
    c: f[5]!,
    imm: (f[6]! | (f[7]! << 8) | (f[8]! << 16) | (f[9]! << 24)) >>> 0,
    target: f[10]! | (f[11]! << 8),
    wasmCount: f[12]!,
  });
}

/** Where an issue is, in words: `instruction 5, field 3 (a)`, `functions[0].entry`. */
function place(path: readonly PropertyKey[]): string {
  const [top, index, field] = path;
  if (top === 'instructions' && typeof index === 'number') {
    if (typeof field !== 'number') return `instruction ${index}`;
    return `instruction ${index}, field ${field} (${FIELD_NAMES[field]})`;
  }
  if (path.length === 0) return 'the file';
  const step = (k: PropertyKey): string => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`);
  return path.map(step).join('').replace(/^\./, '');
}

/** The first issue Zod found, as one line: where, what was found, what was expected. */
function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const found =
    'input' in issue && issue.input !== undefined
      ? `is ${JSON.stringify(issue.input).slice(0, 60)}`
      : 'is missing';
  return `${place(issue.path)} ${found}; expected ${issue.message}`;
}

function parse<T>(schema: z.ZodType<T>, json: unknown): T {
  const result = schema.safeParse(json, { reportInput: true });
  if (result.success) return result.data;
  throw new ProgramFileError(
    'PROGRAM_FILE_FORMAT',
    `not a token program file: ${firstIssue(result.error)}`,
  );
}

/** Reads a token program file; throws ProgramFileError with one line saying what is wrong. */
export function programFromJson(text: string): TokenProgram {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    throw new ProgramFileError(
      'PROGRAM_FILE_FORMAT',
      `not a token program file: not JSON (${reason})`,
    );
  }
  const { version } = parse(headerSchema, json);
  if (version !== PROGRAM_FILE_VERSION) {
    throw new ProgramFileError(
      'PROGRAM_FILE_VERSION',
      `token program file version ${version}; this inweights reads version ` +
        `${PROGRAM_FILE_VERSION}: compile the program again`,
    );
  }
  const file = parse(fileSchema, json);
  const program: TokenProgram = {
    format: FORMAT,
    version: 1,
    instructions: file.instructions.map(fromFields),
    data: new Uint8Array(Buffer.from(file.data, 'base64')),
    functions: file.functions,
    entry: file.entry,
  };
  const problem = programProblem(program);
  if (problem !== null) {
    throw new ProgramFileError('PROGRAM_FILE_PROGRAM', `not a runnable token program: ${problem}`);
  }
  return program;
}
