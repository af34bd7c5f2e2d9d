// `npm start`: builds the app and opens it in Electron. Electron 42+ downloads its binary on
// first use; where it is absent (an offline machine) this says so at once instead of
// attempting the download, and points to the browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** True if the Electron binary is on disk (never triggers electron's download). */
function electronAvailable() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return false;
  }
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  return relative !== '' && existsSync(join(distDir, relative));
}

function electronVite(...args) {
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const result = spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!electronAvailable()) {
  console.log(
    'Electron is not available on this machine; run the browser mode instead: npm run web',
  );
  process.exit(1);
}
electronVite('build');
electronVite('preview', '--skipBuild');
