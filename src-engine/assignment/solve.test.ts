// What solveAssignment reports when the run ends before the program prints its answer: no
// verdict on feasibility (null, not false: false means no assignment exists), and a message
// saying why the run stopped. The reference interpreter keeps these runs short and cheap.
import { describe, expect, it } from 'vitest';
import type { CompiledProgram, RunEnd } from '../api.ts';
import type { ProgramRunner } from './hungarian-program.ts';
import { readProblem } from './read.ts';
import { solveAssignment } from './solve.ts';
import { caseText } from './test-cases.ts';

describe('a run that ends before the answer', () => {
  it('reports feasible null, not false, when cut short by the token limit', async () => {
    const problem = readProblem(caseText('blog10.txt'));
    const result = await solveAssignment(problem, { engine: 'reference', maxTokens: 5000 });
    expect(result).toMatchObject({ end: 'limit', feasible: null, cost: null, verified: false });
    expect(result.verdict.status).toBe('incomplete');
    expect(result.verdict.message).toBe(
      'the run stopped at the token limit (5,000 tokens) before the program printed its answer',
    );
  });

  it('says why other runs stopped: cancelled, or trapped with the trap named', async () => {
    const problem = readProblem('1 2\n3 4');
    for (const [end, trap, why] of [
      ['cancelled', null, 'was cancelled'],
      ['trap', 'out-of-bounds memory access', 'trapped (out-of-bounds memory access)'],
    ] as const) {
      const result = await solveAssignment(problem, { runner: stoppedRunner(end, trap) });
      expect(result).toMatchObject({ end, feasible: null, cost: null, verified: false });
      expect(result.verdict.message).toBe(`the run ${why} before the program printed its answer`);
    }
  });
});

/** A runner whose run ends at once with `end`, before any output. */
function stoppedRunner(end: RunEnd, trap: string | null): ProgramRunner {
  const empty = { instructions: [], data: new Uint8Array(), functions: [], entry: 0 };
  const program: CompiledProgram = {
    source: '',
    wasm: new Uint8Array(),
    program: { format: 'inweights-program', version: 1, ...empty },
  };
  return {
    compile: () => Promise.resolve(program),
    run: () =>
      Promise.resolve({
        engine: 'reference',
        output: new Uint8Array(),
        tokens: 10,
        steps: 3,
        halted: false,
        exitStatus: null,
        trap,
        end,
        seconds: 0.01,
      }),
  };
}
