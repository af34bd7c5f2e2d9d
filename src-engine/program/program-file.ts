// The token program as a file (`inweights compile -o prog.tokens`): JSON with a format name and
// a version, checked on load. Instructions are stored as their 12 field bytes in prompt
// order plus the WebAssembly instruction count; the data image as base64.

import { z } from 'zod';
import type { Instruction, TokenProgram } from './instruction.ts';
import { fieldBytes, instruction } from './instruction.ts';

export const PROGRAM_FILE_VERSION = 1;

const byte = z.number().int().min(0).max(255);

const fileSchema = z.object({
  format: z.literal('inweights-program'),
  version: z.number(),
  entry: z.number().int().min(0),
  functions: z.array(
    z.object({ name: z.string(), entry: z.number().int().min(0), length: z.number().int().min(0) }),
  ),
  /** base64 of the data image */
  data: z.string(),
  /** [op, flags, dst, a, b, c, imm0..imm3, target_lo, target_hi, wasmCount] */
  instructions: z.array(z.array(z.number().int().min(0)).length(13)),
});

export class ProgramFileError extends Error {
  readonly code: 'PROGRAM_FILE_FORMAT' | 'PROGRAM_FILE_VERSION';

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

function fromFields(f: number[]): Instruction {
  for (const v of f.slice(0, 12)) byte.parse(v);
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

export function programFromJson(text: string): TokenProgram {
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new ProgramFileError(
      'PROGRAM_FILE_FORMAT',
      `not a token program file: ${(error as Error).message}`,
    );
  }
  if (parsed.version !== PROGRAM_FILE_VERSION) {
    throw new ProgramFileError(
      'PROGRAM_FILE_VERSION',
      `token program file version ${parsed.version}; this inweights reads version ` +
        `${PROGRAM_FILE_VERSION}: compile the program again`,
    );
  }
  return {
    format: 'inweights-program',
    version: 1,
    instructions: parsed.instructions.map(fromFields),
    data: new Uint8Array(Buffer.from(parsed.data, 'base64')),
    functions: parsed.functions,
    entry: parsed.entry,
  };
}
