import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE, openDatabase } from './database.ts';
import { MIGRATIONS, SCHEMA_VERSION, currentVersion, migrate } from './migrations.ts';
import { ProgramStore } from './programs.ts';
import { type NewRun, RunStore } from './runs.ts';
import { ChunkBuffer, decodeChunk, encodeChunk, TRACE_FORMAT } from './trace-codec.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inweights-store-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const newRun = (over: Partial<NewRun> = {}): NewRun => ({
  kind: 'program',
  programId: null,
  programName: 'hello.c',
  source: 'int main(void){return 0;}',
  input: '',
  problem: null,
  engine: 'transformer',
  maxTokens: null,
  size: '0 B input',
  reexecutes: null,
  ...over,
});
const counters = (tokens: number) => ({
  tokens,
  steps: tokens / 2,
  tokensPerSecond: 1,
  elapsedMs: 5,
});

describe('migrations', () => {
  it('bring a new database to the current schema version and are idempotent', () => {
    const db = openDatabase(dir);
    expect(currentVersion(db)).toBe(SCHEMA_VERSION);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('roll back a failing migration together with its version bump', () => {
    const db = new Database(':memory:');
    const steps = ['CREATE TABLE a (x INTEGER)', 'CREATE TABLE b (y INTEGER); SELECT * FROM nope'];
    expect(() => migrate(db, steps)).toThrow(/nope/);
    expect(currentVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
  });

  it('give runs stored before the exit status column a null exit status', () => {
    const old = new Database(path.join(dir, DB_FILE));
    migrate(old, MIGRATIONS.slice(0, 1));
    const id = new RunStore(old).create(newRun());
    old.prepare("UPDATE runs SET status = 'finished', end_reason = 'halted'").run();
    old.close();

    const db = openDatabase(dir);
    expect(currentVersion(db)).toBe(SCHEMA_VERSION);
    expect(new RunStore(db).get(id)).toMatchObject({ end: 'halted', exitStatus: null });
    db.close();
  });

  it('refuse a database written by a newer app, naming both versions', () => {
    const db = new Database(':memory:');
    migrate(db, ['SELECT 1', 'SELECT 1']);
    expect(() => migrate(db, ['SELECT 1'])).toThrow(/version 2, newer than this app's 1/);
  });
});

describe('runs', () => {
  it('left running by a crash are marked interrupted on the next open, partial trace kept', () => {
    const db = openDatabase(dir);
    const runs = new RunStore(db);
    const id = runs.create(newRun());
    runs.appendProgress(id, [Int32Array.of(257, 1, 2, 3, 4)], 'hi', counters(5), [[5, 5]]);
    db.close(); // as if the process died: nothing else was written

    const again = new RunStore(openDatabase(dir));
    const run = again.get(id);
    expect(run.status).toBe('interrupted');
    expect(run.output).toBe('hi');
    expect(run.tokens).toBe(5);
    expect(Array.from(again.readTrace(id))).toEqual([257, 1, 2, 3, 4]);
  });

  it('store traces in chunks that read back token for token, in order', () => {
    const runs = new RunStore(openDatabase(dir));
    const id = runs.create(newRun());
    const all = Int32Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 3856);
    const buf = new ChunkBuffer(65536);
    const chunks = buf.push(all);
    chunks.push(buf.drain()!);
    runs.appendProgress(id, chunks.slice(0, 2), '', counters(131072), []);
    runs.appendProgress(id, chunks.slice(2), '', counters(200_000), []);
    expect(runs.readTrace(id)).toEqual(all);
  });

  it('that halted keep their exit status; runs that did not halt have none', () => {
    const runs = new RunStore(openDatabase(dir));
    const halted = runs.create(newRun());
    runs.finish(halted, {
      status: 'finished',
      counters: counters(8),
      end: 'halted',
      exitStatus: 3,
    });
    const cut = runs.create(newRun());
    runs.finish(cut, { status: 'finished', counters: counters(8), end: 'limit' });
    expect(runs.get(halted)).toMatchObject({ end: 'halted', exitStatus: 3 });
    expect(runs.get(cut)).toMatchObject({ end: 'limit', exitStatus: null });
  });

  it('finish with their status, counters and outcome; deleting drops the trace', () => {
    const db = openDatabase(dir);
    const runs = new RunStore(db);
    const id = runs.create(newRun({ kind: 'assignment', size: '2x2' }));
    runs.finish(id, { status: 'cancelled', counters: counters(10), end: 'cancelled' });
    expect(runs.get(id)).toMatchObject({ status: 'cancelled', tokens: 10, end: 'cancelled' });
    expect(runs.list().map((r) => r.id)).toEqual([id]);
    runs.delete(id);
    expect(db.prepare('SELECT COUNT(*) AS n FROM trace_chunks').get()).toEqual({ n: 0 });
  });
});

describe('trace chunks', () => {
  it('round-trip every token id of the vocabulary', () => {
    const ids = Int32Array.from({ length: 3856 }, (_, i) => i);
    expect(decodeChunk(TRACE_FORMAT, encodeChunk(ids), ids.length)).toEqual(ids);
  });

  it('of another format are refused with the version named', () => {
    expect(() => decodeChunk(99, encodeChunk(Int32Array.of(1)), 1)).toThrow(/format 99/);
  });
});

describe('programs', () => {
  it('seed examples read-only and keep user programs editable by unique name', () => {
    const ex = path.join(dir, 'examples');
    fs.mkdirSync(ex);
    fs.writeFileSync(path.join(ex, 'hello.c'), 'int main(void){return 0;}');
    const programs = new ProgramStore(openDatabase(path.join(dir, 'db')));
    expect(programs.seedExamples(ex)).toBe(1);
    const [hello] = programs.list();
    expect(hello).toMatchObject({ name: 'hello.c', example: true });
    expect(() => programs.delete(hello!.id)).toThrow(/read-only/);
    const mine = programs.save(null, 'mine.c', 'int main(void){return 1;}');
    expect(programs.rename(mine.id, 'ours.c').name).toBe('ours.c');
    expect(() => programs.save(null, 'ours.c', '')).toThrow(/already exists/);
  });
});
