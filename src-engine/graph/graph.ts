// The computation graph that describes the machine. Every value is one of the primitives that
// a transformer layer realises: a token-embedding value, a position feature, a gated FFN sum
// Σ c·relu(b)·a, or an output of a 2-D hard-max lookup. Linear combinations are not nodes: a
// `Lin` is folded into whatever consumes it (a projection row), so it costs nothing.
// Scheduling into layers and residual slots is the weight builder's job, not this file's.

export type NodeId = number;
export type TieRule = 'latest' | 'average';
export type PositionFeature = 'p' | 'p2';

/** A linear expression Σ coef·node + bias over graph nodes. Immutable. */
export class Lin {
  constructor(
    readonly terms: ReadonlyMap<NodeId, number>,
    readonly bias: number,
  ) {}

  static of(node: NodeId): Lin {
    return new Lin(new Map([[node, 1]]), 0);
  }

  static const(c: number): Lin {
    return new Lin(new Map(), c);
  }
}

export type Expr = Lin | number;

const asLin = (e: Expr): Lin => (typeof e === 'number' ? Lin.const(e) : e);

/** Σ coef·expr: the only way expressions combine. */
export function sum(...parts: [number, Expr][]): Lin {
  const terms = new Map<NodeId, number>();
  let bias = 0;
  for (const [coef, expr] of parts) {
    if (coef === 0) continue;
    const e = asLin(expr);
    bias += coef * e.bias;
    for (const [id, c] of e.terms) {
      const v = (terms.get(id) ?? 0) + coef * c;
      if (v === 0) terms.delete(id);
      else terms.set(id, v);
    }
  }
  return new Lin(terms, bias);
}

export const add = (...xs: Expr[]): Lin => sum(...xs.map((x): [number, Expr] => [1, x]));
export const sub = (x: Expr, y: Expr): Lin => sum([1, x], [-1, y]);
export const scale = (c: number, x: Expr): Lin => sum([c, x]);

/** One gated unit of an FFN node: contributes c·relu(b)·a. */
export interface Unit {
  a: Lin;
  b: Lin;
  c: number;
}

export type GraphNode =
  | { kind: 'embed'; name: string; table: Float64Array }
  | { kind: 'position'; name: string; feature: PositionFeature }
  | { kind: 'ffn'; name: string; units: Unit[] }
  | { kind: 'lookup'; name: string; head: number; index: number };

export interface Head {
  name: string;
  tie: TieRule;
  query: [Lin, Lin];
  key: [Lin, Lin];
  values: Lin[];
  /** the lookup nodes carrying each value */
  outputs: NodeId[];
}

export class Graph {
  readonly nodes: GraphNode[] = [];
  readonly heads: Head[] = [];
  /** logits[token] is the expression whose argmax picks the next token */
  logits: Lin[] = [];
  /** named expressions worth inspecting when a trace goes wrong (not part of the model) */
  readonly probes = new Map<string, Lin>();

  constructor(readonly vocabSize: number) {}

  embed(name: string, value: (token: number) => number): Lin {
    const table = new Float64Array(this.vocabSize);
    for (let t = 0; t < this.vocabSize; t++) table[t] = value(t);
    return this.add({ kind: 'embed', name, table });
  }

  position(feature: PositionFeature): Lin {
    return this.add({ kind: 'position', name: feature, feature });
  }

  /** A node holding Σ c·relu(b)·a over its units. */
  ffn(name: string, units: { a: Expr; b: Expr; c?: number }[]): Lin {
    const built = units.map((u) => ({ a: asLin(u.a), b: asLin(u.b), c: u.c ?? 1 }));
    return this.add({ kind: 'ffn', name, units: built });
  }

  /** A hard-max lookup: the values of the key(s) with the largest query·key score. */
  lookup(
    name: string,
    spec: { query: [Expr, Expr]; key: [Expr, Expr]; values: Expr[]; tie: TieRule },
  ): Lin[] {
    const head = this.heads.length;
    const outputs: NodeId[] = [];
    const lins = spec.values.map((_, index) => {
      outputs.push(this.nodes.length);
      return this.add({ kind: 'lookup', name: `${name}.${index}`, head, index });
    });
    this.heads.push({
      name,
      tie: spec.tie,
      query: [asLin(spec.query[0]), asLin(spec.query[1])],
      key: [asLin(spec.key[0]), asLin(spec.key[1])],
      values: spec.values.map(asLin),
      outputs,
    });
    return lins;
  }

  private add(node: GraphNode): Lin {
    this.nodes.push(node);
    return Lin.of(this.nodes.length - 1);
  }
}
