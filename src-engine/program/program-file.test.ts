import { describe, expect, it } from 'vitest';
import { instruction } from './instruction.ts';
import type { TokenProgram } from './instruction.ts';
import { Flag, Op } from './opcodes.ts';
import {
  isProgramFileText,
  ProgramFileError,
  programFromJson,
  programToJson,
} from './program-file.ts';

const PROGRAM: TokenProgram = {
  format: 'inweights-program',
  version: 1,
  instructions: [
    instruction(Op.MOV, { dst: 3, imm: 0xfedcba98, flags: Flag.A_IMM, wasmCount: 2 }),
    instruction(Op.BR, { target: 2, wasmCount: 1 }),
    instruction(Op.RET, { wasmCount: 0 }),
  ],
  data: Uint8Array.from([0, 1, 255]),
  functions: [{ name: 'main', entry: 0, length: 3 }],
  entry: 0,
};

interface FileFields {
  version: number;
  entry: number;
  data: string;
  instructions: number[][];
}

/** The file of PROGRAM after `edit`, as hand-editing would leave it. */
function edited(edit: (file: FileFields) => void): string {
  const file = JSON.parse(programToJson(PROGRAM)) as FileFields;
  edit(file);
  return JSON.stringify(file);
}

/** The message programFromJson refuses `text` with; it must be a single line. */
function refusal(text: string): string {
  try {
    programFromJson(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ProgramFileError);
    const { message } = error as Error;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('the file was accepted');
}

describe('token program files', () => {
  it('read back exactly what was written', () => {
    expect(programFromJson(programToJson(PROGRAM))).toEqual(PROGRAM);
  });

  it('refuse another version with a message that says what to do', () => {
    const file = edited((f) => (f.version = 99));
    expect(() => programFromJson(file)).toThrow(ProgramFileError);
    expect(() => programFromJson(file)).toThrow(/version 99.*compile the program again/);
  });

  it('refuse text that is not a token program', () => {
    expect(() => programFromJson('{"format": "something else"}')).toThrow(
      /not a token program file/,
    );
  });

  it('refuse a damaged field in one line naming the instruction, the field and the range', () => {
    expect(refusal(edited((f) => (f.instructions[1]![3] = 300)))).toBe(
      'not a token program file: instruction 1, field 3 (a) is 300; expected a byte, 0..255',
    );
    expect(refusal(edited((f) => (f.instructions[2]![12] = -1)))).toBe(
      'not a token program file: instruction 2, field 12 (wasmCount) is -1; ' +
        'expected a whole number, 0 or more',
    );
    expect(refusal(edited((f) => f.instructions[0]!.pop()))).toMatch(
      /^not a token program file: instruction 0 is \[.*\]; expected 13 numbers/,
    );
  });

  it('refuse a data image that is not base64, and text that is not JSON', () => {
    expect(refusal(edited((f) => (f.data = 'not base64!')))).toBe(
      'not a token program file: data is "not base64!"; expected base64 text',
    );
    expect(refusal('int main(void) {}')).toMatch(/^not a token program file: not JSON \(/);
  });

  it('refuse programs the machine cannot run, naming the rule they break', () => {
    const cases: [(f: FileFields) => void, string][] = [
      [(f) => (f.instructions[0]![0] = 0), 'instruction 0 has opcode 0, which the machine'],
      [(f) => (f.instructions[2]![0] = 99), 'instruction 2 has opcode 99, which the machine'],
      [
        (f) => f.instructions[1]!.splice(10, 2, 255, 255),
        'instruction 1 (opcode 50) targets 65535, past the last one 2',
      ],
      [(f) => (f.entry = 100000), 'the entry 100000 is past the last instruction 2'],
      [(f) => (f.instructions = []), 'the program has no instructions'],
      [
        (f) => (f.data = Buffer.alloc(3 << 20).toString('base64')),
        'the data image of 3145728 bytes does not fit memory: at most 2096128 fit',
      ],
    ];
    for (const [edit, message] of cases) {
      expect(refusal(edited(edit))).toContain(`not a runnable token program: ${message}`);
    }
  });

  it('are told apart from C source by their opening brace', () => {
    expect(isProgramFileText(` \n${programToJson(PROGRAM)}`)).toBe(true);
    expect(isProgramFileText('#include <stdio.h>\nint main(void) { return 0; }\n')).toBe(false);
  });
});
