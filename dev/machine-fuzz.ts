// Machine graph evaluator vs the reference on random IR programs.
import { GraphEvaluator } from '../src-engine/graph/evaluate.ts';
import { machineGraph } from '../src-engine/machine/build.ts';
import { buildPrompt } from '../src-engine/program/prompt.ts';
import { tokenName } from '../src-engine/program/vocab.ts';
import { STOP_TOKENS } from '../src-engine/trace/decode.ts';
import { runReference } from '../src-engine/reference/interpreter.ts';
import { randomIrCase } from '../src-engine/testing/random-ir.ts';

const g = machineGraph();
const from = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 20);
let fails = 0;
for (let seed = from; seed < from + count; seed++) {
  const c = randomIrCase(seed);
  const ref = runReference(c.program, c.input, { keepTrace: true, maxTokens: 20000 });
  const trace = ref.trace!;
  const ev = new GraphEvaluator(g);
  let next = 0;
  for (const tok of buildPrompt(c.program, c.input).tokens) next = ev.push(tok);
  let i = 0;
  for (; i < trace.length; i++) {
    if (next !== trace[i]) break;
    if (STOP_TOKENS.includes(next)) {
      i++;
      break;
    }
    next = ev.push(next);
  }
  if (i < trace.length) {
    fails++;
    const ctx = Array.from(trace.slice(Math.max(0, i - 12), i + 1), tokenName).join(' ');
    const pr = [...g.probes].map(([n, l]) => `${n}=${ev.read(l)}`).join(' ');
    const ops = [...Object.entries(g.probes)];
    void ops;
    console.log(pr);
    // Recover executed pcs from the trace: every step moves to pc+1 unless it records a target.
    const steps: { pc: number; at: number }[] = [];
    let pc = c.program.entry;
    for (let j = 0; j < i; j++) {
      const tk = trace[j]!;
      if (tk < 256) continue;
      steps.push({ pc, at: j });
      if (tk === 259 || tk === 260 || tk === 261) pc = trace[j + 1]! + 256 * trace[j + 2]!;
      else pc++;
    }
    for (const st of steps.slice(-8)) {
      const ins = c.program.instructions[st.pc]!;
      console.log(`  @${st.at} pc ${st.pc}: ${JSON.stringify(ins)}`);
    }
    console.log(
      `seed ${seed}: mismatch at ${i}/${trace.length}: ` +
        `want ${tokenName(trace[i]!)} got ${tokenName(next)}; ...${ctx}`,
    );
  } else console.log(`seed ${seed}: ok ${trace.length} tokens (${ref.end})`);
}
console.log(`${fails} failures`);
