// Rollup 4: @rollup/plugin-node-resolve with the `browser` condition, and @web/rollup-plugin-import-meta-assets
// to emit what `new URL('…', import.meta.url)` names (the glue's .wasm), so plain `await init()` works.
// Headless Chromium runs the bundle.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { assertPage, html, inReadme, noBrowser, node, noTools, ok, PAGE_JS, project, tool } from './support.mjs';

// importMetaAssets emits the .wasm that the glue names with new URL(…, import.meta.url): plain init().
export const MAIN = `import { init, planSync, nameKey } from 'ledgerbridge'; await init();`;
export const CONFIG = `plugins: [nodeResolve({ browser: true }), importMetaAssets()]`;

test('Rollup: bundle with the .wasm emitted as an asset runs in Chromium', { skip: noTools || noBrowser }, async () => {
  const dir = project('rollup', {
    tools: ['rollup', '@rollup/plugin-node-resolve', '@web/rollup-plugin-import-meta-assets'],
    files: {
      'rollup.config.js': `import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';
export default { input: 'main.js', output: { dir: 'dist', format: 'es' }, ${CONFIG} };
`, 'main.js': `${MAIN}\n${PAGE_JS}`, 'index.html': html('dist/main.js') },
  });
  ok(node(dir, [tool('rollup/dist/bin/rollup'), '-c']), 'rollup -c');
  const emitted = readdirSync(join(dir, 'dist'), { recursive: true });
  assert.equal(emitted.filter((f) => f.endsWith('.wasm')).length, 1, emitted.join(', '));
  await assertPage(dir);
  inReadme(MAIN);
  inReadme(CONFIG);
});
