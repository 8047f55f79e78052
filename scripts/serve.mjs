#!/usr/bin/env node
// Serves the demo on loopback: www/ at /, the built package (pkg/) at /pkg/, with the right content types
// (`.wasm` must be application/wasm for streaming compilation). With `--simulator` it also starts the Monite
// API simulator (sim/) seeded with the demo's sample, and plays the platform's backend for the page:
// GET /api/config says where the API is; POST /api/token gets an access token server-side (the client
// secret never reaches the page). Usage:
//   node scripts/serve.mjs [--port N] [--simulator]   (default 8080; 0 picks a free port; PORT env also works)
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const mounts = [
  ['/pkg/', join(root, 'pkg')],
  ['/', join(root, 'www')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ts': 'text/plain; charset=utf-8',
};

/** Maps a URL path to a file under one of the mounts, refusing anything that escapes it. */
function fileFor(urlPath) {
  const path = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  for (const [prefix, dir] of mounts) {
    if (!path.startsWith(prefix)) continue;
    const rel = path.slice(prefix.length) || 'index.html';
    const file = normalize(join(dir, rel));
    if (file !== dir && !file.startsWith(dir + sep)) return undefined;
    try {
      const stat = statSync(file);
      return stat.isDirectory() ? join(file, 'index.html') : file;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Answers the demo backend's two routes; false when the request is not one of them. */
async function backend(req, res, api) {
  if (!api || !req.url?.startsWith('/api/')) return false;
  const json = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  if (req.method === 'GET' && req.url === '/api/config') {
    json(200, { apiUrl: api.apiUrl, entityId: api.credentials.entityId });
  } else if (req.method === 'POST' && req.url === '/api/token') {
    // What a platform's backend does: exchange its partner credentials for a token.
    const answer = await fetch(`${api.apiUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-monite-version': '2024-05-25' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: api.credentials.clientId,
        client_secret: api.credentials.clientSecret,
      }),
    });
    const body = await answer.json();
    json(answer.status, answer.ok ? { access_token: body.access_token, expires_in: body.expires_in } : { error: 'token request failed' });
  } else {
    json(404, { error: 'not found' });
  }
  return true;
}

/** Starts the server; resolves to `{ url, close }` once listening. `api` is a running simulator, if any. */
export function startServer({ port = 8080, host = '127.0.0.1', api } = {}) {
  const server = createServer(async (req, res) => {
    if (await backend(req, res, api).catch(() => false)) return;
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(req.url ?? '/') : undefined;
    if (!file) {
      res.writeHead(req.method === 'GET' || req.method === 'HEAD' ? 404 : 405, { 'content-type': 'text/plain' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolveStart({ url: `http://${host}:${actual}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag > 0 ? process.argv[flag + 1] : (process.env.PORT ?? 8080));
  let api;
  if (process.argv.includes('--simulator')) {
    const { startSimulator } = await import('../sim/server.mjs');
    const sample = join(root, 'www', 'data', 'sample.json');
    const data = existsSync(sample) ? JSON.parse(readFileSync(sample, 'utf8')) : undefined;
    api = await startSimulator({ port: 0, ...(data ? { data } : {}) });
    process.stdout.write(`Monite API simulator: ${api.apiUrl}\n`);
  }
  const { url } = await startServer({ port, api });
  process.stdout.write(`ledgerbridge demo: ${url}  (Ctrl-C to stop)\n`);
}
