// The libc compiled to object files. Compiling it takes most of a first build (seconds), so
// the objects are kept in memory for the process and on disk (in the system's temporary
// folder) for later processes, under a key that hashes the toolchain version, the flags and
// every libc file: any change gives a new key. The disk cache is best effort: if it cannot be
// read or written, the libc is simply compiled.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runClang, toolchainVersion } from './clang.ts';
import { COMPILE_FLAGS } from './clang-flags.ts';
import { CompileError, programDiagnostic } from './compile-error.ts';
import type { LibcFiles } from './libc-files.ts';
import { libcFiles } from './libc-files.ts';

export type ObjectFiles = Record<string, Uint8Array>;

const inMemory = new Map<string, Promise<ObjectFiles>>();

const objectName = (source: string): string => source.replace(/^.*\//, '').replace(/\.c$/, '.o');

function cacheKey(libc: LibcFiles): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ toolchain: toolchainVersion(), flags: COMPILE_FLAGS }));
  hash.update(JSON.stringify(libc.tree));
  return hash.digest('hex').slice(0, 24);
}

function readCached(dir: string, libc: LibcFiles): ObjectFiles | null {
  try {
    const objects: ObjectFiles = {};
    for (const source of libc.sources) {
      const path = join(dir, objectName(source));
      if (!existsSync(path)) return null;
      objects[objectName(source)] = new Uint8Array(readFileSync(path));
    }
    return objects;
  } catch {
    return null;
  }
}

/** Writes to a fresh folder, then renames it into place, so readers never see half of it. */
function writeCached(dir: string, objects: ObjectFiles): void {
  const partial = `${dir}.${process.pid}.${Date.now()}`;
  try {
    mkdirSync(partial, { recursive: true });
    for (const [name, bytes] of Object.entries(objects)) writeFileSync(join(partial, name), bytes);
    renameSync(partial, dir);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

async function compileLibc(libc: LibcFiles): Promise<ObjectFiles> {
  const run = await runClang([...COMPILE_FLAGS, '-c', ...libc.sources], { libc: libc.tree });
  const objects: ObjectFiles = {};
  for (const source of libc.sources) {
    const object = run.files?.[objectName(source)];
    if (!(object instanceof Uint8Array)) {
      const detail = run.stderr.trim() || `${objectName(source)} is missing`;
      throw new CompileError('TOOLCHAIN', [
        programDiagnostic(source, `the libc does not compile: ${detail}`),
      ]);
    }
    objects[objectName(source)] = object;
  }
  return objects;
}

async function load(libcDir: string | undefined, cacheRoot: string | null): Promise<ObjectFiles> {
  const libc = libcFiles(libcDir);
  const dir = cacheRoot === null ? null : join(cacheRoot, cacheKey(libc));
  const cached = dir === null ? null : readCached(dir, libc);
  if (cached !== null) return cached;
  const objects = await compileLibc(libc);
  if (dir !== null) writeCached(dir, objects);
  return objects;
}

/** Default folder of the disk cache. */
export const defaultCacheRoot = (): string => join(tmpdir(), 'inweights-libc');

/**
 * The libc's object files (file name → bytes), compiled at most once per process and libc
 * folder. `cacheRoot` null turns the disk cache off.
 */
export function libcObjects(
  libcDir?: string,
  cacheRoot: string | null = defaultCacheRoot(),
): Promise<ObjectFiles> {
  const key = `${libcDir ?? ''}\n${cacheRoot ?? ''}`;
  let objects = inMemory.get(key);
  if (objects === undefined) {
    objects = load(libcDir, cacheRoot);
    inMemory.set(key, objects);
    objects.catch(() => inMemory.delete(key));
  }
  return objects;
}
