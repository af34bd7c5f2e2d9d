// The engine host's only contact with src-engine: compiles, runs and solves through the
// pipeline's public functions and turns their results into the host protocol's plain data.
// Loaded with a dynamic import, so a host whose engine is missing still starts and says why.

import {
  CompileError,
  compileProgram,
  modelInfo as pipelineModelInfo,
  runProgram,
} from '../../src-engine/pipeline.ts';
import { parseProblem, solveAssignment } from '../../src-engine/assignment/solve.ts';
import { problemFromRows } from '../../src-engine/assignment/read.ts';
import { problemRows } from '../../src-engine/assignment/problem.ts';
import type { CompiledProgram } from '../../src-engine/api.ts';
import type {
  AssignmentProblem,
  CompileReport,
  Counters,
  ModelInfo,
  ProblemFormat,
  RunEngine,
} from '../shared/api.ts';
import type { RunFinal } from './protocol.ts';

export interface Progress {
  tokens: Int32Array;
  output: string;
  counters: Counters;
}

export interface RunArgs {
  engine: RunEngine;
  maxTokens: number | null;
  signal: AbortSignal;
  onProgress: (p: Progress) => void;
}

const cache = new Map<string, CompiledProgram>(); // by C source; a few recent programs

async function compiled(source: string): Promise<CompiledProgram> {
  const hit = cache.get(source);
  if (hit) return hit;
  const program = await compileProgram(source);
  if (cache.size >= 8) cache.delete(cache.keys().next().value!);
  cache.set(source, program);
  return program;
}

export async function compile(source: string): Promise<CompileReport> {
  try {
    const program = await compiled(source);
    return { ok: true, diagnostics: [], instructions: program.program.instructions.length };
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    return {
      ok: false,
      diagnostics: e.diagnostics.map(({ line, column, severity, message }) => ({
        line,
        column,
        severity,
        message,
      })),
    };
  }
}

/** Wraps the engine's progress callback: bytes of output become text, counters a record. */
function progressAdapter(onProgress: (p: Progress) => void) {
  const decoder = new TextDecoder();
  return (p: {
    batch: Int32Array;
    output: Uint8Array;
    tokens: number;
    steps: number;
    tokensPerSecond: number;
    elapsedMs: number;
  }): void =>
    onProgress({
      tokens: p.batch,
      output: decoder.decode(p.output, { stream: true }),
      counters: {
        tokens: p.tokens,
        steps: p.steps,
        tokensPerSecond: p.tokensPerSecond,
        elapsedMs: p.elapsedMs,
      },
    });
}

export async function run(source: string, input: string, a: RunArgs): Promise<RunFinal> {
  const program = await compiled(source);
  const r = await runProgram(program, {
    input: new TextEncoder().encode(input),
    engine: a.engine,
    ...(a.maxTokens !== null ? { maxTokens: a.maxTokens } : {}),
    signal: a.signal,
    onProgress: progressAdapter(a.onProgress),
  });
  return {
    counters: {
      tokens: r.tokens,
      steps: r.steps,
      tokensPerSecond: r.tokensPerSecond ?? r.tokens / Math.max(r.seconds, 1e-9),
      elapsedMs: r.seconds * 1000,
    },
    output: new TextDecoder().decode(r.output),
    cancelled: r.end === 'cancelled',
    end: r.end,
    trap: r.trap,
    exitStatus: r.exitStatus,
    outcome: null,
  };
}

export async function solve(problem: AssignmentProblem, a: RunArgs): Promise<RunFinal> {
  const parsed = problemFromRows(problem.costs, { maximize: problem.sense === 'max' });
  const r = await solveAssignment(parsed, {
    engine: a.engine,
    signal: a.signal,
    onProgress: progressAdapter(a.onProgress),
    ...(a.maxTokens !== null ? { maxTokens: a.maxTokens } : {}),
  });
  const cancelled = r.end === 'cancelled';
  return {
    counters: {
      tokens: r.tokens,
      steps: r.steps,
      tokensPerSecond: r.tokens / Math.max(r.seconds, 1e-9),
      elapsedMs: r.seconds * 1000,
    },
    output: r.output,
    cancelled,
    end: r.end,
    trap: r.trap,
    exitStatus: r.exitStatus,
    outcome: {
      n: r.n,
      m: r.m,
      cost: r.cost,
      assignment: r.assignment,
      feasible: r.feasible,
      verified: r.verified,
      verdict: r.verdict.message,
    },
  };
}

export function parse(text: string, format: ProblemFormat): AssignmentProblem {
  // a JSON file may ask to maximise ("sense": "max"); the grid then shows that sense
  const problem = parseProblem(text, format);
  return { costs: problemRows(problem), sense: problem.sense };
}

export function modelInfo(): ModelInfo {
  const m = pipelineModelInfo();
  return {
    layers: m.layers,
    width: m.dModel,
    heads: m.heads,
    ffnWidth: m.maxFfnWidth,
    vocabulary: m.vocabulary,
    parameters: m.parameters,
    denseParameters: m.denseParameters,
  };
}
