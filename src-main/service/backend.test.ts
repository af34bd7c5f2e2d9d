import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, RunRecord } from '../shared/api.ts';
import type { Logger } from '../shared/logger.ts';
import { spawnForkedHost } from '../host/spawn-fork.ts';
import type { Backend } from './backend.ts';
import { openBackend } from './open.ts';

const FIXTURE = path.join(import.meta.dirname, '../host/fixtures/ticking-host.ts');
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
let dir: string;
let backend: Backend;
let ended: RunRecord[];
let streamed: number[]; // token ids of every progress event, in order

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inweights-backend-'));
  backend = openBackend({
    dataDir: dir,
    examplesDir: dir,
    spawnHost: () => spawnForkedHost(FIXTURE),
    log: quiet,
  }).backend;
  ended = [];
  streamed = [];
  backend.onEvent((e: AppEvent) => {
    if (e.type === 'run-ended') ended.push(e.run);
    if (e.type === 'progress') streamed.push(...e.tokens);
  });
});
afterEach(() => {
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const until = async (ok: () => boolean, ms = 15_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};
const endOf = (runId: number) => ended.find((r) => r.id === runId);
const start = (maxTokens: number | null) =>
  backend.startRun({
    programId: null,
    programName: 'a.c',
    source: 'int main(void){return 0;}',
    input: '',
    engine: 'transformer',
    maxTokens,
  }).runId;

describe('Backend', () => {
  it('streams progress and stores the run with its trace, output and exit status', async () => {
    const runId = start(30);
    await until(() => endOf(runId) !== undefined);
    const run = backend.getRun(runId);
    const stored = { status: 'finished', tokens: 30, output: 'x'.repeat(30), exitStatus: 30 };
    expect(run).toMatchObject(stored);
    expect(endOf(runId)).toMatchObject(stored);
    const expected = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(Array.from(backend.getTrace(runId))).toEqual(expected);
    expect(streamed).toEqual(expected);
  });

  it('saves a cancelled run as cancelled, keeping what it streamed', async () => {
    const runId = start(null);
    await until(() => backend.engineStatus().state === 'ready');
    await new Promise((r) => setTimeout(r, 100));
    backend.cancelRun(runId);
    await until(() => endOf(runId) !== undefined);
    expect(backend.getRun(runId)).toMatchObject({ status: 'cancelled', exitStatus: null });
  });

  it('marks a run failed when the engine dies, restarts it, and runs the next', async () => {
    const runId = start(null);
    await until(() => backend.engineStatus().state === 'ready');
    await new Promise((r) => setTimeout(r, 100));
    process.kill(backend.engineStatus().pid!, 'SIGKILL');
    await until(() => endOf(runId) !== undefined);
    expect(backend.getRun(runId)).toMatchObject({ status: 'failed' });
    expect(backend.getRun(runId).error).toMatch(/engine process exited/);
    const next = start(5);
    await until(() => endOf(next) !== undefined);
    expect(backend.getRun(next).status).toBe('finished');
    expect(backend.engineStatus().restarts).toBe(1);
  });

  it('re-executes a run and reports that the trace was reproduced token for token', async () => {
    const first = start(20);
    await until(() => endOf(first) !== undefined);
    const again = backend.reexecuteRun(first).runId;
    await until(() => endOf(again) !== undefined);
    expect(backend.getRun(again).reproduction).toEqual({
      ofRunId: first,
      basis: 'trace',
      match: true,
      compared: 20,
      firstDifference: null,
    });
  });
});
