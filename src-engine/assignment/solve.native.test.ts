// hungarian.c compiled to WebAssembly and run natively: every shared case, the benchmark
// files and 250 random problems.
import { solverSuite } from './solver-suite.ts';

solverSuite('native', { benchmarks: true, randomProblems: 250 });
