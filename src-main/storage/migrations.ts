// Versioned schema migrations. Each entry moves the schema from version i to i + 1 and runs in
// one transaction with the version bump, so a crash leaves either the old or the new schema.
// Never edit a shipped migration: append a new one.

import type Database from 'better-sqlite3';

export const MIGRATIONS: readonly string[] = [
  // 1: programs, runs and their compressed trace chunks
  `CREATE TABLE programs (
     id INTEGER PRIMARY KEY,
     name TEXT NOT NULL UNIQUE,
     source TEXT NOT NULL,
     example INTEGER NOT NULL DEFAULT 0,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE runs (
     id INTEGER PRIMARY KEY,
     kind TEXT NOT NULL CHECK (kind IN ('program', 'assignment')),
     program_id INTEGER REFERENCES programs(id) ON DELETE SET NULL,
     program_name TEXT NOT NULL,
     source TEXT NOT NULL,
     input TEXT NOT NULL,
     problem TEXT,
     engine TEXT NOT NULL,
     max_tokens INTEGER,
     status TEXT NOT NULL
       CHECK (status IN ('running', 'finished', 'cancelled', 'failed', 'interrupted')),
     size TEXT NOT NULL,
     tokens INTEGER NOT NULL DEFAULT 0,
     steps INTEGER NOT NULL DEFAULT 0,
     elapsed_ms INTEGER NOT NULL DEFAULT 0,
     output TEXT NOT NULL DEFAULT '',
     outcome TEXT,
     end_reason TEXT,
     trap TEXT,
     error TEXT,
     reproduction TEXT,
     reexecutes INTEGER REFERENCES runs(id) ON DELETE SET NULL,
     samples TEXT NOT NULL DEFAULT '[]',
     started_at INTEGER NOT NULL,
     finished_at INTEGER
   );
   CREATE INDEX runs_started ON runs(started_at);
   CREATE TABLE trace_chunks (
     run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     format INTEGER NOT NULL,
     first_token INTEGER NOT NULL,
     count INTEGER NOT NULL,
     data BLOB NOT NULL,
     PRIMARY KEY (run_id, seq)
   );`,
  // 2: the program's exit status, stored when a run halts; runs stored before it keep NULL
  `ALTER TABLE runs ADD COLUMN exit_status INTEGER CHECK (exit_status BETWEEN 0 AND 255);`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export function currentVersion(db: Database.Database): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as
    { version: number } | undefined;
  return row?.version ?? 0;
}

/** Applies every migration past the stored version; refuses a database from a newer app. */
export function migrate(db: Database.Database, migrations = MIGRATIONS): number {
  let version = currentVersion(db);
  if (version > migrations.length) {
    throw new Error(
      `the database has schema version ${version}, newer than this app's ` +
        `${migrations.length}: update Inweights or choose another data folder`,
    );
  }
  for (; version < migrations.length; version++) {
    const next = version + 1;
    db.transaction(() => {
      db.exec(migrations[version]!);
      db.prepare('DELETE FROM schema_version').run();
      db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(next);
    })();
  }
  return version;
}
