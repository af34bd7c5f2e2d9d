import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
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
