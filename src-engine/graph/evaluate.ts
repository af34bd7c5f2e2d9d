// The exact evaluator: runs the graph token by token straight from its definition, with no
// layers, slots or weight matrices. It is the check on the weight builder: the transformer
// built from the same graph must produce the same trace. For speed the graph is compiled once
// into a JavaScript function (one statement per node, in graph order); lookups keep their keys
// in the same convex-hull store the engine uses (its equality with a plain scan is tested on
// its own, and the engine tests run the scan too).

import { ConvexHull } from '../hull/convex-hull.ts';
import type { KeyStore } from '../hull/key-store.ts';
import type { Graph, Lin } from './graph.ts';
import { liveness } from './live.ts';

type Kernel = (
  token: number,
  p: number,
  v: Float64Array,
  tables: Float64Array[],
  stores: KeyStore[],
  buf: Float64Array,
) => void;

/** Nodes per compiled function. */
const CHUNK = 40;

const num = (x: number): string => (Object.is(x, -0) ? '0' : String(x));

/** A Lin as a JavaScript expression over the value array `v`. */
function linCode(lin: Lin): string {
  const parts = [num(lin.bias)];
  for (const [id, c] of lin.terms) parts.push(`${num(c)} * v[${id}]`);
  return `(${parts.join(' + ')})`;
}

export class GraphEvaluator {
  readonly values: Float64Array;
  private readonly kernel: Kernel;
  private readonly tables: Float64Array[] = [];
  private readonly stores: KeyStore[] = [];
  private readonly buf: Float64Array;
  private readonly logitRows: { lin: Lin; token: number }[] = [];
  private readonly constBest: { logit: number; token: number };
  private readonly argmax: (v: Float64Array) => number;
  private position = 0;

  constructor(graph: Graph) {
    const live = liveness(graph, graph.probes.values());
    this.values = new Float64Array(graph.nodes.length);
    const lines: string[] = [];
    const done = new Set<number>();
    let widest = 1;
    graph.nodes.forEach((n, id) => {
      if (n.kind === 'lookup') {
        if (!live.head[n.head] || done.has(n.head)) return;
        done.add(n.head);
        const h = graph.heads[n.head]!;
        widest = Math.max(widest, h.values.length);
        const s = this.stores.length;
        this.stores.push(new ConvexHull(h.tie, h.values.length, `graph head ${h.name}`));
        const div = h.tie === 'average' ? ` / stores[${s}].hit.count` : '';
        lines.push(
          [
            ...h.values.map((lin, j) => `buf[${j}] = ${linCode(lin)};`),
            `stores[${s}].insert(${linCode(h.key[0])}, ${linCode(h.key[1])}, p, buf, 0);`,
            `stores[${s}].query(${linCode(h.query[0])}, ${linCode(h.query[1])}, buf, 0);`,
            ...h.outputs.map((out, j) => `v[${out}] = buf[${j}]${div};`),
          ].join(' '),
        );
        return;
      }
      if (!live.node[id]) return;
      if (n.kind === 'embed') {
        lines.push(`v[${id}] = tables[${this.tables.length}][token];`);
        this.tables.push(n.table);
      } else if (n.kind === 'position') {
        lines.push(`v[${id}] = ${n.feature === 'p2' ? 'p * p' : 'p'};`);
      } else {
        // One line per node: the chunks below never split a node's sum.
        const units = n.units.map(
          (u) => `b = ${linCode(u.b)}; if (b > 0) s += ${num(u.c)} * (b * ${linCode(u.a)});`,
        );
        lines.push(`s = 0; ${units.join(' ')} v[${id}] = s;`);
      }
    });
    // V8 optimises small functions only, so the statements go into chunks called in order.
    const chunks: Kernel[] = [];
    for (let i = 0; i < lines.length; i += CHUNK) {
      const body = `let s = 0, b = 0;\n${lines.slice(i, i + CHUNK).join('\n')}`;
      chunks.push(new Function('token', 'p', 'v', 'tables', 'stores', 'buf', body) as Kernel);
    }
    this.kernel = (token, p, v, tables, stores, buf) => {
      for (const chunk of chunks) chunk(token, p, v, tables, stores, buf);
    };
    this.buf = new Float64Array(widest);

    // Logits: rows that read no node are constant; the others become one argmax function.
    let constBest = { logit: -Infinity, token: -1 };
    graph.logits.forEach((lin, token) => {
      if (lin.terms.size > 0) this.logitRows.push({ lin, token });
      else if (lin.bias > constBest.logit) constBest = { logit: lin.bias, token };
    });
    this.constBest = constBest;
    const rows = this.logitRows;
    const ids = rows.map(({ lin }) => Int32Array.from(lin.terms.keys()));
    const coefs = rows.map(({ lin }) => Float64Array.from(lin.terms.values()));
    this.argmax = (v) => {
      let best = constBest.logit;
      let tok = constBest.token;
      for (let r = 0; r < rows.length; r++) {
        const id = ids[r]!;
        const c = coefs[r]!;
        let x = rows[r]!.lin.bias;
        for (let i = 0; i < id.length; i++) x += c[i]! * v[id[i]!]!;
        const t = rows[r]!.token;
        if (x > best || (x === best && t < tok)) {
          best = x;
          tok = t;
        }
      }
      return tok;
    };
  }

  /** Feeds one token and returns the argmax of the logits at its position. */
  push(token: number): number {
    this.kernel(token, this.position++, this.values, this.tables, this.stores, this.buf);
    return this.argmax(this.values);
  }

  /** The value of an expression at the latest position (its nodes must be live). */
  read(lin: Lin): number {
    let s = lin.bias;
    for (const [id, c] of lin.terms) s += c * this.values[id]!;
    return s;
  }
}
