// Electron main process: one instance, one window. It opens the store in the user data
// folder, starts the engine in a utility process (restarted when it dies) and serves the
// preload's API; the renderer never waits on engine work, it gets events.
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { openBackend } from '../service/open.ts';
import type { Backend } from '../service/backend.ts';
import { serveApi } from './ipc.ts';
import { logger } from './log.ts';
import { installMenu } from './menu.ts';
import { spawnUtilityHost } from './spawn-utility.ts';
import { createWindow } from './window.ts';

const here = import.meta.dirname; // out/main after the build
const devUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
let window: BrowserWindow | null = null;
let backend: Backend | null = null;

/** resources/ of the source tree, or its copy beside a packaged app (electron-builder.yml). */
function resourcesDir(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'resources')
    : path.join(app.getAppPath(), 'resources');
}

function start(): void {
  const opened = openBackend({
    // INWEIGHTS_DATA points the end-to-end tests at a fresh folder
    dataDir: process.env['INWEIGHTS_DATA'] ?? app.getPath('userData'),
    examplesDir: path.join(resourcesDir(), 'programs'),
    spawnHost: () => spawnUtilityHost(here, resourcesDir()),
    log: logger,
  });
  backend = opened.backend;
  app.on('will-quit', () => {
    backend?.close();
    opened.db.close();
  });
  serveApi(opened.backend, () => window, devUrl);
  installMenu((command) => window?.webContents.send('inweights:event', { type: 'menu', command }));
  window = createWindow(here, devUrl);
  window.on('closed', () => (window = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  void app.whenReady().then(() => {
    try {
      start();
    } catch (e) {
      logger.error(`could not start: ${e instanceof Error ? e.stack : String(e)}`);
      app.exit(1);
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0 && backend) window = createWindow(here, devUrl);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
