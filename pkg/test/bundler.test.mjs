// The package through a bundler, as an app would ship it: esbuild bundles an entry that imports
// 'ledgerbridge' (resolving the `browser` condition of its exports) and its `.wasm` as an asset
// ('ledgerbridge/ledgerbridge_bg.wasm', file loader), and headless Chromium runs the bundle.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { test } from 'node:test';
import { build } from 'esbuild';
import { launchChromium, noBrowser as skip, root } from './support/browser-env.mjs';


const ENTRY = `
import { init, planSync, nameKey, isInitialized } from 'ledgerbridge';
import wasmUrl from 'ledgerbridge/ledgerbridge_bg.wasm';
await init(new URL(wasmUrl, import.meta.url));
const plan = planSync({
  monite: { counterparts: [{ id: 'm1', organization: { legal_name: 'Acme Limited' } }] },
  accounting: { counterparts: [{ id: 'a1', name: 'ACME Ltd.', kind: 'vendor' }] },
});
window.__result = { ready: isInitialized(), key: nameKey('Straße GmbH'), matched: plan.summary.pull.counterparts.matched };
`;

function serve(dir) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const file = join(dir, (req.url ?? '/').split('?')[0].replace(/^\/+/, '') || 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

test('an esbuild bundle of the package runs in headless Chromium', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerbridge-bundle-'));
  let server;
  let browser;
  try {
    writeFileSync(join(dir, 'entry.mjs'), ENTRY);
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="out/entry.js"></script>');
    await build({
      entryPoints: [join(dir, 'entry.mjs')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: join(dir, 'out'),
      loader: { '.wasm': 'file' },
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'silent',
    });
    const emitted = readdirSync(join(dir, 'out'));
    assert.ok(emitted.some((f) => f.endsWith('.wasm')), `the .wasm is emitted as an asset: ${emitted.join(', ')}`);

    server = await serve(dir);
    browser = await launchChromium();
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 30_000 });
    assert.deepEqual(errors, []);
    assert.deepEqual(await page.evaluate(() => window.__result), { ready: true, key: 'strasse gmbh', matched: 1 });
  } finally {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
