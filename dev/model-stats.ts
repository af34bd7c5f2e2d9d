// Where the per-token work of the machine model goes: nonzeros per kind of matrix.
import { machineGraph } from '../src-engine/machine/build.ts';
import { buildModel } from '../src-engine/weights/build.ts';
import { vocabulary } from '../src-engine/program/vocab.ts';

const model = buildModel(machineGraph(), vocabulary());
const w = model.weights;
let attn = 0,
  ffnA = 0,
  ffnB = 0,
  ffnOut = 0;
const perHead: [string, number][] = [];
model.config.layers.forEach((layer, l) => {
  layer.heads.forEach((h, i) => {
    const hw = w.layers[l]!.heads[i]!;
    const n =
      hw.q.weight.val.length + hw.k.weight.val.length + hw.v.weight.val.length + hw.o.val.length;
    attn += n;
    perHead.push([`L${l} ${h.name} dv=${h.dv}`, n]);
  });
  ffnA += w.layers[l]!.ffn.a.weight.val.length;
  ffnB += w.layers[l]!.ffn.b.weight.val.length;
  ffnOut += w.layers[l]!.ffn.out.val.length;
});
console.log({
  attn,
  ffnA,
  ffnB,
  ffnOut,
  unembed: w.unembed.weight.val.length,
  embedRowsNnz: w.embed.val.length,
});
perHead
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30)
  .forEach(([n, c]) => console.log(c, n));
const g = machineGraph();
const big: [string, number][] = [];
g.nodes.forEach((n) => {
  if (n.kind !== 'ffn') return;
  let nnz = 0;
  for (const u of n.units) nnz += u.a.terms.size + u.b.terms.size + 1;
  big.push([n.name, nnz]);
});
big
  .sort((a, b) => b[1] - a[1])
  .slice(0, 25)
  .forEach(([n, c]) => console.log('ffn', c, n));
