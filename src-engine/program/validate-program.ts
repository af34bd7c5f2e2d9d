// The rules a token program keeps so that it has a defined trace (docs/machine.md): at least
// one instruction and at most Machine.MAX_INSTRUCTIONS, every opcode one the machine defines,
// every jump and call target and the entry inside the program, the data image inside memory.
// The reference interpreter applies them as it lays out and runs a program; a token program
// file is checked against all of them when it is loaded (program-file.ts). What happens during
// a run (a pc that runs past the last instruction, a trap) is left to the engines.

import type { Instruction, TokenProgram } from './instruction.ts';
import { Machine, Op, opName } from './opcodes.ts';

/** Opcodes whose target field becomes the pc. */
export const JUMP_OPCODES: ReadonlySet<number> = new Set([Op.BR, Op.BR_IF, Op.BR_IFZ, Op.CALL]);

/** Why a program of `n` instructions cannot be laid out, or null. */
export function sizeProblem(n: number): string | null {
  if (n === 0) return 'the program has no instructions; it needs at least its entry';
  const max = Machine.MAX_INSTRUCTIONS;
  return n > max ? `${n} instructions; at most ${max} fit` : null;
}

/** The refusal of instruction `at`, whose opcode `op` the machine does not define. */
export const undefinedOpcode = (at: number, op: number): string =>
  `instruction ${at} has opcode ${op}, which the machine does not define ` +
  '(docs/machine.md, "Opcodes")';

/** Why the jump or call at `at` cannot go where it says in a program of `n`, or null. */
export function targetProblem(ins: Instruction, at: number, n: number): string | null {
  if (!JUMP_OPCODES.has(ins.op) || ins.target < n) return null;
  return `instruction ${at} (opcode ${ins.op}) targets ${ins.target}, past the last one ${n - 1}`;
}

/** Why the machine cannot start at `entry` in a program of `n` instructions, or null. */
export function entryProblem(entry: number, n: number): string | null {
  if (entry >= 0 && entry < n) return null;
  return `the entry ${entry} is past the last instruction ${n - 1}`;
}

/** Why a data image of `bytes` bytes does not fit memory, or null. */
export function dataProblem(bytes: number): string | null {
  const room = Machine.MEM_SIZE - Machine.DATA_BASE;
  if (bytes <= room) return null;
  return (
    `the data image of ${bytes} bytes does not fit memory: at most ${room} fit ` +
    `from address ${Machine.DATA_BASE} to the end of the ${Machine.MEM_SIZE}-byte memory`
  );
}

/** The first rule `program` breaks, in words, or null when it keeps them all. */
export function programProblem(program: TokenProgram): string | null {
  const list = program.instructions;
  const n = list.length;
  const whole = sizeProblem(n) ?? entryProblem(program.entry, n);
  if (whole !== null) return whole;
  for (let at = 0; at < n; at++) {
    const ins = list[at]!;
    if (!opName.has(ins.op)) return undefinedOpcode(at, ins.op);
    const target = targetProblem(ins, at, n);
    if (target !== null) return target;
  }
  return dataProblem(program.data.length);
}
