import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { libcObjects } from './libc-objects.ts';

describe('libc objects', () => {
  it('are compiled once and kept on disk for later processes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'inweights-libc-test-'));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const objects = await libcObjects(undefined, root);
    expect(Object.keys(objects).sort()).toEqual([
      'divide64.o',
      'malloc.o',
      'printf.o',
      'scanf.o',
      'stdlib.o',
      'string.o',
    ]);
    const [key] = readdirSync(root);
    for (const [name, bytes] of Object.entries(objects)) {
      expect(new Uint8Array(readFileSync(join(root, key!, name)))).toEqual(bytes);
    }
    expect(await libcObjects(undefined, root)).toBe(objects);
  });
});
