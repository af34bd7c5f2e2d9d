// Checks that the weights match the config: every sparse matrix has the shape the config
// implies, row pointers are monotone, columns are in range, and every number is finite
// (an infinite weight would turn a zero product into NaN and break exactness).

import { EngineError } from './errors.ts';
import type { ModelConfig, ModelWeights, Projection, SparseMatrix } from './types.ts';

function bad(name: string, message: string): never {
  throw new EngineError('MODEL_TENSOR', `tensor ${name}: ${message}`);
}

function checkFinite(name: string, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) bad(name, `entry ${i} is ${values[i]}, must be finite`);
  }
}

export function checkSparse(name: string, m: SparseMatrix, rows: number, cols: number): void {
  if (m.rows !== rows || m.cols !== cols) {
    bad(name, `expected a ${rows} x ${cols} matrix, found ${m.rows} x ${m.cols}`);
  }
  if (m.rowPtr.length !== rows + 1) {
    bad(name, `rowptr has ${m.rowPtr.length} entries, expected ${rows + 1}`);
  }
  const nnz = m.col.length;
  if (m.val.length !== nnz || m.rowPtr[0] !== 0 || m.rowPtr[rows] !== nnz) {
    bad(name, `rowptr must run from 0 to ${nnz} (col has ${nnz}, val has ${m.val.length})`);
  }
  for (let r = 0; r < rows; r++) {
    if (m.rowPtr[r + 1] < m.rowPtr[r]) bad(name, `rowptr decreases at row ${r}`);
  }
  for (let e = 0; e < nnz; e++) {
    if (m.col[e] < 0 || m.col[e] >= cols) bad(name, `column ${m.col[e]} of entry ${e} >= ${cols}`);
  }
  checkFinite(name, m.val);
}

function checkProjection(name: string, p: Projection, rows: number, cols: number): void {
  checkSparse(name, p.weight, rows, cols);
  if (p.bias.length !== rows) {
    bad(`${name}.bias`, `has ${p.bias.length} entries, expected ${rows}`);
  }
  checkFinite(`${name}.bias`, p.bias);
}

export function validateWeights(config: ModelConfig, w: ModelWeights): void {
  const d = config.dModel;
  const vocab = config.vocab.length;
  checkSparse('embed', w.embed, vocab, d);
  checkProjection('unembed', w.unembed, vocab, d);
  if (w.layers.length !== config.layers.length) {
    bad('layers', `${w.layers.length} layers of weights, config has ${config.layers.length}`);
  }
  config.layers.forEach((layer, l) => {
    const lw = w.layers[l];
    if (lw.heads.length !== layer.heads.length) {
      bad(`layers.${l}`, `${lw.heads.length} heads of weights, config has ${layer.heads.length}`);
    }
    layer.heads.forEach((head, h) => {
      const hw = lw.heads[h];
      const at = `layers.${l}.heads.${h}`;
      checkProjection(`${at}.q`, hw.q, 2, d);
      checkProjection(`${at}.k`, hw.k, 2, d);
      checkProjection(`${at}.v`, hw.v, head.dv, d);
      checkSparse(`${at}.o`, hw.o, head.dv, d);
    });
    const m = layer.ffnWidth;
    checkProjection(`layers.${l}.ffn.a`, lw.ffn.a, m, d);
    checkProjection(`layers.${l}.ffn.b`, lw.ffn.b, m, d);
    checkSparse(`layers.${l}.ffn.out`, lw.ffn.out, m, d);
  });
}
