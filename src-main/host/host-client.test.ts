import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../shared/logger.ts';
import { HostClient, type RunHandlers } from './host-client.ts';
import { spawnForkedHost } from './spawn-fork.ts';

const FIXTURE = path.join(import.meta.dirname, 'fixtures/ticking-host.ts');
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
let client: HostClient | null = null;
afterEach(() => client?.close());

const until = async (ok: () => boolean, ms = 15_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

function runOn(c: HostClient, runId: number) {
  const seen = { batches: 0, end: null as null | Parameters<RunHandlers['onEnd']>[0] };
  const request = {
    type: 'run' as const,
    runId,
    source: '',
    input: '',
    engine: 'transformer' as const,
    maxTokens: null,
  };
  c.stream(request, { onBatch: () => seen.batches++, onEnd: (r) => (seen.end = r) });
  return seen;
}

describe('HostClient', () => {
  it('ends a run with an error when the host dies, restarts it, and runs again', async () => {
    const c = (client = new HostClient(() => spawnForkedHost(FIXTURE), quiet));
    const first = runOn(c, 1);
    await until(() => first.batches > 0);
    const pid = c.status.pid!;
    process.kill(pid, 'SIGKILL');
    await until(() => first.end !== null);
    expect(first.end).toMatchObject({ ok: false });
    await until(() => c.status.state === 'ready' && c.status.pid !== pid);
    expect(c.status.restarts).toBe(1);
    const second = runOn(c, 2);
    await until(() => second.batches > 0);
    c.cancel(2);
    await until(() => second.end !== null);
    expect(second.end).toMatchObject({ ok: true, final: { cancelled: true } });
  });

  it("passes the host's refusal of a request back as a rejected promise", async () => {
    const c = (client = new HostClient(() => spawnForkedHost(FIXTURE), quiet));
    await expect(c.compile('int main(void){}')).rejects.toThrow(/no engine in this fixture/);
  });
});
