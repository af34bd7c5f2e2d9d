// Entry of the engine host process (an Electron utilityProcess, or a forked Node process in
// browser mode). It owns compiling, running and solving; each run streams batched progress
// and ends with exactly one `ended`. It never logs: failures travel back as messages.

import { Batcher } from './batcher.ts';
import type { ReplyValue, HostEvent, HostRequest, RunFinal } from './protocol.ts';
import { connectParent } from './port.ts';
import type { RunArgs } from './engine-bridge.ts';

type Bridge = typeof import('./engine-bridge.ts');

const parent = connectParent();
const send = (e: HostEvent): void => parent.send(e);
const active = new Map<number, AbortController>(); // runId -> its cancel switch

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function loadEngine(): Promise<{ bridge: Bridge | null; problem: string | null }> {
  try {
    return { bridge: await import('./engine-bridge.ts'), problem: null };
  } catch (e) {
    return { bridge: null, problem: `the engine could not be loaded: ${messageOf(e)}` };
  }
}

function reply(id: number, work: () => Promise<ReplyValue> | ReplyValue): void {
  Promise.resolve()
    .then(work)
    .then(
      (value) => send({ type: 'reply', id, ok: true, value }),
      (e: unknown) => send({ type: 'reply', id, ok: false, error: messageOf(e) }),
    );
}

function stream(
  runId: number,
  work: (a: RunArgs) => Promise<RunFinal>,
  maxTokens: number | null,
  engine: RunArgs['engine'],
): void {
  const controller = new AbortController();
  active.set(runId, controller);
  const batcher = new Batcher((b) => send({ type: 'batch', runId, ...b }));
  const args: RunArgs = {
    engine,
    maxTokens,
    signal: controller.signal,
    onProgress: (p) => batcher.add(p.tokens, p.output, p.counters),
  };
  work(args)
    .then(
      (final) => {
        batcher.flush();
        send({ type: 'ended', runId, ok: true, final });
      },
      (e: unknown) => {
        batcher.flush();
        send({ type: 'ended', runId, ok: false, error: messageOf(e) });
      },
    )
    .finally(() => active.delete(runId));
}

function handle(bridge: Bridge | null, problem: string | null, r: HostRequest): void {
  if (r.type === 'cancel') {
    active.get(r.runId)?.abort();
    return;
  }
  const b = bridge;
  if (!b) {
    const error = problem ?? 'the engine is not available';
    if (r.type === 'run' || r.type === 'solve')
      send({ type: 'ended', runId: r.runId, ok: false, error });
    else send({ type: 'reply', id: r.id, ok: false, error });
    return;
  }
  switch (r.type) {
    case 'compile':
      return reply(r.id, () => b.compile(r.source));
    case 'parse':
      return reply(r.id, () => b.parse(r.text, r.format));
    case 'modelInfo':
      return reply(r.id, () => b.modelInfo());
    case 'run':
      return stream(r.runId, (a) => b.run(r.source, r.input, a), r.maxTokens, r.engine);
    case 'solve':
      return stream(r.runId, (a) => b.solve(r.problem, a), r.maxTokens, r.engine);
  }
}

const { bridge, problem } = await loadEngine();
parent.onRequest((r) => handle(bridge, problem, r));
send({ type: 'ready', pid: process.pid, problem });
