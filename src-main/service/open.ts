// Composition root shared by the desktop app and browser mode: opens the store in the data
// folder, seeds the example programs and starts the backend with its engine host.

import type Database from 'better-sqlite3';
import type { Logger } from '../shared/logger.ts';
import type { SpawnHost } from '../host/protocol.ts';
import { openDatabase } from '../storage/database.ts';
import { ProgramStore } from '../storage/programs.ts';
import { RunStore } from '../storage/runs.ts';
import { Backend } from './backend.ts';

export interface AppOptions {
  dataDir: string;
  /** folder holding the example programs (resources/programs) */
  examplesDir: string;
  spawnHost: SpawnHost;
  log: Logger;
}

export function openBackend(o: AppOptions): { backend: Backend; db: Database.Database } {
  const db = openDatabase(o.dataDir);
  const programs = new ProgramStore(db);
  const seeded = programs.seedExamples(o.examplesDir);
  o.log.info(`data folder ${o.dataDir}; ${seeded} example programs`);
  const backend = new Backend({
    programs,
    runs: new RunStore(db),
    spawnHost: o.spawnHost,
    log: o.log,
  });
  return { backend, db };
}
