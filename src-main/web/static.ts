// Serves a built renderer folder (index.html plus hashed assets) over HTTP for browser mode.
// Read-only: GET and HEAD of files inside the folder; nothing outside it is ever reachable.
// The WebSocket link to the engine host is not this file's concern.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.c': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A request handler serving the files under `root` ("/" is root/index.html). */
export function staticHandler(root: string): RequestHandler {
  return (req, res) => {
    serve(root, req, res).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      reply(res, 500, `internal error: ${message}\n`);
    });
  };
}

async function serve(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return reply(res, 405, 'only GET and HEAD are served\n');
  }
  const file = resolveInside(root, req.url ?? '/');
  if (file === undefined) return reply(res, 400, 'bad path\n');

  const info = await stat(file).catch(() => undefined);
  if (info === undefined || !info.isFile()) return reply(res, 404, 'not found\n');

  const body = await readFile(file);
  res.writeHead(200, {
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Maps a request URL to a file path under root, or undefined if it would leave root. */
export function resolveInside(root: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://host').pathname);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  if (path.endsWith('/')) path += 'index.html';
  const base = normalize(root + sep);
  const file = normalize(join(base, path));
  return file.startsWith(base) ? file : undefined;
}

function reply(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
