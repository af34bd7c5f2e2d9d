import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { createProgram } from './main.ts';

const { version } = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** Runs the CLI on `args` with commander's exits turned into exceptions; returns stdout. */
async function run(...args: string[]): Promise<string> {
  let out = '';
  const program = createProgram((p: Command) =>
    p.exitOverride().configureOutput({
      writeOut: (text) => (out += text),
      writeErr: (text) => (out += text),
    }),
  );
  try {
    await program.parseAsync(['node', 'inweights', ...args]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code !== 'commander.version' && code !== 'commander.helpDisplayed') throw error;
  }
  return out;
}

describe('inweights CLI', () => {
  it('prints the package version for `version`', async () => {
    const lines = (await run('version')).split('\n');
    expect(lines[0]).toBe(`inweights ${version}`);
    expect(lines[1]).toBe(`node ${process.versions.node} (${process.platform} ${process.arch})`);
  });

  it('prints the bare package version for --version', async () => {
    expect(await run('--version')).toBe(`${version}\n`);
  });

  it('lists every registered command in --help', async () => {
    expect(await run('--help')).toMatch(/^ {2}version /m);
  });

  it('rejects an unknown command with a commander error', async () => {
    await expect(run('no-such-command')).rejects.toMatchObject({
      code: 'commander.unknownCommand',
    });
  });
});

describe('the inweights launcher', () => {
  const folder = mkdtempSync(join(tmpdir(), 'inweights-launcher-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const launcher = fileURLToPath(new URL('../../bin/inweights.js', import.meta.url));
  const hello = fileURLToPath(new URL('../../resources/programs/hello.c', import.meta.url));

  /** Runs the launcher; returns its exit code and standard error. */
  async function launch(...args: string[]): Promise<{ code: number; stderr: string }> {
    return promisify(execFile)(process.execPath, [launcher, ...args]).then(
      ({ stderr }) => ({ code: 0, stderr }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
  }

  it('answers a usage error with one line on stderr and exit code 2', async () => {
    for (const args of [['frob'], ['run', hello, '--engine', 'foo'], ['run', hello, '--bogus']]) {
      const { code, stderr } = await launch(...args);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^error: [^\n]+\n$/);
    }
  });

  /** Runs the launcher with `stdin` as its standard input; returns its exit code and output. */
  function pipe(stdin: Buffer, ...args: string[]): Promise<{ code: number; stdout: Buffer }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [launcher, ...args], { stdio: 'pipe' });
      const chunks: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(chunks) }));
      child.stdin.end(stdin);
    });
  }

  it('pipes compile -o - into run -, whose stdout carries every output byte unchanged', async () => {
    const bytes = join(folder, 'bytes.c');
    writeFileSync(
      bytes,
      '#include <stdio.h>\nint main(void) { for (int i = 0; i < 256; i++) putchar(i); }\n',
    );
    const compiled = await pipe(Buffer.alloc(0), 'compile', bytes, '-o', '-');
    expect(compiled.code).toBe(0);
    const run = await pipe(compiled.stdout, 'run', '-', '--engine', 'reference');
    expect(run.code).toBe(0);
    expect([...run.stdout]).toEqual(Array.from({ length: 256 }, (_, i) => i));
  });

  it('shows the control characters a refusal quotes from a bad file as escapes', async () => {
    const bad = join(folder, 'bad.tokens');
    writeFileSync(bad, '\x1b[31mred\x07');
    const { code, stderr } = await launch('run', bad);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^inweights: .*bad\.tokens: not a token program file: .*\\x1b\[31mred\\x07/,
    );
    expect(stderr).not.toContain('\x1b');
    expect(stderr).not.toContain('\x07');
  });

  it('takes an empty INWEIGHTS_RESOURCES for unset', async () => {
    const env = { ...process.env, INWEIGHTS_RESOURCES: '' };
    const { stderr } = await promisify(execFile)(process.execPath, [launcher, 'version'], { env });
    expect(stderr).toBe('');
  });

  it('refuses an INWEIGHTS_RESOURCES folder that does not exist, naming the variable', async () => {
    const env = { ...process.env, INWEIGHTS_RESOURCES: '/no/such/resources' };
    const run = promisify(execFile)(process.execPath, [launcher, 'run', hello], { env });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /^inweights: INWEIGHTS_RESOURCES is \/no\/such\/resources, which does not exist/,
      ),
    });
  });
});
