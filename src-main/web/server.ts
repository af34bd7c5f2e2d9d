// Browser mode: serves the built renderer (out/renderer, made by `electron-vite build`) on
// 127.0.0.1 with the app's API beside it: HTTP calls under /api/call, the trace under
// /api/trace, streamed events on the WebSocket /api/events. The engine host is a forked Node
// process. Usage: tsx src-main/web/server.ts [--port N] [--data DIR]
// (port 0 picks a free one). Prints the URL on stdout; diagnostics go to stderr.
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnForkedHost } from '../host/spawn-fork.ts';
import { openBackend } from '../service/open.ts';
import { apiHandler } from './api-http.ts';
import { attachEvents } from './events-ws.ts';
import { createLogger } from './log.ts';
import { staticHandler } from './static.ts';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 5199;
const repo = join(import.meta.dirname, '../..');
const rendererDir = join(repo, 'out/renderer');
const log = createLogger();

interface Options {
  port: number;
  dataDir: string;
}

function parseOptions(argv: readonly string[]): Options {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      data: { type: 'string', default: join(homedir(), '.inweights') },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port: expected an integer from 0 to 65535, got "${values.port}"`);
  }
  const dataDir = resolve(values.data);
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new Error(`--data: ${dataDir} is a file; pass a folder (it is created when missing)`);
  }
  return { port, dataDir };
}

function start({ port, dataDir }: Options): void {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`${rendererDir}/index.html is missing: build the renderer with npm run build`);
  }
  const { backend, db } = openBackend({
    dataDir,
    examplesDir: join(repo, 'resources/programs'),
    spawnHost: () => spawnForkedHost(),
    log,
  });
  let hosts: string[] = [];
  const api = apiHandler(backend, () => hosts, log);
  const files = staticHandler(rendererDir);
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/')) void api(req, res);
    else files(req, res);
  });
  attachEvents(server, backend, () => hosts);
  // ends the engine process and closes the store, whether the server stops or never started
  const release = (): void => {
    backend.close();
    db.close();
  };
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? ' (port in use: pass --port N)' : '';
    log.error(`web: ${error.message}${hint}`);
    release();
    process.exit(1);
  });
  server.listen(port, HOST, () => {
    const address = server.address();
    const actual = typeof address === 'object' && address !== null ? address.port : port;
    hosts = [`${HOST}:${actual}`, `localhost:${actual}`];
    process.stdout.write(`Inweights browser mode: http://${HOST}:${actual}/\n`);
  });
  const stop = (): void => {
    release();
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  start(parseOptions(process.argv.slice(2)));
} catch (error) {
  log.error(`web: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
