// The renderer's one subscription to the host's events, fanned out by kind. Progress of a run
// that no view has claimed yet (its id is still on its way back from solve/startRun) is held
// briefly, so the first batches are never lost to that race.

import type { AppEvent, RunRecord } from '../../../src-main/shared/api.ts';
import { api } from './api.ts';

export type Progress = Extract<AppEvent, { type: 'progress' }>;

export interface RunListener {
  progress(e: Progress): void;
  ended(run: RunRecord): void;
}

const claimed = new Map<number, RunListener>();
const held = new Map<number, AppEvent[]>(); // runId -> events before anyone claimed it
const others = new Set<(e: AppEvent) => void>();
const HOLD_MS = 10_000;

api.onEvent((e) => {
  if (e.type === 'progress' || e.type === 'run-ended') {
    const runId = e.type === 'progress' ? e.runId : e.run.id;
    const l = claimed.get(runId);
    if (l) deliver(l, e);
    else hold(runId, e);
  }
  for (const o of others) o(e);
});

function deliver(l: RunListener, e: AppEvent): void {
  if (e.type === 'progress') l.progress(e);
  else if (e.type === 'run-ended') l.ended(e.run);
}

function hold(runId: number, e: AppEvent): void {
  if (!held.has(runId)) {
    held.set(runId, []);
    setTimeout(() => held.delete(runId), HOLD_MS);
  }
  held.get(runId)!.push(e);
}

/** Routes a run's events to `l` from now on, after the ones that came before. */
export function claimRun(runId: number, l: RunListener): () => void {
  claimed.set(runId, l);
  for (const e of held.get(runId) ?? []) deliver(l, e);
  held.delete(runId);
  return () => {
    if (claimed.get(runId) === l) claimed.delete(runId);
  };
}

/** Every event (engine status, menu commands, ends of any run). */
export function onAnyEvent(listener: (e: AppEvent) => void): () => void {
  others.add(listener);
  return () => others.delete(listener);
}
