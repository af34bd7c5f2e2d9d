// hungarian.c inside the transformer: every shared case of at most 6 rows and 6 columns
// (decimals, forbidden pairs, infeasibility, maximisation, rectangles both ways, the empty
// problem, negative and extreme costs, refusals), blog10 and 5 random problems; each a
// complete trace checked by the independent solver. The native suite covers every case.
import { solverSuite } from './solver-suite.ts';
import { smallCases } from './test-cases.ts';

const SIDE = 6;
const cases = smallCases()
  .filter((c) => c.matrix.length <= SIDE && c.matrix.every((row) => row.length <= SIDE))
  .map((c) => c.id);

solverSuite('transformer', { cases, benchmarks: false, randomProblems: 5 });
