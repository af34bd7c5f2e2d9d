// The browser mode's request/response API: POST /api/call/<method> with a JSON body
// {"arg": ...} answers {"ok": true, "value": ...} or {"ok": false, "error": "..."};
// GET /api/trace/<runId> answers the run's trace as little-endian Int32 token ids.
// Requests must come from the page this server serves (Host and Origin are checked).

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../service/backend.ts';
import { dispatch, isBackendCall } from '../service/dispatch.ts';
import type { Logger } from '../shared/logger.ts';

const MAX_BODY = 80 << 20; // a 2000x2000 problem as JSON text fits comfortably

export function apiHandler(backend: Backend, allowedHosts: () => string[], log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!sameOrigin(req, allowedHosts())) return json(res, 403, { ok: false, error: 'forbidden' });
    const url = new URL(req.url ?? '/', 'http://host');
    const trace = /^\/api\/trace\/(\d+)$/.exec(url.pathname);
    if (trace && req.method === 'GET') return sendTrace(res, backend, Number(trace[1]));
    const call = /^\/api\/call\/(\w+)$/.exec(url.pathname);
    if (!call || req.method !== 'POST') return json(res, 404, { ok: false, error: 'no such API' });
    const method = call[1]!;
    if (!isBackendCall(method)) return json(res, 404, { ok: false, error: `no call ${method}` });
    try {
      const body = JSON.parse((await readBody(req)) || '{}') as { arg?: unknown };
      const value = await dispatch(backend, method, body.arg);
      json(res, 200, { ok: true, value: value ?? null });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      log.debug(`call ${method} refused: ${error}`);
      json(res, 200, { ok: false, error });
    }
  };
}

/** Only the page served from this host may call: defeats DNS rebinding and cross-site posts. */
export function sameOrigin(req: IncomingMessage, hosts: string[]): boolean {
  const host = req.headers.host ?? '';
  if (!hosts.includes(host)) return false;
  const origin = req.headers.origin;
  return origin === undefined || hosts.some((h) => origin === `http://${h}`);
}

function sendTrace(res: ServerResponse, backend: Backend, runId: number): void {
  try {
    const trace = backend.getTrace(runId);
    const body = Buffer.alloc(trace.length * 4);
    for (let i = 0; i < trace.length; i++) body.writeInt32LE(trace[i]!, 4 * i);
    res.writeHead(200, {
      'Content-Type': 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  } catch (e) {
    json(res, 404, { ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_BODY) reject(new Error(`request larger than ${MAX_BODY} bytes`));
      else parts.push(b);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
