// webpack 5: the glue's `new URL('ledgerbridge_bg.wasm', import.meta.url)` is an asset module, so the
// bundle emits the .wasm and plain `await init()` finds it (no "Critical dependency" warning, no asset
// recipe). Headless Chromium runs the production bundle.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { assertPage, html, inReadme, noBrowser, node, noTools, ok, PAGE_JS, project, tool } from './support.mjs';

// webpack emits the .wasm that the glue names with new URL(…, import.meta.url): plain init().
export const MAIN = `import { init, planSync, nameKey } from 'ledgerbridge'; await init();`;
export const CONFIG = `export default { mode: 'production', entry: './main.js', output: { path: new URL('dist', import.meta.url).pathname } };`;

test('webpack 5: production bundle runs in Chromium', { skip: noTools || noBrowser }, async () => {
  const dir = project('webpack', {
    tools: ['webpack', 'webpack-cli'],
    files: { 'webpack.config.js': `${CONFIG}\n`, 'main.js': `${MAIN}\n${PAGE_JS}`, 'index.html': html('dist/main.js') },
  });
  const r = ok(node(dir, [tool('webpack/bin/webpack.js')]), 'webpack');
  const out = r.stdout + r.stderr;
  assert.doesNotMatch(out, /Critical dependency|ERROR/, out);
  const emitted = readdirSync(join(dir, 'dist'));
  assert.equal(emitted.filter((f) => f.endsWith('.wasm')).length, 1, emitted.join(', '));
  await assertPage(dir);
  inReadme(MAIN);
  inReadme(CONFIG);
});
