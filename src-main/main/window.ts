// The single app window with secure defaults: context isolation, a sandboxed renderer without
// Node, no navigation, no new windows, no permissions, and no request that leaves the app's
// own files (the renderer's Content-Security-Policy says the same from inside the page).

import path from 'node:path';
import { BrowserWindow, session, shell } from 'electron';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'";

export function createWindow(dir: string, devUrl: string | undefined): BrowserWindow {
  lockDownSession(devUrl);
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Inweights',
    show: false,
    webPreferences: {
      preload: path.join(dir, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (devUrl !== undefined) void window.loadURL(devUrl);
  else void window.loadFile(path.join(dir, '../renderer/index.html'));
  return window;
}

/** Only the app's files (or the dev server) may load; every permission request is denied. */
function lockDownSession(devUrl: string | undefined): void {
  const s = session.defaultSession;
  s.setPermissionRequestHandler((_wc, _permission, done) => done(false));
  s.webRequest.onBeforeRequest((details, done) => {
    const local =
      details.url.startsWith('file://') ||
      details.url.startsWith('devtools://') ||
      (devUrl !== undefined && details.url.startsWith(new URL(devUrl).origin));
    done({ cancel: !local });
  });
  s.webRequest.onHeadersReceived((details, done) => {
    done({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
  });
}

/** True when an IPC message comes from the app's own page, not from anything else. */
export function isAppFrame(url: string, devUrl: string | undefined): boolean {
  if (devUrl !== undefined) return url.startsWith(new URL(devUrl).origin);
  return url.startsWith('file://') && url.includes('/renderer/index.html');
}
