// esbuild: a browser bundle (the `browser` condition, ESM) with the .wasm imported as an asset (file
// loader) and its URL handed to init(); headless Chromium runs it.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { ASSET_SNIPPET as SNIPPET, assertPage, html, inReadme, noBrowser, node, noTools, ok, PAGE_JS, project } from './support.mjs';

export const CONFIG = `await build({ entryPoints: ['main.js'], bundle: true, format: 'esm', outdir: 'dist', loader: { '.wasm': 'file' } });`;

test('esbuild: bundle with the .wasm as an asset, run in Chromium', { skip: noTools || noBrowser }, async () => {
  const dir = project('esbuild', {
    tools: ['esbuild'],
    files: {
      'main.js': `${SNIPPET}\nimport { nameKey } from 'ledgerbridge';\n${PAGE_JS}`,
      'build.mjs': `import { build } from 'esbuild';\n${CONFIG}\n`,
      'index.html': html('dist/main.js'),
    },
  });
  ok(node(dir, ['build.mjs']), 'node build.mjs');
  const emitted = readdirSync(join(dir, 'dist'));
  assert.equal(emitted.filter((f) => f.endsWith('.wasm')).length, 1, `one .wasm asset: ${emitted}`);
  await assertPage(dir);
  inReadme(SNIPPET);
  inReadme(CONFIG);
});
