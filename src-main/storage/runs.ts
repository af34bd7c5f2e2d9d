// Runs and their traces. A run row is created before the engine starts; progress (new trace
// chunks, output, counters) is appended in one transaction per flush, so the row and its chunks
// always agree, and a crash leaves a readable partial run.

import type Database from 'better-sqlite3';
import type {
  AssignmentOutcome,
  AssignmentProblem,
  Counters,
  Reproduction,
  RunEngine,
  RunKind,
  RunRecord,
  RunStatus,
  RunSummary,
} from '../shared/api.ts';
import { TRACE_FORMAT, decodeChunk, encodeChunk } from './trace-codec.ts';

export interface NewRun {
  kind: RunKind;
  programId: number | null;
  programName: string;
  source: string;
  input: string;
  problem: AssignmentProblem | null;
  engine: RunEngine;
  maxTokens: number | null;
  size: string;
  reexecutes: number | null;
}

export interface RunEnding {
  status: Exclude<RunStatus, 'running'>;
  counters: Counters;
  output?: string;
  outcome?: AssignmentOutcome | null;
  end?: string | null;
  trap?: string | null;
  /** main's result or exit's argument, mod 256, when the program halted */
  exitStatus?: number | null;
  error?: string | null;
}

interface Row {
  id: number;
  kind: RunKind;
  program_id: number | null;
  program_name: string;
  source: string;
  input: string;
  problem: string | null;
  engine: RunEngine;
  max_tokens: number | null;
  status: RunStatus;
  size: string;
  tokens: number;
  steps: number;
  elapsed_ms: number;
  output: string;
  outcome: string | null;
  end_reason: string | null;
  trap: string | null;
  exit_status: number | null;
  error: string | null;
  reproduction: string | null;
  reexecutes: number | null;
  samples: string;
  started_at: number;
  finished_at: number | null;
}

const SUMMARY_COLUMNS = `id, kind, program_name, engine, status, size, tokens, steps,
  elapsed_ms, started_at, finished_at`;

const parse = <T>(s: string | null): T | null => (s === null ? null : (JSON.parse(s) as T));

function toSummary(r: Row): RunSummary {
  return {
    id: r.id,
    kind: r.kind,
    programName: r.program_name,
    engine: r.engine,
    status: r.status,
    size: r.size,
    tokens: r.tokens,
    steps: r.steps,
    elapsedMs: r.elapsed_ms,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}

function toRecord(r: Row): RunRecord {
  return {
    ...toSummary(r),
    programId: r.program_id,
    source: r.source,
    input: r.input,
    problem: parse<AssignmentProblem>(r.problem),
    maxTokens: r.max_tokens,
    output: r.output,
    outcome: parse<AssignmentOutcome>(r.outcome),
    end: r.end_reason,
    trap: r.trap,
    exitStatus: r.exit_status,
    error: r.error,
    reproduction: parse<Reproduction>(r.reproduction),
    samples: parse<[number, number][]>(r.samples) ?? [],
  };
}

export class RunStore {
  constructor(private readonly db: Database.Database) {}

  create(run: NewRun): number {
    const info = this.db
      .prepare(
        `INSERT INTO runs (kind, program_id, program_name, source, input, problem, engine,
           max_tokens, status, size, reexecutes, started_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)`,
      )
      .run(
        run.kind,
        run.programId,
        run.programName,
        run.source,
        run.input,
        run.problem === null ? null : JSON.stringify(run.problem),
        run.engine,
        run.maxTokens,
        run.size,
        run.reexecutes,
        Date.now(),
      );
    return Number(info.lastInsertRowid);
  }

  /** Stores new trace chunks, appended output and the latest counters in one transaction. */
  appendProgress(
    runId: number,
    chunks: Int32Array[],
    output: string,
    counters: Counters,
    samples: [number, number][],
  ): void {
    const next = this.db.prepare(
      'SELECT COALESCE(MAX(seq) + 1, 0) AS seq, COALESCE(SUM(count), 0) AS n ' +
        'FROM trace_chunks WHERE run_id = ?',
    );
    const insert = this.db.prepare(
      `INSERT INTO trace_chunks (run_id, seq, format, first_token, count, data)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const update = this.db.prepare(
      `UPDATE runs SET output = output || ?, tokens = ?, steps = ?, elapsed_ms = ?, samples = ?
       WHERE id = ?`,
    );
    this.db.transaction(() => {
      let { seq, n } = next.get(runId) as { seq: number; n: number };
      for (const chunk of chunks) {
        insert.run(runId, seq++, TRACE_FORMAT, n, chunk.length, encodeChunk(chunk));
        n += chunk.length;
      }
      const c = counters;
      update.run(
        output,
        c.tokens,
        c.steps,
        Math.round(c.elapsedMs),
        JSON.stringify(samples),
        runId,
      );
    })();
  }

  finish(runId: number, e: RunEnding): void {
    const c = e.counters;
    this.db
      .prepare(
        `UPDATE runs SET status = ?, tokens = ?, steps = ?, elapsed_ms = ?,
           output = COALESCE(?, output), outcome = ?, end_reason = ?, trap = ?,
           exit_status = ?, error = ?, finished_at = ?
         WHERE id = ?`,
      )
      .run(
        e.status,
        c.tokens,
        c.steps,
        Math.round(c.elapsedMs),
        e.output ?? null,
        e.outcome ? JSON.stringify(e.outcome) : null,
        e.end ?? null,
        e.trap ?? null,
        e.exitStatus ?? null,
        e.error ?? null,
        Date.now(),
        runId,
      );
  }

  setReproduction(runId: number, r: Reproduction): void {
    this.db.prepare('UPDATE runs SET reproduction = ? WHERE id = ?').run(JSON.stringify(r), runId);
  }

  get(runId: number): RunRecord {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as Row | undefined;
    if (!row) throw new Error(`run ${runId} does not exist (it may have been deleted)`);
    return toRecord(row);
  }

  reexecutes(runId: number): number | null {
    const row = this.db.prepare('SELECT reexecutes FROM runs WHERE id = ?').get(runId) as
      { reexecutes: number | null } | undefined;
    return row?.reexecutes ?? null;
  }

  list(limit = 1000): RunSummary[] {
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?`)
      .all(limit) as Row[];
    return rows.map(toSummary);
  }

  delete(runId: number): void {
    this.db.prepare('DELETE FROM runs WHERE id = ?').run(runId);
  }

  /** The whole stored trace of a run, chunks joined in order. */
  readTrace(runId: number): Int32Array {
    const rows = this.db
      .prepare('SELECT format, count, data FROM trace_chunks WHERE run_id = ? ORDER BY seq')
      .all(runId) as { format: number; count: number; data: Uint8Array }[];
    const total = rows.reduce((s, r) => s + r.count, 0);
    const out = new Int32Array(total);
    let at = 0;
    for (const r of rows) {
      out.set(decodeChunk(r.format, r.data, r.count), at);
      at += r.count;
    }
    return out;
  }
}
