// The exact evaluator: runs the graph token by token, straight from its definition, with no
// layers, slots or weight matrices. It is the check on the weight builder: the transformer
// built from the same graph must produce the same trace.

import type { Graph, Lin } from './graph.ts';
import { liveness } from './live.ts';

interface CompiledLin {
  ids: Int32Array;
  coefs: Float64Array;
  bias: number;
}

const compile = (lin: Lin): CompiledLin => ({
  ids: Int32Array.from(lin.terms.keys()),
  coefs: Float64Array.from(lin.terms.values()),
  bias: lin.bias,
});

/** One distinct key of a head: the values of its latest writer, and their sum and count. */
interface KeyPoint {
  kx: number;
  ky: number;
  position: number;
  latest: Float64Array;
  sum: Float64Array;
  count: number;
}

type Step =
  | { kind: 'embed'; id: number; table: Float64Array }
  | { kind: 'position'; id: number; square: boolean }
  | { kind: 'ffn'; id: number; units: { a: CompiledLin; b: CompiledLin; c: number }[] }
  | { kind: 'head'; head: number };

export class GraphEvaluator {
  readonly values: Float64Array;
  private readonly steps: Step[] = [];
  private readonly heads: {
    tie: 'latest' | 'average';
    q: CompiledLin[];
    k: CompiledLin[];
    v: CompiledLin[];
    outputs: number[];
    points: Map<string, KeyPoint>;
  }[] = [];
  private readonly logits: CompiledLin[];
  private position = 0;

  constructor(graph: Graph) {
    const live = liveness(graph, graph.probes.values());
    this.values = new Float64Array(graph.nodes.length);
    const headStep = new Set<number>();
    graph.nodes.forEach((n, id) => {
      if (!live.node[id] && !(n.kind === 'lookup' && live.head[n.head])) return;
      if (n.kind === 'embed') this.steps.push({ kind: 'embed', id, table: n.table });
      else if (n.kind === 'position') {
        this.steps.push({ kind: 'position', id, square: n.feature === 'p2' });
      } else if (n.kind === 'ffn') {
        const units = n.units.map((u) => ({ a: compile(u.a), b: compile(u.b), c: u.c }));
        this.steps.push({ kind: 'ffn', id, units });
      } else if (!headStep.has(n.head)) {
        headStep.add(n.head);
        this.steps.push({ kind: 'head', head: n.head });
      }
    });
    for (const h of graph.heads) {
      this.heads.push({
        tie: h.tie,
        q: h.query.map(compile),
        k: h.key.map(compile),
        v: h.values.map(compile),
        outputs: h.outputs,
        points: new Map(),
      });
    }
    this.logits = graph.logits.map(compile);
  }

  /** The value of an expression at the latest position (inputs must be live nodes). */
  read(lin: Lin): number {
    return this.lin(compile(lin));
  }

  private lin(l: CompiledLin): number {
    let s = l.bias;
    for (let i = 0; i < l.ids.length; i++) s += l.coefs[i]! * this.values[l.ids[i]!]!;
    return s;
  }

  /** Feeds one token and returns the argmax of the logits at its position. */
  push(token: number): number {
    const p = this.position++;
    for (const st of this.steps) {
      if (st.kind === 'embed') this.values[st.id] = st.table[token]!;
      else if (st.kind === 'position') this.values[st.id] = st.square ? p * p : p;
      else if (st.kind === 'ffn') {
        let s = 0;
        for (const u of st.units) s += u.c * Math.max(this.lin(u.b), 0) * this.lin(u.a);
        this.values[st.id] = s;
      } else this.attend(st.head, p);
    }
    let best = 0;
    let bestLogit = -Infinity;
    for (let t = 0; t < this.logits.length; t++) {
      const v = this.lin(this.logits[t]!);
      if (v > bestLogit) {
        bestLogit = v;
        best = t;
      }
    }
    return best;
  }

  private attend(index: number, p: number): void {
    const h = this.heads[index]!;
    const kx = this.lin(h.k[0]!);
    const ky = this.lin(h.k[1]!);
    const v = Float64Array.from(h.v, (l) => this.lin(l));
    const id = `${kx},${ky}`;
    const point = h.points.get(id);
    if (point) {
      point.position = p;
      point.latest = v;
      for (let i = 0; i < v.length; i++) point.sum[i]! += v[i]!;
      point.count++;
    } else {
      h.points.set(id, { kx, ky, position: p, latest: v, sum: Float64Array.from(v), count: 1 });
    }
    const qx = this.lin(h.q[0]!);
    const qy = this.lin(h.q[1]!);
    let best = -Infinity;
    let winners: KeyPoint[] = [];
    for (const pt of h.points.values()) {
      const s = qx * pt.kx + qy * pt.ky;
      if (s > best) {
        best = s;
        winners = [pt];
      } else if (s === best) winners.push(pt);
    }
    if (h.tie === 'latest') {
      const w = winners.reduce((a, b) => (b.position > a.position ? b : a));
      h.outputs.forEach((id, i) => (this.values[id] = w.latest[i]!));
    } else {
      const count = winners.reduce((c, w) => c + w.count, 0);
      h.outputs.forEach((id, i) => {
        let s = 0;
        for (const w of winners) s += w.sum[i]!;
        this.values[id] = s / count;
      });
    }
  }
}
