// Token ids of the vocabulary (docs/machine.md): byte tokens, step tokens, prompt markers and
// the prompt-only field, data and input tokens. Names are for display and the model config.

export const BYTE0 = 0;
export const Tok = {
  W: 256,
  S: 257,
  N: 258,
  J: 259,
  C: 260,
  R: 261,
  O: 262,
  H: 263,
  T_DIV0: 264,
  T_OVF: 265,
  T_OOB: 266,
  T_UNREACH: 267,
  T_STACK: 268,
  // the exit status step came after the others: ids of generated tokens stay what they were
  X: 269,
  BOS: 270,
  DATA: 271,
  INPUT: 272,
} as const;

export const FIELD0 = 273;
export const DATA0 = FIELD0 + 12 * 256;
export const INPUT0 = DATA0 + 256;
export const VOCAB_SIZE = INPUT0 + 256;

/** Whether a token id is a generated step token (W … T_STACK, X), not a byte or a prompt token. */
export const isStepToken = (id: number): boolean => id >= Tok.W && id <= Tok.X;

export const fieldToken = (field: number, value: number): number => FIELD0 + 256 * field + value;
export const dataToken = (byte: number): number => DATA0 + byte;
export const inputToken = (byte: number): number => INPUT0 + byte;

export const TRAP_MESSAGES: ReadonlyMap<number, string> = new Map([
  [Tok.T_DIV0, 'integer divide by zero'],
  [Tok.T_OVF, 'integer overflow'],
  [Tok.T_OOB, 'out of bounds memory access'],
  [Tok.T_UNREACH, 'unreachable executed'],
  [Tok.T_STACK, 'call stack exhausted'],
]);

const hex = (v: number): string => v.toString(16).padStart(2, '0');
const tokName = new Map<number, string>(Object.entries(Tok).map(([name, id]) => [id, name]));

/** Display name of a token id, e.g. `b2a`, `W`, `F3:17`, `I:0a`. */
export function tokenName(id: number): string {
  if (id < 256) return 'b' + hex(id);
  const named = tokName.get(id);
  if (named !== undefined) return named;
  if (id < DATA0) return `F${Math.floor((id - FIELD0) / 256)}:${(id - FIELD0) % 256}`;
  if (id < INPUT0) return 'M:' + hex(id - DATA0);
  if (id < VOCAB_SIZE) return 'I:' + hex(id - INPUT0);
  throw new RangeError(`token id ${id} is outside the vocabulary (0..${VOCAB_SIZE - 1})`);
}

/** All token names in id order, as stored in the model config. */
export const vocabulary = (): string[] =>
  Array.from({ length: VOCAB_SIZE }, (_, id) => tokenName(id));
