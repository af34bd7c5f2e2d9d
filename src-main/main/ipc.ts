// The main process's end of the preload API: one invoke channel for calls, checked for the
// sending frame and validated before dispatch; native dialogs for open and save; backend
// events pushed to the window on one channel.

import fs from 'node:fs/promises';
import path from 'node:path';
import { type BrowserWindow, dialog, ipcMain } from 'electron';
import type { AppEvent, OpenedFile } from '../shared/api.ts';
import { validateCall } from '../shared/validate.ts';
import type { Backend } from '../service/backend.ts';
import { dispatch, isBackendCall } from '../service/dispatch.ts';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels.ts';
import { isAppFrame } from './window.ts';

export type CallReply = { ok: true; value: unknown } | { ok: false; error: string };

export function serveApi(
  backend: Backend,
  window: () => BrowserWindow | null,
  devUrl: string | undefined,
): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, arg: unknown): Promise<CallReply> => {
    try {
      if (!isAppFrame(event.senderFrame?.url ?? '', devUrl)) throw new Error('unknown sender');
      if (typeof method !== 'string') throw new Error('call name must be a string');
      return { ok: true, value: await call(backend, window(), method, arg) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  });
  backend.onEvent((e: AppEvent) => window()?.webContents.send(EVENT_CHANNEL, e));
}

async function call(backend: Backend, win: BrowserWindow | null, method: string, arg: unknown) {
  if (isBackendCall(method)) return dispatch(backend, method, arg);
  if (method === 'openFile') return openFile(win, validateCall('openFile', arg).filters);
  if (method === 'saveFile') return saveFile(win, validateCall('saveFile', arg));
  throw new Error(`no call named ${method}`);
}

type Filters = { name: string; extensions: string[] }[];

async function openFile(win: BrowserWindow | null, filters: Filters): Promise<OpenedFile | null> {
  const options = { properties: ['openFile' as const], filters };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = r.filePaths[0];
  if (r.canceled || !file) return null;
  return { name: path.basename(file), text: await fs.readFile(file, 'utf8') };
}

async function saveFile(
  win: BrowserWindow | null,
  req: { name: string; text: string; filters: Filters },
): Promise<boolean> {
  const options = { defaultPath: req.name, filters: req.filters };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return false;
  await fs.writeFile(r.filePath, req.text, 'utf8');
  return true;
}
