// Opens the app's SQLite file: write-ahead logging (a crash loses at most the transaction in
// flight, never the file), foreign keys on, schema migrated. Runs left 'running' by a quit or
// a crash are marked interrupted here, before anything else reads them.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from './migrations.ts';

export const DB_FILE = 'inweights.sqlite';

export function openDatabase(dataDir: string): Database.Database {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, DB_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  migrate(db);
  markInterrupted(db);
  return db;
}

/** Marks runs that were still streaming when the last process ended; returns how many. */
export function markInterrupted(db: Database.Database): number {
  const now = Date.now();
  return db
    .prepare(
      `UPDATE runs SET status = 'interrupted', finished_at = ?,
         error = 'the app ended while this run was streaming; its trace is kept up to there'
       WHERE status = 'running'`,
    )
    .run(now).changes;
}
