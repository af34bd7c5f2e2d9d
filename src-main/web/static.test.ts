import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside, staticHandler } from './static.ts';

describe('resolveInside', () => {
  const root = '/srv/renderer';

  it('maps the site root to index.html', () => {
    expect(resolveInside(root, '/')).toBe('/srv/renderer/index.html');
  });

  it('ignores the query string', () => {
    expect(resolveInside(root, '/assets/a.js?v=1')).toBe('/srv/renderer/assets/a.js');
  });

  it('never resolves a path outside the root, plain or percent-encoded', () => {
    expect(resolveInside(root, '/../etc/passwd')).toBe('/srv/renderer/etc/passwd');
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/renderer/etc/passwd');
    expect(resolveInside(root, '/assets/..%2f..%2f..%2fetc%2fpasswd')).toBeUndefined();
  });

  it('refuses malformed percent-encoding and NUL bytes', () => {
    expect(resolveInside(root, '/%E0%A4%A')).toBeUndefined();
    expect(resolveInside(root, '/index.html%00.js')).toBeUndefined();
  });
});

describe('staticHandler', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inweights-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<title>t</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
    server = createServer(staticHandler(dir));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / as HTML', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe('<title>t</title>');
  });

  it('serves scripts with a JavaScript content type, as module scripts require', async () => {
    const res = await fetch(`${base}/assets/app.js`);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for missing files and for folders', async () => {
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/assets`)).status).toBe(404);
  });

  it('answers 405 to methods other than GET and HEAD', async () => {
    const res = await fetch(`${base}/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });
});
