import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputFile, writeOutputFile } from './files.ts';

const dir = mkdtempSync(join(tmpdir(), 'inweights-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files named on the command line', () => {
  it('reads back what was written', () => {
    const path = join(dir, 'bytes.bin');
    writeOutputFile(path, Uint8Array.from([1, 2, 255]));
    expect([...readInputFile(path)]).toEqual([1, 2, 255]);
  });

  it('names the file and the problem when it is missing', () => {
    const path = join(dir, 'missing.c');
    expect(() => readInputFile(path)).toThrow(`cannot read ${path}: no such file`);
  });

  it('says a directory is a directory, for reading and for writing', () => {
    expect(() => readInputFile(dir)).toThrow(`cannot read ${dir}: is a directory`);
    expect(() => writeOutputFile(dir, 'x')).toThrow(`cannot write ${dir}: is a directory`);
  });

  it('names the missing folder when a file cannot be created', () => {
    const folder = join(dir, 'no-such-folder');
    const path = join(folder, 'out.tokens');
    expect(() => writeOutputFile(path, 'x')).toThrow(
      `cannot write ${path}: the folder ${folder} does not exist`,
    );
    expect(() => readInputFile(path)).toThrow(`cannot read ${path}: no such file`);
  });
});
