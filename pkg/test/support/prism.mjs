// Stoplight Prism (npm `@stoplight/prism-cli`, a devDependency pinned in the root package.json) as an independent
// mock of the API document, for pkg/test/client-prism.test.mjs: `prism mock --errors` over the document on
// 127.0.0.1 and a free port. With `--errors`, Prism validates every request against the document and answers a
// violation with an error status and an `sl-violations` header; otherwise it answers the operation's documented
// success with an example generated from its schema (static mode: the same example every time).
//
//   const prism = await startPrism(documentPath);      // { url, version, stop() } or { skip: 'why' }
//   const { fetch, exchanges } = observingFetch();      // what Prism said about each request
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const HOST = '127.0.0.1';

/** The installed Prism CLI: its script and version, or why it cannot be found. */
function prismCli() {
  const require = createRequire(import.meta.url);
  let manifest;
  try {
    manifest = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    return { skip: 'Prism is not installed (npm @stoplight/prism-cli, a root devDependency: run npm ci)' };
  }
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.prism;
  if (!bin) return { skip: `@stoplight/prism-cli ${pkg.version} declares no prism binary` };
  return { script: join(dirname(manifest), bin), version: String(pkg.version) };
}

/** A port that was free a moment ago on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `prism mock --errors -h 127.0.0.1 -p <free port> <document>` and resolves once it listens.
 * @param {string} document  path of the OpenAPI document
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, version: string, stop: () => Promise<void> } | { skip: string }>}
 *   `skip`: Prism is not installed or did not start (with the end of what it printed).
 */
export async function startPrism(document, { timeoutMs = 60_000 } = {}) {
  const cli = prismCli();
  if (!cli.script) return { skip: cli.skip };
  let last = '';
  // Two tries: another process may take the free port between freePort() and Prism's listen().
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const port = await freePort();
    const child = spawn(process.execPath, [cli.script, 'mock', '--errors', '-h', HOST, '-p', String(port), document], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let output = '';
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const ready = new Promise((resolve) => {
      const listen = (/** @type {Buffer} */ chunk) => {
        output += chunk.toString('utf8');
        if (output.includes(`Prism is listening on http://${HOST}:${port}`)) resolve(true);
      };
      child.stdout.on('data', listen);
      child.stderr.on('data', listen);
    });
    let timer;
    const outcome = await Promise.race([
      ready.then(() => 'ready'),
      exited.then(() => 'exited'),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve('timeout'), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    // Keep reading its output (it logs every request) so that its pipes never fill up.
    if (outcome === 'ready') {
      return {
        url: `http://${HOST}:${port}`,
        version: cli.version,
        stop: () => stopChild(child, exited),
      };
    }
    await stopChild(child, exited);
    last = `Prism ${cli.version} did not start (${outcome === 'timeout' ? `not listening after ${timeoutMs} ms` : 'it exited'}): ${output.trim().split('\n').slice(-5).join(' | ')}`;
  }
  return { skip: last };
}

/** Ends the Prism process this module started (by its handle, never by name). */
async function stopChild(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * The request templates of the document, most specific first, to name the endpoint of a concrete path.
 * @param {any} document  the parsed OpenAPI document
 * @returns {(method: string, path: string) => string}  `METHOD /template`, or `METHOD path (not in the document)`
 */
export function endpointNamer(document) {
  const templates = Object.keys(document.paths ?? {})
    .map((template) => ({ template, regex: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`) }))
    .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));
  return (method, path) => {
    const found = templates.find((t) => t.regex.test(path));
    return found ? `${method} ${found.template}` : `${method} ${path} (not in the document)`;
  };
}

/**
 * A `fetch` for `createClient({ fetch })` that records, per request, what Prism answered: the status and the
 * violations of its `sl-violations` header. Prism's static mock answers every page of a list with the same
 * example, `next_pagination_token` included, so a client following it could never finish (the client stops
 * with a ProtocolError when a token repeats); the answer to a request that carries `pagination_token` is
 * therefore made the list's last page — no `next_pagination_token` and no items (they would repeat page one's
 * ids). That answer still fits the documented schema; every request is Prism's to judge as sent.
 */
export function observingFetch() {
  /** @type {{ method: string, path: string, query: Record<string, string>, status: number, violations: any[], sentBody: boolean }[]} */
  const exchanges = [];
  /** @type {typeof fetch} */
  const observed = async (input, init = {}) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const response = await fetch(input, init);
    const header = response.headers.get('sl-violations');
    exchanges.push({
      method: String(init.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: response.status,
      violations: header ? JSON.parse(header) : [],
      sentBody: init.body !== undefined && init.body !== null,
    });
    if (!response.ok || !url.searchParams.has('pagination_token')) return response;
    const page = await response.json();
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    const last = { ...page, data: [], next_pagination_token: undefined };
    return new Response(JSON.stringify(last), { status: response.status, statusText: response.statusText, headers });
  };
  return { fetch: observed, exchanges };
}
