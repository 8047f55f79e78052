// scripts/build.mjs skips each stage whose inputs are unchanged (what makes a repeated `start.sh` serve in
// seconds): right after test.sh's build, a second run rebuilds nothing and leaves the outputs untouched.
// How long it takes is a figure (README, Quick start), not checked here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { PKG, ROOT } from './helpers.mjs';

test('a second build with nothing changed skips every stage and rewrites no output', () => {
  const outputs = ['glue/ledgerbridge_bg.wasm', 'glue/ledgerbridge.js', 'esm/node.js', 'cjs/node.js', 'esm/browser.js'].map((f) => join(PKG, f));
  const first = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8', timeout: 600_000 });
  assert.equal(first.status, 0, first.stdout + first.stderr);
  const before = outputs.map((f) => statSync(f).mtimeMs);
  const again = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { encoding: 'utf8', timeout: 120_000 });
  assert.equal(again.status, 0, again.stdout + again.stderr);
  const skipped = again.stdout.split('\n').filter((l) => l.startsWith('==> '));
  assert.equal(skipped.length, 2, again.stdout);
  for (const line of skipped) assert.match(line, /: inputs unchanged, skipped$/);
  assert.doesNotMatch(again.stdout, /^\$ /m, 'no command ran');
  assert.deepEqual(outputs.map((f) => statSync(f).mtimeMs), before);
  assert.match(again.stdout, /raw \d+\.\d KiB/, 'the sizes are still reported');
});
