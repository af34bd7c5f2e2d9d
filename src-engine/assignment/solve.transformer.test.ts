// hungarian.c inside the transformer: a selection of the shared cases (decimals, forbidden
// pairs, infeasibility, maximisation, rectangles both ways, the empty problem, negative and
// extreme costs), blog10 and 5 random problems; each a complete trace checked by the
// independent solver. The native suite covers every case; this one shows the engine agrees.
import { solverSuite } from './solver-suite.ts';

const cases = [
  'munkres_float_3x3',
  'munkres_disallowed_3x3',
  'munkres_unsolvable_3x3',
  'munkres_profit_5x5_max',
  'munkres_rectangular_5x4',
  'lap_extension_2x4',
  'scipy_empty_0x0',
  'scipy_nan_invalid',
  'bug_lap19_negative_4x4',
  'bug_vroom_int32max_4x4',
];

solverSuite('transformer', { cases, benchmarks: false, randomProblems: 5 });
