// Preload of the renderer window: runs sandboxed, with only `electron` and a few Node
// globals available, and exposes the typed InweightsApi as `window.inweights`.
// Everything the page may ask of the main process passes through here.
import { contextBridge } from 'electron';
import { VERSION_SWITCH, type InweightsApi } from './api.ts';

function versionFromArgv(argv: readonly string[]): string {
  const arg = argv.find((a) => a.startsWith(VERSION_SWITCH));
  if (arg === undefined) {
    throw new Error(`preload: expected a ${VERSION_SWITCH}<version> switch from the main process`);
  }
  return arg.slice(VERSION_SWITCH.length);
}

const api: InweightsApi = {
  version: versionFromArgv(process.argv),
};

contextBridge.exposeInMainWorld('inweights', api);
