// The `app` fixture the specs use, so one spec runs against both targets: browser mode (the
// project's web server in Chromium) and, in the `electron` project, the desktop app launched
// with Playwright's _electron (skipped with its reason where no Electron binary exists).

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  _electron,
  test as base,
  expect,
  type ElectronApplication,
  type Page,
} from '@playwright/test';

export const root = join(import.meta.dirname, '..');
export const cases = join(root, '../shared/cases');

export interface App {
  page: Page;
  electron: ElectronApplication | null;
  /** chooses `file` in the next open-file request (file chooser or native dialog) */
  pickFile(file: string, open: () => Promise<void>): Promise<void>;
  /** the engine process id shown in the status bar */
  enginePid(): Promise<number>;
}

/** Why the desktop app cannot be launched here, or null when it can. */
function electronMissing(): string | null {
  const pkg = join(root, 'node_modules/electron');
  if (!existsSync(join(pkg, 'path.txt'))) {
    return 'no Electron binary is installed (it downloads on first use, offline here)';
  }
  if (!existsSync(join(root, 'out/main/index.js'))) return 'the app is not built (npm run build)';
  return null;
}

async function launchElectron(data: string): Promise<ElectronApplication> {
  const binary = createRequire(import.meta.url)('electron') as unknown as string;
  return _electron.launch({
    executablePath: binary,
    args: [join(root, 'out/main/index.js')],
    env: { ...process.env, INWEIGHTS_DATA: data },
  });
}

export const test = base.extend<{ app: App }>({
  app: async ({ page }, use, info) => {
    let electron: ElectronApplication | null = null;
    let data: string | null = null;
    let target = page;
    if (info.project.name === 'electron') {
      const missing = electronMissing();
      test.skip(missing !== null, `desktop app: ${missing}`);
      data = mkdtempSync(join(tmpdir(), 'inweights-electron-'));
      electron = await launchElectron(data);
      target = await electron.firstWindow();
    } else {
      await page.goto('/');
    }
    await expect(target.getByTestId('engine-status')).toContainText('ready', { timeout: 30_000 });
    await use({
      page: target,
      electron,
      pickFile: async (file, open) => {
        if (electron) {
          await electron.evaluate(({ dialog }, path) => {
            dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [path] });
          }, file);
          await open();
        } else {
          const chooser = target.waitForEvent('filechooser');
          await open();
          await (await chooser).setFiles(file);
        }
      },
      enginePid: async () => {
        const text = (await target.getByTestId('engine-status').textContent()) ?? '';
        const m = /pid (\d+)/.exec(text);
        if (!m) throw new Error(`no engine pid in the status bar: "${text}"`);
        return Number(m[1]);
      },
    });
    await electron?.close();
    if (data !== null) rmSync(data, { recursive: true, force: true });
  },
});

/** Fails at once, saying why, when the status bar reports that the engine could not load. */
export async function needEngine(app: App): Promise<void> {
  const status = app.page.getByTestId('engine-status');
  await expect(status, 'the engine host must load src-engine').not.toContainText(
    'could not be loaded',
  );
}

/** Saves a screenshot of the page as a named test artifact. */
export async function snapshot(app: App, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await app.page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

export { expect };
