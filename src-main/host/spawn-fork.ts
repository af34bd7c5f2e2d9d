// Starts the engine host as a forked Node process running the TypeScript entry through tsx:
// the browser mode's stand-in for Electron's utilityProcess.

import { fork } from 'node:child_process';
import path from 'node:path';
import type { HostEvent, HostProcess } from './protocol.ts';

const ENTRY = path.join(import.meta.dirname, 'engine-host.ts');

export function spawnForkedHost(entry = ENTRY): HostProcess {
  const child = fork(entry, [], {
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced', // typed arrays cross without JSON
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    get pid() {
      return child.pid ?? null;
    },
    send: (m) => void child.send(m),
    onMessage: (listener) => child.on('message', (m) => listener(m as HostEvent)),
    onExit: (listener) => child.on('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}
