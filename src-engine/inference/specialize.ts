// CompiledModel -> JavaScript functions with the weights written into their code: the same
// sparse products as sparse-kernels.ts, term for term in the same order, but without the
// loads of columns and weights from packed arrays, the padding lanes and the loop control.
// Most rows of a computed model hold one to four terms, so that overhead is most of the work
// of the packed kernels. The code is generated from numbers only (nothing else of the model
// reaches it), and each number is written in the shortest form that reads back exactly.
//
// Results equal the packed kernels' up to the sign of zero sums: padding terms (0 * x[zero])
// are left out, a row whose bias is 0 starts from its first term instead of 0 + term, and in
// a block whose units feed back into it a closed unit scatters its u = 0 like the others.

import type { CompiledLayer, CompiledModel } from './compile.ts';
import { LANES } from './sparse-kernels.ts';
import type { PackedRows } from './sparse-kernels.ts';

/**
 * A stretch of the forward pass between two attention queries: the residual updates of every
 * layer up to the projections of the heads of layer `queryLayer`, which the engine then
 * queries; -1 when the stretch ends elsewhere (the last layer, or a size limit).
 */
export interface Segment {
  /** proj receives the projections, out holds the previous query's head outputs. */
  readonly run: (x: Float64Array, proj: Float64Array, out: Float64Array, u: Float64Array) => void;
  readonly queryLayer: number;
}

export interface ModelKernels {
  /** The layers in order, cut into segments at every layer with heads. */
  readonly segments: readonly Segment[];
  /** y[k] = logit of unembedding row k (compiled rows only, in their order). */
  logits(x: Float64Array, y: Float64Array): void;
}

/** A generated function of the arrays it names and a gate floor (0: the ReLU). */
type Kernel = (...args: [...Float64Array[], number]) => void;

/**
 * Source characters per generated function: calls between generated functions cost about
 * as much as a unit each, so stretches are long, but V8 stops optimizing a function whose
 * bytecode exceeds 60 KB (about 80K characters of this code).
 */
const SEGMENT_CHARS = 40_000;

/** A weight as JavaScript source; String() gives the shortest digits that read back exactly. */
function num(w: number): string {
  if (!Number.isFinite(w)) throw new Error(`cannot specialize the non-finite weight ${w}`);
  const s = String(w);
  return w < 0 ? `(${s})` : s;
}

/** The entries of packed row r in stored order, padding left out. */
function entries(w: PackedRows, r: number, pad: number, lanes: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = r * lanes; i < (r + 1) * lanes; i++) {
    if (!(w.col[i] === pad && w.val[i] === 0)) out.push([w.col[i], w.val[i]]);
  }
  for (let e = w.restPtr[r]; e < w.restPtr[r + 1]; e++) out.push([w.restCol[e], w.restVal[e]]);
  return out;
}

/** `acc += w * src`, with w = 1 and w = -1 written without the product (both exact). */
function addTerm(acc: string, w: number, src: string): string {
  if (w === 1) return `${acc} += ${src};`;
  if (w === -1) return `${acc} -= ${src};`;
  return `${acc} += ${num(w)} * ${src};`;
}

/** Statements leaving bias_r + sum_e w_e x[c_e] in `acc` (declared by the caller). */
function dotCode(acc: string, w: PackedRows, r: number, pad: number): string[] {
  const terms = entries(w, r, pad, LANES);
  const bias = w.bias[r];
  if (terms.length === 0) return [`${acc} = ${num(bias)};`];
  const [c0, w0] = terms[0];
  const lines =
    bias === 0
      ? [`${acc} = ${w0 === 1 ? '' : `${num(w0)} * `}x[${c0}];`]
      : [`${acc} = ${num(bias)};`, addTerm(acc, w0, `x[${c0}]`)];
  for (const [c, v] of terms.slice(1)) lines.push(addTerm(acc, v, `x[${c}]`));
  return lines;
}

/** Statements adding row r of a lane-width-1 scatter matrix, scaled by `src`, into x. */
function scatterCode(w: PackedRows, r: number, src: string, pad: number): string[] {
  return entries(w, r, pad, 1).map(([c, v]) => addTerm(`x[${c}]`, v, src));
}

/**
 * A function of the arrays named in `params` and a gate floor, running `body`; `name` is the
 * script name profilers and stack traces show for it.
 */
function compile(name: string, params: string[], body: string[]): Kernel {
  const code = `'use strict';\nlet s, b, a, v, k;\n${body.join('\n')}\n//# sourceURL=${name}`;
  return new Function(...params, 'floor', code) as Kernel;
}

/** The residual slots that rows of `w` refer to (padding excluded), added to `into`. */
function slotsOf(w: PackedRows, pad: number, lanes: number, into: Set<number>): void {
  for (let r = 0; r < w.rows; r++) for (const [c] of entries(w, r, pad, lanes)) into.add(c);
}

/**
 * Runs of consecutive units whose gate rows hold the same terms and whose biases are sorted:
 * [first, last, +1 when the biases increase or -1 when they decrease]. A computed gate is a
 * float sum that starts from the bias, and rounding is monotone, so within such a run the
 * gate is monotone in the bias too: the open units are the ones of largest bias, one block at
 * one end of the run, and the first closed unit from that end closes all that follow.
 */
function gateRuns(gate: PackedRows, pad: number): [number, number, number][] {
  const terms = (i: number): string => JSON.stringify(entries(gate, i, pad, LANES));
  const runs: [number, number, number][] = [];
  for (let i = 0; i < gate.rows;) {
    let last = i;
    let dir = 0; // 0 while every bias so far is equal
    while (last + 1 < gate.rows && terms(last + 1) === terms(i)) {
      const d = Math.sign(gate.bias[last + 1] - gate.bias[last]);
      if (d !== 0 && dir !== 0 && d !== dir) break;
      if (d !== 0) dir = d;
      last++;
    }
    runs.push([i, last, dir > 0 ? 1 : -1]);
    i = last + 1;
  }
  return runs;
}

/**
 * One unit's `a` and its scatter, given its gate in `src`, statements for a direct layer.
 */
function unitCode(layer: CompiledLayer, net: CompiledModel, i: number, src: string): string[] {
  return [
    ...dotCode('a', layer.a, i, net.zeroSlot),
    `v = ${src} * a;`,
    ...scatterCode(layer.ffnOut, i, 'v', net.sinkSlot),
  ];
}

/**
 * A gate run in a direct layer, as flat code (a labelled block left at the first closed gate:
 * nesting each unit in the gate of the one before would nest thousands deep in wide blocks).
 * Decreasing biases: the units in order. Increasing biases: the gates from the last unit back
 * while they are open (kept in u; k = the first open unit), then the open units in order, so
 * every slot still receives its additions in unit order.
 */
function runCode(layer: CompiledLayer, net: CompiledModel, [first, last, dir]: number[]): string[] {
  const label = `run${first}`;
  const gate = (i: number): string[] => [
    ...dotCode('b', layer.gate, i, net.zeroSlot),
    `if (!(b > floor)) break ${label};`,
  ];
  const body: string[] = [];
  if (dir < 0) {
    body.push(`${label}: {`);
    for (let i = first; i <= last; i++) body.push(...gate(i), ...unitCode(layer, net, i, 'b'));
    body.push('}');
    return body;
  }
  body.push(`k = ${last + 1};`, `${label}: {`);
  for (let i = last; i >= first; i--) body.push(...gate(i), `u[${i}] = b;`, `k = ${i};`);
  body.push('}');
  for (let i = first; i <= last; i++) {
    body.push(`if (k <= ${i}) {`, ...unitCode(layer, net, i, `u[${i}]`), '}');
  }
  return body;
}

/**
 * The feed-forward block, as pieces of code that may go to different functions (u carries
 * the units from one to the next). When no unit writes a slot that any unit reads, each open
 * unit scatters right away; every slot still receives its additions in unit order, so the
 * sums are those of computing all units first; and runs of units that differ only in their
 * gate bias stop at the first closed gate (gateRuns). Otherwise the units are computed into u
 * first, then scattered.
 */
function feedForwardCode(layer: CompiledLayer, net: CompiledModel): string[][] {
  const pad = net.zeroSlot;
  const read = new Set<number>();
  slotsOf(layer.gate, pad, LANES, read);
  slotsOf(layer.a, pad, LANES, read);
  const written = new Set<number>();
  slotsOf(layer.ffnOut, net.sinkSlot, 1, written);
  if ([...written].every((slot) => !read.has(slot))) {
    return gateRuns(layer.gate, pad).map((run) => runCode(layer, net, run));
  }
  const units = Array.from({ length: layer.ffnWidth }, (_, i) => [
    ...dotCode('b', layer.gate, i, pad),
    'if (b > floor) {',
    ...dotCode('a', layer.a, i, pad),
    `u[${i}] = b * a;`,
    `} else u[${i}] = 0;`,
  ]);
  const scatters = Array.from({ length: layer.ffnWidth }, (_, i) =>
    scatterCode(layer.ffnOut, i, `u[${i}]`, net.sinkSlot),
  );
  return [...units, ...scatters];
}

/**
 * V8 optimizes a function for the paths it has seen run; code in a branch that never ran has
 * no type feedback, and reaching it later throws the optimized code away (a "deopt"). Units
 * that open only once the program runs would cost a deopt each, early in every decoding.
 * Calls on scratch arrays with every gate open (floor -Infinity), and with every gate closed
 * (floor +Infinity), record feedback for all of them; in use the floor is 0, the ReLU. V8
 * starts recording only after a few calls, hence the repetition.
 */
function warm(run: Kernel, net: CompiledModel): void {
  const x = new Float64Array(net.dModel + 2);
  const proj = new Float64Array(net.maxProjWidth);
  const out = new Float64Array(net.maxOutWidth);
  const u = new Float64Array(net.maxFfnWidth);
  for (let i = 0; i < 16; i++) run(x, proj, out, u, i % 2 === 0 ? -Infinity : Infinity);
}

/** Pieces of code of each layer in order, tagged with the layer whose heads come next. */
function layerCode(layer: CompiledLayer, l: number, net: CompiledModel): [string[], number][] {
  const ffn = feedForwardCode(layer, net).map((code): [string[], number] => [code, -1]);
  if (layer.heads === 0) return ffn;
  const project: string[] = [];
  for (let r = 0; r < layer.proj.rows; r++) {
    project.push(...dotCode('s', layer.proj, r, net.zeroSlot), `proj[${r}] = s;`);
  }
  const attendOut: string[] = [];
  for (let r = 0; r < layer.attnOut.rows; r++) {
    attendOut.push(...scatterCode(layer.attnOut, r, `out[${r}]`, net.sinkSlot));
  }
  return [[project, l], [attendOut, -1], ...ffn];
}

/**
 * The forward pass as segments: cut after each projection, and between pieces of code where a
 * segment would outgrow SEGMENT_CHARS (one piece longer than that stays whole).
 */
function segments(net: CompiledModel): Segment[] {
  const out: Segment[] = [];
  let body: string[] = [];
  let chars = 0;
  const close = (queryLayer: number): void => {
    const name = `segment${out.length}`;
    const code = compile(name, ['x', 'proj', 'out', 'u'], body);
    warm(code, net);
    out.push({ run: (x, proj, heads, u) => code(x, proj, heads, u, 0), queryLayer });
    body = [];
    chars = 0;
  };
  net.layers.forEach((layer, l) => {
    for (const [code, queryLayer] of layerCode(layer, l, net)) {
      const size = code.reduce((n, line) => n + line.length + 1, 0);
      if (chars > 0 && chars + size > SEGMENT_CHARS) close(-1);
      body.push(...code);
      chars += size;
      if (queryLayer >= 0) close(queryLayer);
    }
  });
  if (chars > 0 || out.length === 0) close(-1);
  return out;
}

export function specialize(net: CompiledModel): ModelKernels {
  const logits: string[] = [];
  for (let k = 0; k < net.unembed.rows; k++) {
    logits.push(...dotCode('s', net.unembed, k, net.zeroSlot), `y[${k}] = s;`);
  }
  const logitCode = compile('logits', ['x', 'y'], logits);
  return { segments: segments(net), logits: (x, y) => logitCode(x, y, 0) };
}
