// The browser-mode server's own refusals: a second server on the port in use, and a data
// folder that is a file. Each is one error line and exit status 1, and the engine process the
// server had started ends with it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const server = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src-main/web/server.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
const errorLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.trim());

test('a second server on the port in use says so in one line and exits 1', () => {
  const port = process.env['INWEIGHTS_E2E_PORT']!;
  const data = mkdtempSync(join(tmpdir(), 'inweights-web-'));
  const r = server('--port', port, '--data', data);
  expect(r.status).toBe(1);
  const lines = errorLines(r.stderr).filter((l) => !/ info /.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/EADDRINUSE.*\(port in use: pass --port N\)$/);
});

test('a data folder that is a file is refused in one line', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'inweights-web-')), 'store');
  writeFileSync(file, 'not a folder');
  const r = server('--port', '0', '--data', file);
  expect(r.status).toBe(1);
  expect(errorLines(r.stderr)).toEqual([
    expect.stringMatching(/--data: .* is a file; pass a folder/),
  ]);
});
