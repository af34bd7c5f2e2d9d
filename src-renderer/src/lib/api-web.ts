// The app's API for browser mode: calls go to the local web server over HTTP, events arrive
// on one WebSocket (reconnected after a drop), file dialogs are the browser's own picker and
// download. The same InweightsApi as the desktop preload's, so views never know which it is.

import type { AppEvent, InweightsApi, OpenedFile } from '../../../src-main/shared/api.ts';
import { type CallMethod, forwardCalls } from '../../../src-main/shared/api-calls.ts';
import { decodeEvent } from '../../../src-main/shared/event-codec.ts';

async function call<T>(method: CallMethod, arg?: unknown): Promise<T> {
  const res = await fetch(`/api/call/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ arg }),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: string };
  if (!body.ok) throw new Error(body.error);
  return body.value;
}

async function getTrace(runId: number): Promise<Int32Array> {
  const res = await fetch(`/api/trace/${runId}`);
  if (!res.ok) throw new Error(((await res.json()) as { error: string }).error);
  const view = new DataView(await res.arrayBuffer());
  const out = new Int32Array(view.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getInt32(4 * i, true);
  return out;
}

function openFile(extensions: string[]): Promise<OpenedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.onchange = () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      void file.text().then((text) => resolve({ name: file.name, text }));
    };
    input.oncancel = () => resolve(null);
    input.click();
  });
}

function saveFile(name: string, text: string): boolean {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** One WebSocket shared by all listeners, reopened a second after it drops. */
function eventSource(): (listener: (e: AppEvent) => void) => () => void {
  const listeners = new Set<(e: AppEvent) => void>();
  const connect = (): void => {
    const ws = new WebSocket(`ws://${location.host}/api/events`);
    ws.binaryType = 'arraybuffer';
    ws.onmessage = (m) => {
      const e = decodeEvent(new Uint8Array(m.data as ArrayBuffer));
      for (const l of listeners) l(e);
    };
    ws.onclose = () => setTimeout(connect, 1000);
  };
  connect();
  return (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}

export function createWebApi(): InweightsApi {
  const onEvent = eventSource();
  return {
    ...forwardCalls(call),
    // answered here, not by the server: the trace as binary, the browser's own file dialogs
    getTrace,
    openFile: (r) => openFile(r.filters.flatMap((f) => f.extensions)),
    saveFile: async (r) => saveFile(r.name, r.text),
    onEvent,
  };
}
