import { machineGraph } from '../src-engine/machine/build.ts';
import { liveness } from '../src-engine/graph/live.ts';
const g = machineGraph();
const live = liveness(g);
const groups = new Map<string, number>();
g.nodes.forEach((n, id) => {
  if (n.kind !== 'ffn' || !live.node[id]) return;
  const key = n.name
    .replace(/[0-9]+/g, '#')
    .split('.')
    .slice(0, 2)
    .join('.');
  groups.set(key, (groups.get(key) ?? 0) + n.units.length);
});
[...groups]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 30)
  .forEach(([k, u]) => console.log(u, k));
