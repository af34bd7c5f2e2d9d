// Runs a token program through anything that maps a token to the next one (the graph
// evaluator, the transformer) and compares the generated trace with the reference's.

import type { TokenProgram } from '../program/instruction.ts';
import { buildPrompt } from '../program/prompt.ts';
import { tokenName } from '../program/vocab.ts';
import { runReference } from '../reference/interpreter.ts';
import { STOP_TOKENS } from '../trace/decode.ts';

export interface NextToken {
  /** feeds a token, returns the argmax at its position */
  push(token: number): number;
  /** feeds a whole prompt, returns the argmax after its last token (default: push each) */
  prefill?(tokens: Int32Array): number;
}

export interface TraceComparison {
  /** tokens that matched */
  matched: number;
  expected: number;
  /** '' when the traces agree, else where and how they differ */
  mismatch: string;
}

/** Generates until the reference trace ends and reports the first difference. */
export function compareWithReference(
  machine: NextToken,
  program: TokenProgram,
  input: Uint8Array = new Uint8Array(),
  maxTokens = 200_000,
): TraceComparison {
  const ref = runReference(program, input, { keepTrace: true, maxTokens });
  if (ref.end === 'limit') throw new Error(`the reference did not finish in ${maxTokens} tokens`);
  const trace = ref.trace!;
  const prompt = buildPrompt(program, input).tokens;
  let next = 0;
  if (machine.prefill) next = machine.prefill(prompt);
  else for (const t of prompt) next = machine.push(t);
  for (let i = 0; i < trace.length; i++) {
    if (next !== trace[i]) {
      const ctx = Array.from(trace.subarray(Math.max(0, i - 10), i), tokenName).join(' ');
      const mismatch = `token ${i}: expected ${tokenName(trace[i]!)}, got ${tokenName(next)} after ${ctx}`;
      return { matched: i, expected: trace.length, mismatch };
    }
    if (!STOP_TOKENS.includes(next)) next = machine.push(next);
  }
  return { matched: trace.length, expected: trace.length, mismatch: '' };
}
