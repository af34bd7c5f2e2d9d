// Schemas for every call the renderer can make, checked where the call arrives (Electron's
// ipcMain, the web server) before anything acts on it. The renderer is not trusted: a message
// that does not match is refused with a message naming the call and the field.

import { z } from 'zod';
import { MAX_SIDE } from '../../src-engine/assignment/problem.ts';
import { MAX_LABEL, MAX_MATRIX_TEXT, MAX_NAME, MAX_SOURCE } from './limits.ts';

const id = z.number().int().positive();
const engine = z.enum(['transformer', 'native']);
const maxTokens = z
  .number()
  .int()
  .positive()
  .max(2 ** 31)
  .nullable();
const name = z.string().trim().min(1, 'a name is required').max(MAX_NAME);
const source = z.string().max(MAX_SOURCE);

/** Refused before a run is created: the solver's own limit (hungarian.c's memory). */
const sideLimit = (what: string): string =>
  `more than ${MAX_SIDE} ${what}: the solver handles at most ${MAX_SIDE} rows and columns`;

const problem = z.object({
  costs: z
    .array(z.array(z.number().finite().nullable()).min(1).max(MAX_SIDE, sideLimit('columns')))
    .min(1)
    .max(MAX_SIDE, sideLimit('rows')),
  sense: z.enum(['min', 'max']),
  rowNames: z.array(z.string().max(MAX_LABEL)).optional(),
  colNames: z.array(z.string().max(MAX_LABEL)).optional(),
});

const filters = z.array(z.object({ name: z.string(), extensions: z.array(z.string()) }));

/** The argument schema of each call, by method name; `z.undefined()` for none. */
export const callSchemas = {
  listPrograms: z.undefined(),
  getProgram: id,
  saveProgram: z.object({ id: id.nullable(), name, source }),
  renameProgram: z.object({ id, name }),
  deleteProgram: id,
  compile: source,
  parseProblem: z.object({
    text: z.string().max(MAX_MATRIX_TEXT),
    format: z.enum(['auto', 'csv', 'orlib', 'json']),
  }),
  startRun: z.object({
    programId: id.nullable(),
    programName: name,
    source,
    input: source,
    engine,
    maxTokens,
  }),
  solve: z.object({ problem, engine, maxTokens }),
  cancelRun: id,
  reexecuteRun: id,
  listRuns: z.undefined(),
  getRun: id,
  getTrace: id,
  deleteRun: id,
  modelInfo: z.undefined(),
  engineStatus: z.undefined(),
  openFile: z.object({ filters }),
  saveFile: z.object({ name: z.string().min(1).max(255), text: z.string(), filters }),
} as const;

export type CallName = keyof typeof callSchemas;

export const isCallName = (s: string): s is CallName => Object.hasOwn(callSchemas, s);

export class InvalidCallError extends Error {
  readonly code = 'INVALID_CALL';
}

/** Checks a call's argument; throws InvalidCallError naming the call and the bad field. */
export function validateCall<N extends CallName>(
  method: N,
  arg: unknown,
): z.infer<(typeof callSchemas)[N]> {
  const parsed = callSchemas[method].safeParse(arg);
  if (parsed.success) return parsed.data as z.infer<(typeof callSchemas)[N]>;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  throw new InvalidCallError(`${method}: invalid argument${where}: ${issue?.message ?? '?'}`);
}
