// Chooses the next token. Inside a step the next token is payload byte `off` of the step's
// payload value; at the end of a step it is the step token of the next instruction. Logits:
//   byte v:        2v·E - v²                   (peaks at v = E, the byte to emit: E² <= 65025)
//   step token T:  CLASS·(2·isEnd + sel_T - 2) (CLASS for the chosen T at a step's end,
//                                               at most -CLASS inside a step)
// so a step token wins exactly at a step's end, and the byte E everywhere else.

import type { Graph, Lin } from '../graph/graph.ts';
import { add, sub, sum } from '../graph/graph.ts';
import { and, gate, isZero, relu, select, step } from '../graph/ops.ts';
import { Machine } from '../program/opcodes.ts';
import { Tok, VOCAB_SIZE } from '../program/vocab.ts';
import type { Alu } from './alu.ts';
import { lowBytes } from './bits.ts';
import { CLASS } from './constants.ts';
import type { Control } from './control.ts';
import type { Fetched } from './fetch.ts';
import type { Operands } from './operands.ts';
import type { Role } from './role.ts';

export interface NextInputs {
  r: Role;
  ctl: Control;
  next: Fetched;
  x: Operands;
  alu: Alu;
  returnTo: Lin;
  loadAddress: Lin;
}

const anyOf = (op: Fetched['op'], ...names: string[]): Lin => add(...names.map((n) => op[n]!));

/** The value whose bytes the current step emits as its payload. */
function payload(g: Graph, n: NextInputs): Lin {
  const { r, ctl, next, x } = n;
  const op = next.op;
  const clamp = relu(g, 'next.tableOver', sub(x.A.v, next.imm));
  const tableTarget = sum([1, ctl.pc], [1, 1], [1, x.A.v], [-1, clamp]);
  const jump = add(
    next.target,
    gate(g, 'next.table', op['BR_TABLE']!, sub(tableTarget, next.target)),
  );
  return select(g, 'next.payload', [
    [r.k.W, n.alu.result],
    [r.k.S, x.B.v],
    [r.k.J, jump],
    [r.k.C, sum([1, next.target], [65536, ctl.depth], [65536, 1])],
    [r.k.R, sum([1, n.returnTo], [65536, ctl.depth], [-65536, 1])],
    [r.k.O, x.A.v],
    [r.k.X, x.A.v],
  ]);
}

/** One 0/1 flag per step token: which step the next instruction produces. */
function stepChoice(g: Graph, n: NextInputs): Map<number, Lin> {
  const { next, x, ctl, alu } = n;
  const op = next.op;
  const zeroA = relu(g, 'next.zeroA', sum([1, 1], [-1, x.A.v]));
  const loads = anyOf(op, 'LOAD8_S', 'LOAD8_U', 'LOAD16_S', 'LOAD16_U', 'LOAD32');
  const stores = anyOf(op, 'STORE8', 'STORE16', 'STORE32');
  const size = sum(
    [1, anyOf(op, 'LOAD8_S', 'LOAD8_U', 'STORE8')],
    [2, anyOf(op, 'LOAD16_S', 'LOAD16_U', 'STORE16')],
    [4, anyOf(op, 'LOAD32', 'STORE32')],
  );
  const outside = step(
    g,
    'next.outside',
    sum([1, n.loadAddress], [1, size], [-1, Machine.MEM_SIZE + 1]),
  );
  const oobLoad = and(g, 'next.oobLoad', loads, outside);
  const oobStore = and(g, 'next.oobStore', stores, outside);
  const atMax = step(g, 'next.atMaxDepth', sum([1, ctl.depth], [-Machine.MAX_DEPTH, 1]));
  const stackFull = and(g, 'next.stackFull', op['CALL']!, atMax);
  const depthOne = relu(g, 'next.depthOne', sum([2, 1], [-1, ctl.depth]));
  const writes = anyOf(
    op,
    ...['MOV', 'ADD', 'SUB', 'MUL', 'DIV_S', 'DIV_U', 'REM_S', 'REM_U', 'AND', 'OR', 'XOR']
      .concat(['SHL', 'SHR_S', 'SHR_U', 'ROTL', 'ROTR', 'CLZ', 'CTZ', 'POPCNT', 'EQZ', 'EQ'])
      .concat(['NE', 'LT_S', 'LT_U', 'LE_S', 'LE_U', 'EXTEND8_S', 'EXTEND16_S', 'SELECT'])
      .concat(['LOAD8_S', 'LOAD8_U', 'LOAD16_S', 'LOAD16_U', 'LOAD32', 'GETCHAR']),
  );
  return new Map<number, Lin>([
    [Tok.W, sum([1, writes], [-1, alu.divideByZero], [-1, alu.overflow], [-1, oobLoad])],
    [Tok.S, sub(stores, oobStore)],
    [
      Tok.N,
      add(
        and(g, 'next.brIfNo', op['BR_IF']!, zeroA),
        relu(g, 'next.brIfzNo', sub(op['BR_IFZ']!, zeroA)),
      ),
    ],
    [
      Tok.J,
      add(
        op['BR']!,
        op['BR_TABLE']!,
        relu(g, 'next.brIfYes', sub(op['BR_IF']!, zeroA)),
        and(g, 'next.brIfzYes', op['BR_IFZ']!, zeroA),
      ),
    ],
    [Tok.C, sub(op['CALL']!, stackFull)],
    [Tok.R, relu(g, 'next.ret', sub(op['RET']!, depthOne))],
    [Tok.O, op['OUT']!],
    [Tok.X, op['EXIT']!],
    [Tok.H, add(op['HALT']!, and(g, 'next.retMain', op['RET']!, depthOne))],
    [Tok.T_DIV0, alu.divideByZero],
    [Tok.T_OVF, alu.overflow],
    [Tok.T_OOB, add(oobLoad, oobStore)],
    [Tok.T_UNREACH, op['UNREACHABLE']!],
    [Tok.T_STACK, stackFull],
  ]);
}

/** A selection flag with many terms is stored in one slot, so its logit row stays short. */
const short = (g: Graph, token: number, sel: Lin): Lin =>
  sel.terms.size <= 2 ? sel : g.ffn(`next.sel${token}`, [{ a: sel, b: 1 }]);

export function nextTokenLogits(g: Graph, n: NextInputs): Lin[] {
  const bytes = lowBytes(g, 'next.bytes', payload(g, n));
  const emit = select(
    g,
    'next.byte',
    [0, 1, 2, 3].map((j): [Lin, Lin] => [
      isZero(g, `next.off${j}`, sum([1, n.r.off], [-j, 1])),
      bytes[j]!,
    ]),
  );
  const isEnd = n.ctl.isEnd;
  const choice = stepChoice(g, n);
  const logits: Lin[] = new Array<Lin>(VOCAB_SIZE);
  for (let t = 0; t < VOCAB_SIZE; t++) {
    const sel = choice.get(t);
    if (t < 256) logits[t] = sum([2 * t, emit], [-t * t, 1]);
    else if (sel) logits[t] = sum([2 * CLASS, isEnd], [CLASS, short(g, t, sel)], [-2 * CLASS, 1]);
    else logits[t] = sum([-2 * CLASS, 1]);
  }
  return logits;
}
