// The one-word state of a live or replayed run shown beside its counters.

import type { LiveRun } from './live-run.svelte.ts';

export function statusText(live: LiveRun): string {
  if (live.running) return live.runId === null ? 'starting…' : `run ${live.runId}: running`;
  if (live.record) return `run ${live.record.id}: ${live.record.status}`;
  return 'idle';
}
