// Reads a generated trace: splits it into steps, collects the program's output and notices
// how the run ended. It works on token ids alone and knows nothing about the program, so the
// engine, the reference and the app can all use it on a stream.

import { TRAP_MESSAGES, Tok } from '../program/vocab.ts';

export type TraceEnd = 'running' | 'halted' | 'trap';

export class TraceDecoder {
  /** step tokens seen (one per executed instruction) */
  steps = 0;
  tokens = 0;
  end: TraceEnd = 'running';
  trapToken = 0;
  /** the payload of the latest X step: the status the program exited with (mod 256) */
  exitStatus: number | null = null;
  private out: number[] = [];
  private stepToken = -1;

  /** Feeds generated tokens; returns the output bytes they produced. */
  push(tokens: ArrayLike<number>): number[] {
    const produced: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      this.tokens++;
      if (t < 256) {
        if (this.stepToken === Tok.O) produced.push(t);
        else if (this.stepToken === Tok.X) this.exitStatus = t;
        continue;
      }
      this.steps++;
      this.stepToken = t;
      if (t === Tok.H) this.end = 'halted';
      else if (TRAP_MESSAGES.has(t)) {
        this.end = 'trap';
        this.trapToken = t;
      }
    }
    for (const b of produced) this.out.push(b);
    return produced;
  }

  get output(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  get trap(): string | null {
    return this.end === 'trap' ? (TRAP_MESSAGES.get(this.trapToken) ?? 'trap') : null;
  }
}

/** Token ids that end a trace: halt and every trap. */
export const STOP_TOKENS: readonly number[] = [Tok.H, ...TRAP_MESSAGES.keys()];
