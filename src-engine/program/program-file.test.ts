import { describe, expect, it } from 'vitest';
import { instruction } from './instruction.ts';
import type { TokenProgram } from './instruction.ts';
import { Flag, Op } from './opcodes.ts';
import { ProgramFileError, programFromJson, programToJson } from './program-file.ts';

const PROGRAM: TokenProgram = {
  format: 'inweights-program',
  version: 1,
  instructions: [
    instruction(Op.MOV, { dst: 3, imm: 0xfedcba98, flags: Flag.A_IMM, wasmCount: 2 }),
    instruction(Op.BR, { target: 0x1234, wasmCount: 1 }),
    instruction(Op.RET, { wasmCount: 0 }),
  ],
  data: Uint8Array.from([0, 1, 255]),
  functions: [{ name: 'main', entry: 0, length: 3 }],
  entry: 0,
};

describe('token program files', () => {
  it('read back exactly what was written', () => {
    expect(programFromJson(programToJson(PROGRAM))).toEqual(PROGRAM);
  });

  it('refuse another version with a message that says what to do', () => {
    const file = JSON.parse(programToJson(PROGRAM)) as { version: number };
    file.version = 99;
    expect(() => programFromJson(JSON.stringify(file))).toThrow(ProgramFileError);
    expect(() => programFromJson(JSON.stringify(file))).toThrow(
      /version 99.*compile the program again/,
    );
  });

  it('refuse text that is not a token program', () => {
    expect(() => programFromJson('{"format": "something else"}')).toThrow(
      /not a token program file/,
    );
  });
});
