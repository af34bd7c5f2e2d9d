// Preload of the app window: runs sandboxed and exposes the typed InweightsApi as
// `window.inweights`. Each method forwards one call over a single IPC channel (the main
// process validates it); events come back on another. Nothing else of Electron leaks out.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppEvent, InweightsApi } from '../shared/api.ts';
import { type CallMethod, forwardCalls } from '../shared/api-calls.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels.ts';

type Reply = { ok: true; value: unknown } | { ok: false; error: string };

async function call<T>(method: CallMethod, arg?: unknown): Promise<T> {
  const reply = (await ipcRenderer.invoke(CALL_CHANNEL, method, arg)) as Reply;
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as T;
}

const api: InweightsApi = {
  ...forwardCalls(call),
  onEvent: (listener) => {
    const handler = (_e: IpcRendererEvent, event: AppEvent) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => void ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('inweights', api);
