// The engine host's side of its channel to the parent: Electron's parentPort when it runs as
// a utilityProcess, Node's IPC channel when it was forked (browser mode and tests).

import type { HostEvent, HostRequest } from './protocol.ts';

interface ParentPortLike {
  on(event: 'message', listener: (e: { data: HostRequest }) => void): void;
  postMessage(message: HostEvent): void;
}

export interface ParentChannel {
  send(event: HostEvent): void;
  onRequest(listener: (request: HostRequest) => void): void;
}

export function connectParent(): ParentChannel {
  const parentPort = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (event) => parentPort.postMessage(event),
      onRequest: (listener) => parentPort.on('message', (e) => listener(e.data)),
    };
  }
  if (!process.send) throw new Error('the engine host must be started by the app, not directly');
  const send = process.send.bind(process);
  // a parent that died (even by SIGKILL) closes the channel: the host has no one to serve
  process.on('disconnect', () => process.exit(0));
  return {
    // the parent may exit before the channel says so: an event for no one is dropped; any
    // other failure to send is still raised
    send: (event) =>
      void send(event, undefined, undefined, (error) => {
        if (error && process.connected) throw error;
      }),
    onRequest: (listener) => process.on('message', (m) => listener(m as HostRequest)),
  };
}
