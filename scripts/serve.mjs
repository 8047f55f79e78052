#!/usr/bin/env node
// Serves the demo on loopback: www/ at /, the built package (pkg/) at /pkg/, with the right content types
// (`.wasm` must be application/wasm for streaming compilation). With `--simulator` it also starts the Monite
// API simulator (sim/) seeded with the demo's sample, and plays the platform's backend for the page:
// GET /api/config says where the API is; POST /api/token gets an access token server-side (the client
// secret never reaches the page). For the demo's re-sync story it also lets the page turn the simulator's knobs,
// under /api/sim/ (loopback callers and same-origin pages only): GET /api/sim/accounting (the accounting side
// the simulator keeps, which a platform pulls from QuickBooks / Xero itself, and the sync's policy),
// GET|POST /api/sim/faults (the `pushFailures` fault), POST /api/sim/accounting/rename|delete (drift and a
// missing link). Usage:
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

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?$/;
const LOOPBACK_ADDRESS = /^(127(\.\d{1,3}){3}|::1|::ffff:127(\.\d{1,3}){3})$/;
const ACCOUNTING_COLLECTIONS = new Set(['counterparts', 'products']);

/**
 * Whether a request may turn the simulator's knobs: from a loopback address, to a loopback host name (no DNS
 * rebinding), and for a POST a JSON body from this origin or from no page at all (a page on another origin
 * cannot send one without a CORS preflight, which this server never answers).
 */
function allowedToControl(req) {
  const host = req.headers.host ?? '';
  if (!LOOPBACK_ADDRESS.test(req.socket.remoteAddress ?? '') || !LOOPBACK_HOST.test(host)) return false;
  if (req.method !== 'POST') return true;
  const origin = req.headers.origin;
  const json = /^application\/json\b/i.test(req.headers['content-type'] ?? '');
  return json && (origin === undefined || origin === `http://${host}`);
}

async function jsonBody(req) {
  let text = '';
  for await (const chunk of req) {
    text += chunk;
    if (text.length > 65_536) throw Object.assign(new Error('body too large'), { status: 413 });
  }
  try {
    const value = JSON.parse(text || '{}');
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  } catch {
    // answered below
  }
  throw Object.assign(new Error('the body must be a JSON object'), { status: 400 });
}

/** The demo's knobs on the running simulator: `[status, body]`, or undefined for an unknown route. */
async function simControl(req, api, path) {
  const pushFailures = () => ({ pushFailures: api.faults.current.pushFailures ?? null });
  if (req.method === 'GET' && path === '/api/sim/accounting') {
    const { policy } = api.state.planInput();
    return [200, { accounting: api.state.accounting(), ...(policy ? { policy } : {}) }];
  }
  if (req.method === 'GET' && path === '/api/sim/faults') return [200, pushFailures()];
  if (req.method !== 'POST') return undefined;
  const body = await jsonBody(req);
  if (path === '/api/sim/faults') {
    // Only the push-failure fault: the request faults would break the page's own requests, not the story.
    if (!('pushFailures' in body)) return [422, { error: 'send { "pushFailures": { "share": 0.34 } } or { "pushFailures": null }' }];
    api.faults.set({ pushFailures: body.pushFailures });
    return [200, pushFailures()];
  }
  const action = /^\/api\/sim\/accounting\/(rename|delete)$/.exec(path)?.[1];
  if (!action) return undefined;
  const { collection, id, name } = body;
  if (!ACCOUNTING_COLLECTIONS.has(collection) || typeof id !== 'string') return [422, { error: 'send { "collection": "counterparts" | "products", "id": "…" }' }];
  if (action === 'rename' && (typeof name !== 'string' || !name.trim())) return [422, { error: 'send the new name as "name"' }];
  try {
    const record = action === 'rename' ? api.state.renameAccounting(collection, id, name) : api.state.deleteAccounting(collection, id);
    return [200, { [action === 'rename' ? 'renamed' : 'deleted']: record }];
  } catch (error) {
    return [404, { error: error.message }];
  }
}

/** Answers the demo backend's routes; false when the request is not one of them. */
async function backend(req, res, api) {
  if (!api || !req.url?.startsWith('/api/')) return false;
  const json = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const path = req.url.split('?')[0];
  if (path.startsWith('/api/sim/')) {
    if (!allowedToControl(req)) {
      json(403, { error: 'the simulator is controlled from this machine and this page only' });
      return true;
    }
    const answer = await simControl(req, api, path).catch((error) => [error.status ?? 422, { error: error.message }]);
    json(...(answer ?? [404, { error: 'not found' }]));
  } else if (req.method === 'GET' && req.url === '/api/config') {
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
