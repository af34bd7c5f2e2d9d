// Runs Clang/LLD compiled to WebAssembly (@yowasp/clang) on an in-memory file tree. Loading
// the toolchain takes about 1.5 s, so it happens once per process and is shared by all calls.
// This module only runs the tool; choosing flags and reading its messages is c-to-wasm's job.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Tree } from '@yowasp/clang';
import { isStackOverflow } from './toolchain-limits.ts';

type Toolchain = typeof import('@yowasp/clang');

export interface ClangRun {
  /** the file tree after the run (inputs and outputs), or null when clang failed */
  files: Tree | null;
  /** everything clang and wasm-ld wrote to stderr */
  stderr: string;
  /** clang's recursion exhausted the JavaScript call stack (files is null) */
  stackOverflow: boolean;
}

let loading: Promise<Toolchain> | null = null;

/** Loads the toolchain and its resources once; later calls share the same promise. */
export function loadClang(): Promise<Toolchain> {
  loading ??= import('@yowasp/clang').then(async (toolchain) => {
    // A null command only fetches the resources; the no-op callback keeps it from logging.
    await toolchain.runLLVM(undefined, {}, { fetchProgress: () => {} });
    return toolchain;
  });
  return loading;
}

/** Runs `clang args...` on `files`; a failed compile is returned, not thrown. */
export async function runClang(args: string[], files: Tree): Promise<ClangRun> {
  const toolchain = await loadClang();
  const decoder = new TextDecoder();
  let stderr = '';
  const collect = (bytes: Uint8Array | null): void => {
    if (bytes !== null) stderr += decoder.decode(bytes, { stream: true });
  };
  try {
    const out = await toolchain.commands.clang(args, files, {
      stdout: collect,
      stderr: collect,
      fetchProgress: () => {},
    });
    return { files: out ?? null, stderr, stackOverflow: false };
  } catch (error) {
    if (error instanceof toolchain.Exit) return { files: null, stderr, stackOverflow: false };
    // Each run instantiates the toolchain afresh, so the next run is not affected.
    if (isStackOverflow(error)) return { files: null, stderr, stackOverflow: true };
    throw error;
  }
}

/** The installed @yowasp/clang version (it names the LLVM build), read from its package.json. */
export function toolchainVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@yowasp/clang');
  const manifest = join(dirname(entry), '..', 'package.json');
  const parsed: unknown = JSON.parse(readFileSync(manifest, 'utf8'));
  const version = (parsed as { version?: unknown }).version;
  return typeof version === 'string' ? version : 'unknown';
}
