// Derived operations built from gated units relu(b)·a. Each states the inputs it is exact for;
// the machine only feeds them exact integers (or, where noted, values within 1e-6 of one).

import type { Expr, Graph, Lin } from './graph.ts';
import { add, sum } from './graph.ts';

/** relu(x). */
export const relu = (g: Graph, name: string, x: Expr): Lin => g.ffn(name, [{ a: 1, b: x }]);

/**
 * [x >= 0] for integer x: relu(x+1) - relu(x) is 1 for x >= 0 and 0 for x <= -1. For x within
 * ε of an integer it is within ε of the answer for that integer, so near-integers round.
 */
export const step = (g: Graph, name: string, x: Expr): Lin =>
  g.ffn(name, [
    { a: 1, b: add(x, 1) },
    { a: 1, b: x, c: -1 },
  ]);

/** [x == 0] for integer x: the hat relu(x+1) - 2relu(x) + relu(x-1). */
export const isZero = (g: Graph, name: string, x: Expr): Lin =>
  g.ffn(name, [
    { a: 1, b: add(x, 1) },
    { a: 1, b: x, c: -2 },
    { a: 1, b: add(x, -1) },
  ]);

/** [x == 0] for integer x >= 0: relu(1 - x). */
export const isZeroNonNeg = (g: Graph, name: string, x: Expr): Lin =>
  g.ffn(name, [{ a: 1, b: sum([-1, x], [1, 1]) }]);

/** flag·x for flag in {0, 1} (any x): relu(flag)·x. */
export const gate = (g: Graph, name: string, flag: Expr, x: Expr): Lin =>
  g.ffn(name, [{ a: x, b: flag }]);

/** x·y for x >= 0. Exact when the product is an integer below 2^53. */
export const product = gate;

/** x² for x >= 0. */
export const square = (g: Graph, name: string, x: Expr): Lin => g.ffn(name, [{ a: x, b: x }]);

/** Logical AND of flags in {0, 1}: relu(Σ flags - (n - 1)). */
export const and = (g: Graph, name: string, ...flags: Expr[]): Lin =>
  g.ffn(name, [
    { a: 1, b: sum(...flags.map((f): [number, Expr] => [1, f]), [1, 1 - flags.length]) },
  ]);

/**
 * A mux: Σ flag_i·x_i for one-hot flags, as one node of gated units relu(flag_i)·x_i.
 */
export const select = (g: Graph, name: string, cases: [Expr, Expr][]): Lin =>
  g.ffn(
    name,
    cases.map(([flag, x]) => ({ a: x, b: flag })),
  );
