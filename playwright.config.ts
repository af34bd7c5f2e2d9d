// End-to-end tests (e2e/*.spec.ts) in the system's Chromium against browser mode: the web
// server is started by Playwright on a free port (`npm run web` builds the renderer first).
// Playwright's own browser downloads are not used; INWEIGHTS_CHROMIUM overrides the binary.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

// Asks the OS for a free port once; worker processes inherit it through the environment.
function freePort(): string {
  const probe =
    "const s=require('net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' });
}

process.env['INWEIGHTS_E2E_PORT'] ??= freePort();
const port = Number(process.env['INWEIGHTS_E2E_PORT']);
const baseURL = `http://127.0.0.1:${port}/`;
// Each test run starts its server on an empty data folder (SQLite store) in the checkout. The
// folder is emptied at the start rather than removed at the end because the server, which holds
// the store open, is stopped only after every teardown hook; workers inherit the path.
if (process.env['INWEIGHTS_E2E_DATA'] === undefined) {
  const fresh = fileURLToPath(new URL('./e2e-data/', import.meta.url));
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh);
  process.env['INWEIGHTS_E2E_DATA'] = fresh;
}
const dataDir = process.env['INWEIGHTS_E2E_DATA'];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: process.env['CI'] !== undefined,
  retries: 0,
  // One server, one engine host and one store serve every test: the engine-kill test must not
  // hit another test's run, so tests run one at a time.
  workers: 1,
  reporter: 'list',
  use: {
    baseURL,
    headless: true,
    screenshot: 'on',
    launchOptions: {
      executablePath: process.env['INWEIGHTS_CHROMIUM'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
    // The same specs against the desktop app (e2e/fixtures.ts launches it with _electron);
    // each test skips with its reason where no Electron binary is installed.
    {
      name: 'electron',
      testIgnore: ['smoke.spec.ts', 'web-server.spec.ts'],
      use: { viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    command: `npm run web -- --port ${port} --data ${dataDir}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
