// Saved C programs: the user's own and the read-only examples seeded from
// resources/programs/*.c. Names are unique; examples are refreshed from disk on every start.

import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { ProgramRecord, ProgramSummary } from '../shared/api.ts';

interface Row {
  id: number;
  name: string;
  source: string;
  example: number;
  created_at: number;
  updated_at: number;
}

const toRecord = (r: Row): ProgramRecord => ({
  id: r.id,
  name: r.name,
  source: r.source,
  example: r.example === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class ProgramStore {
  constructor(private readonly db: Database.Database) {}

  list(): ProgramSummary[] {
    const rows = this.db
      .prepare('SELECT id, name, example, updated_at FROM programs ORDER BY example DESC, name')
      .all() as Row[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      example: r.example === 1,
      updatedAt: r.updated_at,
    }));
  }

  get(id: number): ProgramRecord {
    const row = this.db.prepare('SELECT * FROM programs WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new Error(`program ${id} does not exist (it may have been deleted)`);
    return toRecord(row);
  }

  /** Creates (id null) or updates a user program; examples are refused. */
  save(id: number | null, name: string, source: string): ProgramRecord {
    const now = Date.now();
    this.assertNameFree(name, id);
    if (id === null) {
      const info = this.db
        .prepare(
          `INSERT INTO programs (name, source, example, created_at, updated_at)
           VALUES (?, ?, 0, ?, ?)`,
        )
        .run(name, source, now, now);
      return this.get(Number(info.lastInsertRowid));
    }
    this.assertEditable(id);
    this.db
      .prepare('UPDATE programs SET name = ?, source = ?, updated_at = ? WHERE id = ?')
      .run(name, source, now, id);
    return this.get(id);
  }

  rename(id: number, name: string): ProgramRecord {
    return this.save(id, name, this.get(id).source);
  }

  delete(id: number): void {
    this.assertEditable(id);
    this.db.prepare('DELETE FROM programs WHERE id = ?').run(id);
  }

  /** Inserts or refreshes the example programs found in `dir` (missing dir: nothing). */
  seedExamples(dir: string): number {
    if (!fs.existsSync(dir)) return 0;
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.c'))
      .sort();
    const upsert = this.db.prepare(
      `INSERT INTO programs (name, source, example, created_at, updated_at)
       VALUES (?, ?, 1, ?, ?)
       ON CONFLICT(name) DO UPDATE SET source = excluded.source, example = 1,
         updated_at = CASE WHEN source = excluded.source THEN updated_at
                           ELSE excluded.updated_at END`,
    );
    const now = Date.now();
    this.db.transaction(() => {
      for (const f of files) upsert.run(f, fs.readFileSync(path.join(dir, f), 'utf8'), now, now);
    })();
    return files.length;
  }

  private assertEditable(id: number): void {
    if (this.get(id).example) {
      throw new Error('example programs are read-only: save a copy under a new name to edit it');
    }
  }

  private assertNameFree(name: string, id: number | null): void {
    const row = this.db.prepare('SELECT id FROM programs WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (row && row.id !== id) throw new Error(`a program named "${name}" already exists`);
  }
}
