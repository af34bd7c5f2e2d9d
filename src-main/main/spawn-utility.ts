// Starts the engine host as an Electron utility process (out/main/engine-host.js after the
// build): a Node process without a window, which the app restarts when it dies.

import path from 'node:path';
import { utilityProcess } from 'electron';
import type { HostEvent, HostProcess } from '../host/protocol.ts';

/** `resources` is where the engine finds the libc, the programs and the model. */
export function spawnUtilityHost(dir: string, resources: string): HostProcess {
  const child = utilityProcess.fork(path.join(dir, 'engine-host.js'), [], {
    serviceName: 'Inweights engine',
    stdio: 'inherit',
    env: { ...process.env, INWEIGHTS_RESOURCES: resources },
  });
  return {
    get pid() {
      return child.pid ?? null;
    },
    send: (m) => child.postMessage(m),
    onMessage: (listener) => child.on('message', (m: HostEvent) => listener(m)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
