// The InweightsApi methods that are plain calls (one argument in, one answer back), written
// once for both hosts: the desktop preload forwards them over IPC, the web client over HTTP.
// Each host passes its own transport and adds what is not a call (`onEvent`) or what it
// answers itself (the web client's trace download and file dialogs).

import type { InweightsApi } from './api.ts';

export type CallMethod = Exclude<keyof InweightsApi, 'onEvent'>;

/** Sends one call and resolves to its answer (the answer's type comes from InweightsApi). */
export type Transport = <T>(method: CallMethod, arg?: unknown) => Promise<T>;

/** Every plain method of InweightsApi, each forwarded through `call`. */
export function forwardCalls(call: Transport): Omit<InweightsApi, 'onEvent'> {
  return {
    listPrograms: () => call('listPrograms'),
    getProgram: (id) => call('getProgram', id),
    saveProgram: (r) => call('saveProgram', r),
    renameProgram: (r) => call('renameProgram', r),
    deleteProgram: (id) => call('deleteProgram', id),
    compile: (source) => call('compile', source),
    parseProblem: (r) => call('parseProblem', r),
    startRun: (r) => call('startRun', r),
    solve: (r) => call('solve', r),
    cancelRun: (id) => call('cancelRun', id),
    reexecuteRun: (id) => call('reexecuteRun', id),
    listRuns: () => call('listRuns'),
    getRun: (id) => call('getRun', id),
    getTrace: (id) => call('getTrace', id),
    deleteRun: (id) => call('deleteRun', id),
    modelInfo: () => call('modelInfo'),
    engineStatus: () => call('engineStatus'),
    openFile: (r) => call('openFile', r),
    saveFile: (r) => call('saveFile', r),
  };
}
