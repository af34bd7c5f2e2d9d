// Solving an assignment problem with hungarian.c on any engine: write the program's input,
// run the compiled program, read the matching back from the output the engine generated,
// and check it with the independent solver. Costs come back in the input's own units.
import type { AttentionName, EngineName, RunEnd, RunOptions } from '../api.ts';
import { compileProgram, DEFAULT_MAX_TOKENS, runProgram } from '../pipeline.ts';
import { compiledHungarian, type ProgramRunner } from './hungarian-program.ts';
import { inputUnits, type AssignmentProblem } from './problem.ts';
import { programInput, readProgramOutput, type ProgramAnswer } from './program-io.ts';
import { readProblem, type FormatChoice, type ReadOptions } from './read.ts';
import { verdict, verifyAnswer, type Verdict } from './verify.ts';

export interface SolveOptions {
  /** default 'native' */
  engine?: EngineName;
  attention?: AttentionName;
  maxTokens?: number;
  signal?: AbortSignal;
  onProgress?: RunOptions['onProgress'];
  /** compiles and runs the program; default: the pipeline */
  runner?: ProgramRunner;
}

export interface AssignmentResult {
  /** rows and columns of the problem as given */
  n: number;
  m: number;
  /** total cost in the input's units; null if infeasible or the run did not finish */
  cost: number | null;
  /** column of each row (0-based), -1 where the row is unassigned */
  assignment: number[];
  /** whether an assignment avoids the forbidden pairs; null when the run did not finish */
  feasible: boolean | null;
  /** the independent check confirmed the answer (optimal, or truly infeasible) */
  verified: boolean;
  verdict: Verdict;
  /** generated tokens and machine steps of the run, and its wall time */
  tokens: number;
  steps: number;
  seconds: number;
  engine: EngineName;
  /** how the run ended, and its trap if any */
  end: RunEnd;
  trap: string | null;
  /** hungarian.c's exit status when it halted (1: it could not read its input); else null */
  exitStatus: number | null;
  /** everything the program printed */
  output: string;
  /** transformer runs only: the attention back-end and the smallest decision margin */
  attention?: AttentionName;
  minMargin?: number;
  marginOk?: boolean;
}

export const pipelineRunner: ProgramRunner = {
  compile: (source) => compileProgram(source, 'hungarian.c'),
  run: runProgram,
};

/** Solves `problem` by running hungarian.c on the chosen engine, then checks the answer. */
export async function solveAssignment(
  problem: AssignmentProblem,
  options: SolveOptions = {},
): Promise<AssignmentResult> {
  const runner = options.runner ?? pipelineRunner;
  const program = await compiledHungarian(runner);
  const run = await runner.run(program, {
    input: new TextEncoder().encode(programInput(problem)),
    engine: options.engine ?? 'native',
    ...(options.attention && { attention: options.attention }),
    ...(options.maxTokens !== undefined && { maxTokens: options.maxTokens }),
    ...(options.signal && { signal: options.signal }),
    ...(options.onProgress && { onProgress: options.onProgress }),
  });
  const output = new TextDecoder().decode(run.output);
  const finished = run.end === 'halted';
  const answer = finished ? readProgramOutput(output, problem) : unfinished(problem);
  const limit = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const checked = finished
    ? verifyAnswer(problem, answer)
    : stopped(run.end, run.trap, run.engine === 'native' ? null : limit);
  return {
    n: problem.rows,
    m: problem.columns,
    cost: answer.total === null ? null : inputUnits(problem, answer.total),
    assignment: answer.assignment,
    feasible: finished ? answer.feasible : null,
    verified: checked.verified,
    verdict: checked,
    tokens: run.tokens,
    steps: run.steps,
    seconds: run.seconds,
    engine: run.engine,
    end: run.end,
    trap: run.trap,
    exitStatus: run.exitStatus,
    output,
    ...(run.attention !== undefined && { attention: run.attention }),
    ...(run.minMargin !== undefined && { minMargin: run.minMargin }),
    ...(run.marginOk !== undefined && { marginOk: run.marginOk }),
  };
}

function unfinished(problem: AssignmentProblem): ProgramAnswer {
  return { feasible: false, assignment: new Array<number>(problem.rows).fill(-1), total: null };
}

/**
 * The verdict on a run that ended before the answer, saying why it ended. `limit` is the token
 * limit, or null for the native engine, whose limit is on its output.
 */
function stopped(end: RunEnd, trap: string | null, limit: number | null): Verdict {
  const why: Record<RunEnd, string> = {
    limit:
      limit === null
        ? 'stopped at the output limit'
        : `stopped at the token limit (${limit.toLocaleString('en-US')} tokens)`,
    cancelled: 'was cancelled',
    trap: `trapped (${trap ?? 'unknown trap'})`,
    halted: 'halted',
  };
  const message = `the run ${why[end]} before the program printed its answer`;
  return verdict('incomplete', message, null);
}

/** Reads a problem from text: `format` 'auto' detects JSON, OR-Library or delimited rows. */
export function parseProblem(
  text: string,
  format: FormatChoice = 'auto',
  options: Omit<ReadOptions, 'format'> = {},
): AssignmentProblem {
  return readProblem(text, { ...options, format });
}
