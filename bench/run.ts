// Benchmark runner: `npm run bench` runs every benchmark, `npm run bench -- NAME...` some.
// Each benchmark is a script in bench/ that prints its own measured table to stdout; this
// runner only starts them, one fresh process each. Nothing here is part of the shipped engine.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchmarks: Readonly<Record<string, string>> = {
  machine: 'the shipped model on real programs: tokens per instruction, speed, memory, blog10',
  engine: 'the engine alone on a synthetic model: hull against brute-force attention',
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in benchmarks));
if (unknown.length > 0) {
  process.stderr.write(
    `bench: unknown benchmark(s) ${unknown.join(', ')}; ` +
      `known: ${Object.keys(benchmarks).join(', ')}\n`,
  );
  process.exit(2);
}
for (const name of names.length > 0 ? names : Object.keys(benchmarks)) {
  process.stdout.write(`== ${name}: ${benchmarks[name]}\n`);
  const script = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
