// The browser mode's event stream: every AppEvent goes to every open page over the WebSocket
// at /api/events, binary-encoded (shared/event-codec.ts). A slow page skips progress batches
// rather than letting them pile up in memory; the trace is always complete in storage.

import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Backend } from '../service/backend.ts';
import { encodeEvent } from '../shared/event-codec.ts';
import { sameOrigin } from './api-http.ts';

/** Bytes queued on a socket past which progress events are dropped for it. */
const BACKLOG_LIMIT = 16 << 20;

export function attachEvents(server: Server, backend: Backend, hosts: () => string[]): void {
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (req.url !== '/api/events' || !sameOrigin(req, hosts())) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  backend.onEvent((e) => {
    const frame = encodeEvent(e);
    for (const ws of wss.clients as Set<WebSocket>) {
      if (ws.readyState !== ws.OPEN) continue;
      if (e.type === 'progress' && ws.bufferedAmount > BACKLOG_LIMIT) continue;
      ws.send(frame);
    }
  });
  server.on('close', () => wss.close());
}
