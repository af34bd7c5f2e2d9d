// The one-word state of a live or replayed run shown beside its counters, and how a stored run
// ended: its end reason, with the program's exit status when it halted.

import type { RunRecord } from '../../../src-main/shared/api.ts';
import type { LiveRun } from './live-run.svelte.ts';

export function statusText(live: LiveRun): string {
  if (live.running) return live.runId === null ? 'starting…' : `run ${live.runId}: running`;
  if (live.record) return `run ${live.record.id}: ${live.record.status}`;
  return 'idle';
}

/**
 * How a stored run ended, e.g. "halted, exit status 3"; null while it runs and where its status
 * already says it (cancelled, failed, interrupted).
 */
export function endText(run: RunRecord | null): string | null {
  switch (run?.end) {
    case 'halted':
      return run.exitStatus === null ? 'halted' : `halted, exit status ${run.exitStatus}`;
    case 'trap':
      return 'trapped';
    case 'limit':
      // the native engine generates no tokens: its limit is on the output
      return `stopped at the ${run.engine === 'native' ? 'output' : 'token'} limit`;
    default:
      return null; // cancelled (the status says so), failed, interrupted or still running
  }
}
