// Electron main process: owns the app lifecycle and the single window. The window is
// sandboxed (contextIsolation on, no Node in the page); the page reaches the main process
// only through the preload's typed API.
import { join } from 'node:path';
import { app, BrowserWindow, shell } from 'electron';
import { VERSION_SWITCH } from '../preload/api.ts';

const here = import.meta.dirname; // out/main after the build

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    title: 'Inweights',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      additionalArguments: [`${VERSION_SWITCH}${app.getVersion()}`],
    },
  });
  window.once('ready-to-show', () => window.show());
  guardNavigation(window);

  // electron-vite dev serves the renderer over HTTP; a build loads it from disk.
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  if (!app.isPackaged && devUrl !== undefined) {
    void window.loadURL(devUrl);
  } else {
    void window.loadFile(join(here, '../renderer/index.html'));
  }
  return window;
}

// The page never navigates away or opens app windows; https links go to the system browser.
function guardNavigation(window: BrowserWindow): void {
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

void app.whenReady().then(() => {
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
