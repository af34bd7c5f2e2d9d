import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseProblem, solveAssignment } from '../../assignment/solve.ts';
import { casesDir } from '../../assignment/test-cases.ts';
import { createProgram } from '../main.ts';
import { readable } from './solve.ts';

const folder = mkdtempSync(join(tmpdir(), 'inweights-solve-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const launcher = fileURLToPath(new URL('../../../bin/inweights.js', import.meta.url));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `inweights solve ...args` in-process; returns what it wrote to stdout. */
async function solve(...args: string[]): Promise<string> {
  let out = '';
  const program = createProgram((p: Command) =>
    p.exitOverride().configureOutput({ writeOut: (text) => (out += text), writeErr: () => {} }),
  );
  await program.parseAsync(['node', 'inweights', 'solve', ...args]);
  return out;
}

const lastLine = (text: string): unknown => JSON.parse(text.trimEnd().split('\n').at(-1) ?? '');

afterEach(() => {
  process.exitCode = undefined;
});

describe('inweights solve', () => {
  it('prints the matching, the total and the check for people', async () => {
    const out = await solve(`${casesDir}blog10.txt`);
    expect(out).toMatch(/^row 1 -> column 9, cost 21$/m);
    expect(out).toMatch(/^total cost 206$/m);
    expect(out).toMatch(/^check: passed/m);
  });

  it('ends with one JSON object holding the result with --json', async () => {
    const out = await solve(`${casesDir}orlib/assign100.txt`, '--json');
    expect(lastLine(out)).toMatchObject({
      n: 100,
      m: 100,
      cost: 305,
      feasible: true,
      verified: true,
      engine: 'native',
      tokens: null,
      steps: null,
      seconds: expect.any(Number),
    });
    expect((lastLine(out) as { assignment: number[] }).assignment).toHaveLength(100);
  });

  it('maximises and honours an explicit format', async () => {
    const path = file('profit.csv', '1 5\n7 2\n');
    const out = await solve(path, '--maximize', '--format', 'csv', '--json');
    expect(lastLine(out)).toMatchObject({ cost: 12, assignment: [1, 0] });
  });

  it('maximises a JSON file that asks for it, with or without --maximize', async () => {
    const path = file('profit.json', '{"matrix": [[1, 2], [3, 9]], "maximize": true}');
    expect(lastLine(await solve(path, '--json'))).toMatchObject({ cost: 10 });
    expect(lastLine(await solve(path, '--maximize', '--json'))).toMatchObject({ cost: 10 });
  });

  it('reports a run cut short by --max-tokens as incomplete, feasible null, exit 1', async () => {
    const args = [`${casesDir}blog10.txt`, '--engine', 'reference', '--max-tokens', '5000'];
    expect(lastLine(await solve(...args, '--json'))).toMatchObject({
      feasible: null,
      cost: null,
      verified: false,
      verdict: 'incomplete',
      end: 'limit',
    });
    expect(process.exitCode).toBe(1);
    const stopped = 'the run stopped at the token limit (5,000 tokens)';
    expect(await solve(...args)).toMatch(
      new RegExp(
        `^incomplete: ${stopped.replace(/[()]/g, '\\$&')} before the program printed`,
        'm',
      ),
    );
  });

  it('reports the attention and the smallest margin of a run inside the transformer', async () => {
    const out = await solve(file('two.csv', '4 1\n2 3\n'), '--engine', 'transformer', '--json');
    expect(lastLine(out)).toMatchObject({
      cost: 3,
      verified: true,
      engine: 'transformer',
      attention: 'hull',
      minMargin: expect.any(Number),
      marginOk: true,
      tokens: expect.any(Number),
    });
  });

  it('warns in its summary when the run came close to a different decision', async () => {
    const problem = parseProblem('4 1\n2 3\n', 'auto', { maximize: false });
    const solved = await solveAssignment(problem, { engine: 'reference' });
    const close = { ...solved, engine: 'transformer' as const, minMargin: 0.5, marginOk: false };
    expect(readable(problem, close).split('\n')).toContain(
      'warning: the run came within 0.5 ulps of a different decision (threshold 64 ulps), ' +
        'so its result may be wrong',
    );
    expect(readable(problem, { ...close, minMargin: 1e9, marginOk: true })).not.toMatch(/warning/);
  });

  it('refuses --attention for an engine other than the transformer', async () => {
    const path = file('one.csv', '1\n');
    await expect(solve(path, '--attention', 'brute')).rejects.toMatchObject({
      exitCode: 2,
      message: 'error: --attention applies to --engine transformer only, not native',
    });
  });

  it('prints the step-by-step account with --account', async () => {
    const out = await solve(file('three.json', '[[5, 9, 1], [10, 3, 2], [8, 7, 4]]'), '--account');
    expect(out).toMatch(/^ r3 \+5 > c3 \(r1\)$/m);
    expect(out).toMatch(/^total 12$/m);
  });

  it('answers an infeasible problem with feasible false and exit code 0', async () => {
    const out = await solve(file('blocked.csv', '1,inf\n2,inf\n'), '--json');
    expect(lastLine(out)).toMatchObject({ feasible: false, cost: null, verified: true });
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('refuses invalid input with exit code 1 and one line on stderr naming the cell', async () => {
    const path = file('bad.csv', '1,2\n3,nan\n');
    const run = promisify(execFile)(process.execPath, [launcher, 'solve', path, '--json']);
    const failure = await run.then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toBe('inweights: row 2, column 2: NaN is not a cost\n');
  });

  it('stops quietly when the reader of its output closes the pipe early', async () => {
    const command = `"${process.execPath}" "${launcher}" solve "${casesDir}blog10.txt" --account`;
    const { stdout, stderr } = await promisify(execFile)('sh', ['-c', `${command} | head -1`]);
    expect(stdout).toBe('Hungarian method, 10 rows, 10 columns\n');
    expect(stderr).toBe('');
  });
});
