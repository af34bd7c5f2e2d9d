// Routes one call from the renderer to the backend after validating its argument. The file
// dialogs (openFile, saveFile) belong to each host and are not dispatched here.

import { type CallName, validateCall } from '../shared/validate.ts';
import type { Backend } from './backend.ts';

export type BackendCall = Exclude<CallName, 'openFile' | 'saveFile'>;

export const isBackendCall = (name: string): name is BackendCall =>
  name !== 'openFile' && name !== 'saveFile' && name in CALLS;

const CALLS: { [N in BackendCall]: (b: Backend, arg: never) => unknown } = {
  listPrograms: (b) => b.listPrograms(),
  getProgram: (b, id: number) => b.getProgram(id),
  saveProgram: (b, r: Parameters<Backend['saveProgram']>[0]) => b.saveProgram(r),
  renameProgram: (b, r: Parameters<Backend['renameProgram']>[0]) => b.renameProgram(r),
  deleteProgram: (b, id: number) => b.deleteProgram(id),
  compile: (b, source: string) => b.compile(source),
  parseProblem: (b, r: Parameters<Backend['parseProblem']>[0]) => b.parseProblem(r),
  startRun: (b, r: Parameters<Backend['startRun']>[0]) => b.startRun(r),
  solve: (b, r: Parameters<Backend['solve']>[0]) => b.solve(r),
  cancelRun: (b, id: number) => b.cancelRun(id),
  reexecuteRun: (b, id: number) => b.reexecuteRun(id),
  listRuns: (b) => b.listRuns(),
  getRun: (b, id: number) => b.getRun(id),
  getTrace: (b, id: number) => b.getTrace(id),
  deleteRun: (b, id: number) => b.deleteRun(id),
  modelInfo: (b) => b.modelInfo(),
  engineStatus: (b) => b.engineStatus(),
};

/** Validates and performs a call; throws InvalidCallError or the backend's error. */
export async function dispatch(
  backend: Backend,
  method: BackendCall,
  arg: unknown,
): Promise<unknown> {
  const valid = validateCall(method, arg);
  return (CALLS[method] as (b: Backend, a: unknown) => unknown)(backend, valid);
}
