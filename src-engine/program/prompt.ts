// Lays out the prompt: the token program, its data image, the input, and the boot record that
// sends the machine to main's entry at depth 1 (docs/machine.md, "Prompt").

import type { TokenProgram } from './instruction.ts';
import { fieldBytes } from './instruction.ts';
import { Tok, dataToken, fieldToken, inputToken } from './vocab.ts';

export interface PromptLayout {
  tokens: Int32Array;
  /** position of the DATA marker */
  dataMarker: number;
  /** position of the INPUT marker */
  inputMarker: number;
}

export function buildPrompt(program: TokenProgram, input: Uint8Array): PromptLayout {
  const n = program.instructions.length;
  const length = 1 + 12 * n + 1 + program.data.length + 1 + input.length + 5;
  const tokens = new Int32Array(length);
  let p = 0;
  tokens[p++] = Tok.BOS;
  for (const ins of program.instructions) {
    fieldBytes(ins).forEach((v, f) => (tokens[p++] = fieldToken(f, v)));
  }
  const dataMarker = p;
  tokens[p++] = Tok.DATA;
  for (const byte of program.data) tokens[p++] = dataToken(byte);
  const inputMarker = p;
  tokens[p++] = Tok.INPUT;
  for (const byte of input) tokens[p++] = inputToken(byte);
  tokens[p++] = Tok.R;
  tokens[p++] = program.entry & 255;
  tokens[p++] = program.entry >>> 8;
  tokens[p++] = 1;
  tokens[p++] = 0;
  return { tokens, dataMarker, inputMarker };
}
