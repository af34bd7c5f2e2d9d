// Differential tests: every example program (on its sample inputs) and the generated C corpus
// are compiled once, then run by the reference interpreter and by the native WebAssembly
// engine. The outputs and the way the runs end must be identical, and the reference trace
// must be complete: a run cut short by the token limit fails.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Op } from '../program/opcodes.ts';
import { runReference } from '../reference/interpreter.ts';
import { generateBundles } from './corpus.ts';
import type { Compiled, Engines } from './engines.ts';
import { loadEngines } from './engines.ts';
import { EXAMPLE_INPUTS } from './example-inputs.ts';

/** Far above any run here (the 10x10 Hungarian example stays below a few million tokens). */
const MAX_TOKENS = 100_000_000;
/** 200 corpus cases, compiled 25 to a program. */
const CORPUS = { seed: 1, count: 200, perBundle: 25 };
/** The first test of a program also compiles it. */
const COMPILE_TIMEOUT = 60_000;

const programsDir = fileURLToPath(new URL('../../resources/programs/', import.meta.url));
const examples = readdirSync(programsDir)
  .filter((f) => f.endsWith('.c'))
  .sort();
const bundles = generateBundles(CORPUS.seed, CORPUS.count, CORPUS.perBundle);
const encoder = new TextEncoder();
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

const engines = await loadEngines();

if (typeof engines === 'string') throw new Error(`differential tests cannot run: ${engines}`);
differentialSuite(engines);

function differentialSuite(engines: Engines): void {
  const compiled = new Map<string, Promise<Compiled>>();
  const compileOnce = (key: string, source: string): Promise<Compiled> => {
    let result = compiled.get(key);
    if (result === undefined) compiled.set(key, (result = engines.compile(source)));
    return result;
  };

  /** Runs both engines on one input and compares everything they must agree on. */
  async function compare(program: Compiled, input: Uint8Array): Promise<void> {
    const ref = runReference(program.program, input, { maxTokens: MAX_TOKENS });
    const native = await engines.runNative(program.wasm, input);
    expect(ref.end, 'the reference trace must be complete').not.toBe('limit');
    expect(latin1(ref.output)).toBe(latin1(native.output));
    expect(ref.trap).toBe(native.trap);
    expect(ref.exitStatus).toBe(native.exitStatus);
  }

  describe('example programs: reference and native agree', () => {
    for (const file of examples) {
      const source = readFileSync(programsDir + file, 'utf8');
      const inputs = EXAMPLE_INPUTS[file] ?? [{ name: 'empty input', input: '' }];
      for (const { name, input } of inputs) {
        it(
          `${file} on ${name}`,
          async () => {
            await compare(await compileOnce(file, source), encoder.encode(input));
          },
          COMPILE_TIMEOUT,
        );
      }
    }
  });

  describe('generated corpus: reference and native agree', () => {
    for (const bundle of bundles) {
      for (const c of bundle.cases) {
        it(
          c.name,
          async () => {
            await compare(await compileOnce(bundle.name, bundle.source), c.input);
          },
          COMPILE_TIMEOUT,
        );
      }
    }

    it(
      'the compiled corpus uses every opcode',
      async () => {
        const used = new Set<number>();
        for (const bundle of bundles) {
          const { program } = await compileOnce(bundle.name, bundle.source);
          for (const ins of program.instructions) used.add(ins.op);
        }
        const missing = Object.entries(Op)
          .filter(([, code]) => !used.has(code))
          .map(([name]) => name);
        expect(missing).toEqual([]);
      },
      COMPILE_TIMEOUT * bundles.length,
    );
  });
}
