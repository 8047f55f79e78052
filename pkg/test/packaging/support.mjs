// What the packaging scenarios share (one scenario per file in this folder, like automerge's
// packaging_tests/): the packed tarball, fresh consumer projects that install it the way a user does, the
// tools those projects use (pinned in this folder's package.json, installed once per run with npm ci by
// `scripts/setup.sh --packaging`), a static server on 127.0.0.1 and headless Chromium, and the README check
// that every snippet a scenario runs is the one the README shows.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launchChromium, noBrowser } from '../support/browser-env.mjs';

export { noBrowser };
export const HERE = dirname(fileURLToPath(import.meta.url));
export const PKG = join(HERE, '..', '..');
export const ROOT = join(PKG, '..');
export const TOOLS = join(HERE, 'node_modules');

/** Why the scenarios cannot run here, or false. */
export const noTools = existsSync(join(TOOLS, '.package-lock.json'))
  ? false
  : `the packaging tools are not installed (${TOOLS}); run: bash scripts/setup.sh --packaging`;

/** The README example: Monite "Acme Limited" vs accounting "ACME Ltd." — one match. */
export const INPUT = {
  monite: { counterparts: [{ id: 'm1', organization: { legal_name: 'Acme Limited' } }] },
  accounting: { counterparts: [{ id: 'a1', name: 'ACME Ltd.', kind: 'vendor' }] },
};

/** What a scenario reports from `planSync(INPUT)` (and `nameKey`), computed by the engine there. */
export const RESULT_JS = `({ matched: plan.summary.pull.counterparts.matched, accounting_id: plan.pull.counterparts[0].accounting_id, key: nameKey('Straße GmbH') })`;
export const EXPECTED = { matched: 1, accounting_id: 'a1', key: 'strasse gmbh' };

const tmp = mkdtempSync(join(tmpdir(), 'ledgerbridge-packaging-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** Runs a command; returns { status, stdout, stderr }. npm gets a cache of its own (the tarball needs no registry). */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 180_000,
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_cache: join(tmp, 'npm-cache'), NO_COLOR: '1', ...options.env },
  });
  if (result.error) throw result.error;
  return result;
}

/** Asserts a command's exit status 0 and returns its result. */
export function ok(result, what) {
  assert.equal(result.status, 0, `${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

let packed;
/** `npm pack` of pkg/, once per process: the tarball's path. */
export function tarball() {
  if (!packed) {
    const out = ok(run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: PKG }), 'npm pack');
    packed = join(tmp, JSON.parse(out.stdout)[0].filename);
  }
  return packed;
}

/**
 * A fresh project in a temp folder: `package.json` (with `type`), the tarball installed with npm (offline:
 * the package has no dependencies), then `tools` (package names from this folder's node_modules) linked
 * into its node_modules as a user's devDependencies would be, and `files` written.
 */
export function project(name, { type = 'module', tools = [], files = {} } = {}) {
  const dir = join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type }, null, 2));
  ok(run('npm', ['install', tarball(), '--no-audit', '--no-fund', '--offline', '--no-package-lock'], { cwd: dir }), 'npm install <tarball>');
  for (const tool of tools) {
    const link = join(dir, 'node_modules', tool);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(TOOLS, tool), link, 'dir');
  }
  for (const [file, text] of Object.entries(files)) write(dir, file, text);
  return dir;
}

/** Writes `text` to `dir/file`, creating folders. */
export function write(dir, file, text) {
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), text);
}

/** A tool's JS entry in this folder's node_modules (run with `node`, so no .bin shims are needed). */
export function tool(path) {
  return join(TOOLS, path);
}

/** Runs `node` with `args` in `cwd`. */
export function node(cwd, args, options) {
  return run(process.execPath, args, { cwd, ...options });
}

/** The last line of stdout, parsed as JSON (what a scenario prints). */
export function lastJson(result) {
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** Asserts the README shows `snippet` verbatim (the README's snippets are the tested ones). */
export function inReadme(snippet) {
  assert.ok(readme.includes(snippet.trim()), `README.md does not show this tested snippet verbatim:\n${snippet.trim()}`);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };

/** Serves `dir` statically on 127.0.0.1 (a free port); resolves to { url, close }. */
export function serve(dir) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    let file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((r) => server.close(r)) })),
  );
}

/**
 * Opens `url` in headless Chromium and waits for the page to set `window.__result` (what the scenario's
 * code computed with planSync); returns it, after checking that the page threw nothing.
 */
export async function pageResult(url) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    let failed;
    const failure = new Promise((_, reject) => (failed = reject));
    page.on('pageerror', (e) => {
      errors.push(e.message);
      failed(new Error(`the page threw: ${e.message}`));
    });
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(url);
    await Promise.race([page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60_000 }), failure]).catch((e) => {
      throw new Error(`${e.message}\npage errors: ${errors.join('\n')}`);
    });
    assert.deepEqual(errors, [], 'the page logged errors');
    return await page.evaluate(() => window.__result);
  } finally {
    await browser.close();
  }
}

/** An HTML page that runs `script` as a module (with an empty icon, so Chromium requests no favicon). */
export function html(script) {
  return `<!doctype html><link rel="icon" href="data:,"><script type="module" src="${script}"></script>\n`;
}

/** Starts a long-running command; resolves once `ready` matches its output. Returns { output, stop }. */
export function start(command, args, { cwd, ready, env }) {
  const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ match, output: () => output, stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill()))) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}):\n${output}`)));
  });
}

/** Reads a file as text. */
export function read(dir, file) {
  return readFileSync(join(dir, file), 'utf8');
}

/** Runs this folder's TypeScript (`tsc -p dir`), asserting no diagnostics. */
export function tsc(dir) {
  return ok(node(dir, [tool('typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')]), 'tsc');
}

/** Compiler options every TypeScript scenario shares: strict, and library declarations checked too. */
export const STRICT = { target: 'ES2022', strict: true, skipLibCheck: false, noEmitOnError: true };

/** A Node project's tsconfig (node16 resolution, no DOM lib, @types/node), emitting main.ts into dist/. */
export const NODE16_TSCONFIG = JSON.stringify({
  compilerOptions: { ...STRICT, module: 'node16', moduleResolution: 'node16', lib: ['ES2022'], types: ['node'], outDir: 'dist' },
  files: ['main.ts'],
});

/** The page code of the browser scenarios: plan the README example and hand the result to the test. */
export const PAGE_JS = `const plan = planSync(${JSON.stringify(INPUT)});
window.__result = ${RESULT_JS};
`;

/** Serves `dir`, loads `page` in Chromium and asserts the planSync result the page computed. */
export async function assertPage(dir, page = 'index.html') {
  const server = await serve(dir);
  try {
    assert.deepEqual(await pageResult(new URL(page, server.url).href), EXPECTED);
  } finally {
    await server.close();
  }
}

/** Bundlers without `new URL(…, import.meta.url)` support: the .wasm as an asset, its URL to init (ts-bundler, esbuild). */
export const ASSET_SNIPPET = `import { init, planSync } from 'ledgerbridge';
import wasmUrl from 'ledgerbridge/ledgerbridge_bg.wasm';   // esbuild: loader { '.wasm': 'file' }
await init(new URL(wasmUrl, import.meta.url));`;
