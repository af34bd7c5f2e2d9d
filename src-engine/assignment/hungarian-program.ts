// hungarian.c as a runnable program: its source from resources/programs and its compiled form,
// compiled once per runner and process (clang takes seconds to load). How to compile and run
// is the pipeline's business; a runner is passed in so tests and hosts can supply their own.
import { readFileSync } from 'node:fs';
import { resourcePath } from '../resources.ts';
import type { CompiledProgram, RunOptions, RunResult } from '../api.ts';

/** The two pipeline functions the assignment layer needs. */
export interface ProgramRunner {
  compile(source: string): Promise<CompiledProgram>;
  run(program: CompiledProgram, options: RunOptions): Promise<RunResult>;
}

const sourcePath = resourcePath('programs', 'hungarian.c');

/** The C source of the solver. */
export function hungarianSource(): string {
  return readFileSync(sourcePath, 'utf8');
}

const compiled = new WeakMap<ProgramRunner, Promise<CompiledProgram>>();

/** hungarian.c compiled by `runner`, shared by every solve that uses the same runner. */
export function compiledHungarian(runner: ProgramRunner): Promise<CompiledProgram> {
  let program = compiled.get(runner);
  if (program === undefined) {
    program = runner.compile(hungarianSource());
    compiled.set(runner, program);
    program.catch(() => compiled.delete(runner));
  }
  return program;
}
