// Opcode numbers of the register machine (docs/machine.md). The compiler emits them, the
// reference interpreter and the machine graph give them meaning; this file only names them.

export const Op = {
  MOV: 1,
  ADD: 2,
  SUB: 3,
  MUL: 4,
  DIV_S: 5,
  DIV_U: 6,
  REM_S: 7,
  REM_U: 8,
  AND: 9,
  OR: 10,
  XOR: 11,
  SHL: 12,
  SHR_S: 13,
  SHR_U: 14,
  ROTL: 15,
  ROTR: 16,
  CLZ: 17,
  CTZ: 18,
  POPCNT: 19,
  EQZ: 20,
  EQ: 21,
  NE: 22,
  LT_S: 23,
  LT_U: 24,
  LE_S: 25,
  LE_U: 26,
  EXTEND8_S: 27,
  EXTEND16_S: 28,
  SELECT: 29,
  LOAD8_S: 30,
  LOAD8_U: 31,
  LOAD16_S: 32,
  LOAD16_U: 33,
  LOAD32: 34,
  GETCHAR: 35,
  STORE8: 40,
  STORE16: 41,
  STORE32: 42,
  BR: 50,
  BR_IF: 51,
  BR_IFZ: 52,
  BR_TABLE: 53,
  CALL: 54,
  RET: 55,
  OUT: 56,
  HALT: 57,
  UNREACHABLE: 58,
  EXIT: 59,
} as const;

export type OpName = keyof typeof Op;
export type Opcode = (typeof Op)[OpName];

export const opName: ReadonlyMap<number, OpName> = new Map(
  (Object.entries(Op) as [OpName, number][]).map(([name, code]) => [code, name]),
);

/** Opcodes whose step is a register write (`W` + 4 bytes). */
export const writesRegister = (op: number): boolean => op >= Op.MOV && op <= Op.GETCHAR;

/** Opcodes whose step is a store (`S` + 1, 2 or 4 bytes). */
export const isStore = (op: number): boolean => op >= Op.STORE8 && op <= Op.STORE32;

/** Bytes accessed by a load or store opcode. */
export function accessSize(op: number): 1 | 2 | 4 {
  switch (op) {
    case Op.LOAD8_S:
    case Op.LOAD8_U:
    case Op.STORE8:
      return 1;
    case Op.LOAD16_S:
    case Op.LOAD16_U:
    case Op.STORE16:
      return 2;
    default:
      return 4;
  }
}

/** Operand flag bits (instruction field 1). */
export const Flag = {
  A_IMM: 1,
  B_IMM: 2,
  A_GLOBAL: 4,
  B_GLOBAL: 8,
  C_GLOBAL: 16,
  DST_GLOBAL: 32,
  DST_CALLEE: 64,
} as const;

/** Machine constants shared by the compiler, the reference and the machine graph. */
export const Machine = {
  MEM_SIZE: 2 * 1024 * 1024,
  DATA_BASE: 1024,
  REGS_PER_FRAME: 256,
  MAX_DEPTH: 65535,
  MAX_INSTRUCTIONS: 65536,
  RV: 255,
  FIELDS: 12,
} as const;
