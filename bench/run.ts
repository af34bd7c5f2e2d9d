// Benchmark runner: `npm run bench` runs every benchmark, `npm run bench -- NAME...` some.
// Each benchmark is one file in bench/ exporting a Benchmark, listed in `benchmarks` below.
// Results go to stdout, one line per benchmark; nothing here is part of the shipped engine.

export interface Benchmark {
  /** Short name used on the command line, e.g. "hull-insert". */
  readonly name: string;
  /** What is measured, in one line. */
  readonly description: string;
  /** Runs the benchmark and returns its result line (timings, tokens/s, ...). */
  run(): Promise<string>;
}

const benchmarks: readonly Benchmark[] = [];

async function main(names: readonly string[]): Promise<void> {
  const listed = benchmarks.map((b) => b.name).join(', ') || 'none yet';
  process.stdout.write(`benchmarks: ${listed}\n`);

  const unknown = names.filter((n) => !benchmarks.some((b) => b.name === n));
  if (unknown.length > 0) throw new Error(`unknown benchmark(s): ${unknown.join(', ')}`);

  const chosen = names.length === 0 ? benchmarks : benchmarks.filter((b) => names.includes(b.name));
  for (const benchmark of chosen) {
    process.stdout.write(`${benchmark.name}: ${await benchmark.run()}\n`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
