// Memory and input in the reference: the data image, loads and stores of every width with
// their extensions, the address rule and its bounds, and GETCHAR's cursor at the end of input.

import { describe, expect, it } from 'vitest';
import type { Instruction } from '../program/instruction.ts';
import { instruction } from '../program/instruction.ts';
import { Flag, Machine, Op } from '../program/opcodes.ts';
import type { OpName } from '../program/opcodes.ts';
import { Tok } from '../program/vocab.ts';
import { irProgram, movImm, payloadWord, splitSteps } from '../testing/ir.ts';
import { runReference } from './interpreter.ts';

const { MEM_SIZE, DATA_BASE } = Machine;
const RET = instruction(Op.RET);

function run(code: Instruction[], data = new Uint8Array(), input = new Uint8Array()) {
  const result = runReference(irProgram([...code, RET], { data }), input, { keepTrace: true });
  return { ...result, steps: splitSteps(result.trace!) };
}

/** `dst = load(imm)` with an immediate address. */
const loadAt = (op: number, addr: number, dst = 1): Instruction =>
  instruction(op, { dst, flags: Flag.A_IMM, imm: addr });

describe('reference memory', () => {
  const data = Uint8Array.from([0x81, 0xf2, 0x03, 0x84, 0x7f]);

  it('starts with the data image at DATA_BASE and zero everywhere else', () => {
    const r = run(
      [
        loadAt(Op.LOAD32, DATA_BASE),
        loadAt(Op.LOAD32, DATA_BASE - 4),
        loadAt(Op.LOAD32, DATA_BASE + 4),
      ],
      data,
    );
    expect(r.steps.slice(0, 3).map((s) => payloadWord(s.payload))).toEqual([0x8403f281, 0, 0x7f]);
  });

  it('extends loads of each width by sign or by zero', () => {
    const ops = [Op.LOAD8_S, Op.LOAD8_U, Op.LOAD16_S, Op.LOAD16_U, Op.LOAD8_S];
    const r = run(
      ops.map((op, i) => loadAt(op, DATA_BASE + (i === 4 ? 4 : 0))),
      data,
    );
    expect(r.steps.slice(0, 5).map((s) => payloadWord(s.payload))).toEqual([
      0xffffff81, 0x81, 0xfffff281, 0xf281, 0x7f,
    ]);
  });

  it('stores the low 1, 2 or 4 bytes of B as S steps and loads them back', () => {
    const r = run([
      movImm(1, 0xa1b2c3d4),
      movImm(2, 5000),
      instruction(Op.STORE32, { a: 2, b: 1, imm: 0 }),
      instruction(Op.STORE16, { a: 2, b: 1, imm: 8 }),
      instruction(Op.STORE8, { a: 2, b: 1, imm: 12 }),
      loadAt(Op.LOAD32, 5000),
      loadAt(Op.LOAD32, 5008),
      loadAt(Op.LOAD32, 5012),
      loadAt(Op.LOAD16_S, 5002),
    ]);
    expect(r.steps.slice(2, 5)).toEqual([
      { token: Tok.S, payload: [0xd4, 0xc3, 0xb2, 0xa1] },
      { token: Tok.S, payload: [0xd4, 0xc3] },
      { token: Tok.S, payload: [0xd4] },
    ]);
    expect(r.steps.slice(5, 9).map((s) => payloadWord(s.payload))).toEqual([
      0xa1b2c3d4, 0xc3d4, 0xd4, 0xffffa1b2,
    ]);
  });

  it('overwrites the data image', () => {
    const r = run(
      [
        instruction(Op.STORE8, { flags: Flag.A_IMM | Flag.B_IMM, imm: DATA_BASE + 1 }),
        loadAt(Op.LOAD32, DATA_BASE),
      ],
      data,
    );
    // B is the immediate too: the low byte of DATA_BASE + 1 = 0x401 is 0x01.
    expect(payloadWord(r.steps[1]!.payload)).toBe(0x840301 * 256 + 0x81);
  });

  it('adds A and imm for the address unless A_IMM is set', () => {
    const r = run([
      movImm(1, 100),
      instruction(Op.STORE8, { a: 1, flags: Flag.B_IMM, imm: 7 }),
      loadAt(Op.LOAD8_U, 107),
    ]);
    expect(payloadWord(r.steps[2]!.payload)).toBe(7);
  });
});

describe('reference memory bounds', () => {
  const widths: [OpName, number][] = [
    ['LOAD8_S', 1],
    ['LOAD8_U', 1],
    ['LOAD16_S', 2],
    ['LOAD16_U', 2],
    ['LOAD32', 4],
    ['STORE8', 1],
    ['STORE16', 2],
    ['STORE32', 4],
  ];
  const access = (op: OpName | number, base: number, imm: number): Instruction[] => [
    movImm(1, base),
    instruction(typeof op === 'number' ? op : Op[op], { dst: 2, a: 1, b: 1, imm }),
  ];

  it.each(widths)('%s of %i bytes works at the last address and traps one past', (op, n) => {
    expect(run(access(op, MEM_SIZE - n, 0)).stopToken).toBe(Tok.H);
    expect(run(access(op, MEM_SIZE - n, 1)).stopToken).toBe(Tok.T_OOB);
    expect(run(access(op, MEM_SIZE - n + 1, 0)).stopToken).toBe(Tok.T_OOB);
  });

  it.each(widths)('%s does not wrap A + imm around 2^32', (op) => {
    expect(run(access(op, 0xffffffff, 1)).stopToken).toBe(Tok.T_OOB);
    expect(run(access(op, 0xfffffff0, 0x20)).stopToken).toBe(Tok.T_OOB);
    expect(run(access(op, 1, 0xffffffff)).stopToken).toBe(Tok.T_OOB);
  });

  it('ignores A when A_IMM is set, so the immediate alone is the address', () => {
    const load = instruction(Op.LOAD32, { dst: 2, a: 1, flags: Flag.A_IMM, imm: MEM_SIZE - 4 });
    expect(run([movImm(1, 0xffffffff), load]).stopToken).toBe(Tok.H);
  });

  it('emits no S payload and writes nothing when a store traps', () => {
    const r = run(access(Op.STORE32, MEM_SIZE - 2, 0));
    expect(r.steps.map((s) => s.token)).toEqual([Tok.W, Tok.T_OOB]);
    expect(r.trap).toBe('out of bounds memory access');
  });
});

describe('reference GETCHAR', () => {
  const getchars = (count: number): Instruction[] =>
    Array.from({ length: count }, (_, i) => instruction(Op.GETCHAR, { dst: i + 1 }));

  it('reads the input in order and gives 0xFFFFFFFF at and past its end', () => {
    const r = run(getchars(5), undefined, Uint8Array.from([0, 255, 10]));
    expect(r.steps.slice(0, 5).map((s) => payloadWord(s.payload))).toEqual([
      0, 255, 10, 0xffffffff, 0xffffffff,
    ]);
  });

  it('gives 0xFFFFFFFF on empty input', () => {
    const r = run(getchars(2));
    expect(r.steps.slice(0, 2).map((s) => s.payload)).toEqual([
      [255, 255, 255, 255],
      [255, 255, 255, 255],
    ]);
  });
});
