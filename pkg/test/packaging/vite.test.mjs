// Vite 7: `vite build` and the dev server, each on the main thread and in a module worker. The glue's
// `new URL('ledgerbridge_bg.wasm', import.meta.url)` makes the build emit the .wasm as an asset, so plain
// `await init()` works; the dev server must not pre-bundle the package (optimizeDeps.exclude), or the URL
// points into .vite/deps and the fetch gets the HTML fallback. Headless Chromium checks each page.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { assertPage, html, inReadme, noBrowser, node, noTools, ok, PAGE_JS, pageResult, EXPECTED, project, start, tool } from './support.mjs';

export const MAIN = `import { init, planSync, nameKey } from 'ledgerbridge'; await init();`;
export const WORKER = `const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });`;
// optimizeDeps: the dev server serves the package as published (.wasm beside the glue); worker: module workers.
export const CONFIG = `optimizeDeps: { exclude: ['ledgerbridge'] }, worker: { format: 'es' }`;

const skip = noTools || noBrowser;
let dir;
before(() => {
  if (skip) return;
  dir = project('vite', {
    tools: ['vite'],
    files: {
      'vite.config.js': `import { defineConfig } from 'vite';
export default defineConfig({ ${CONFIG}, build: { rollupOptions: { input: ['index.html', 'worker.html'] } } });
`,
      'index.html': html('/main.js'),
      'main.js': `${MAIN}\n${PAGE_JS}`,
      'worker.html': html('/worker-main.js'),
      'worker-main.js': `${WORKER}\nworker.onmessage = (event) => { window.__result = event.data; };\n`,
      'worker.js': `${MAIN}\n${PAGE_JS.replace('window.__result = ', 'postMessage(').replace(/;\n$/, ');\n')}`,
    },
  });
});

describe('Vite', { skip }, () => {
  test('vite build: the .wasm is one emitted asset; main thread and module worker plan in Chromium', async () => {
    ok(node(dir, [tool('vite/bin/vite.js'), 'build']), 'vite build');
    const assets = readdirSync(join(dir, 'dist', 'assets'));
    assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, assets.join(', '));
    await assertPage(join(dir, 'dist'), 'index.html');
    await assertPage(join(dir, 'dist'), 'worker.html');
  });

  test('vite dev server: main thread and module worker plan in Chromium', async () => {
    const dev = await start(process.execPath, [tool('vite/bin/vite.js'), '--host', '127.0.0.1', '--port', '0'], {
      cwd: dir,
      ready: /Local:\s+(http:\/\/127\.0\.0\.1:\d+\/)/,
    });
    try {
      const base = dev.match[1];
      assert.deepEqual(await pageResult(`${base}index.html`), EXPECTED);
      assert.deepEqual(await pageResult(`${base}worker.html`), EXPECTED);
    } finally {
      await dev.stop();
    }
  });

  test('the README shows these snippets', () => {
    for (const s of [MAIN, WORKER, CONFIG]) inReadme(s);
  });
});
