// The packed tarball through the two package linters: @arethetypeswrong/cli (types per resolution mode:
// node10, node16 from CJS and from ESM, bundler) and publint. Both must report nothing. The `.wasm`
// subpath is left out of attw only: it is not JavaScript, and it has its own declaration
// (glue/ledgerbridge_bg.wasm.d.ts, checked by ts-bundler.test.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { node, noTools, run, tarball, tool } from './support.mjs';

test('attw: no problems in any resolution mode', { skip: noTools }, () => {
  const r = node(process.cwd(), [tool('@arethetypeswrong/cli/dist/index.js'), tarball(), '--format', 'table-flipped', '--exclude-entrypoints', './ledgerbridge_bg.wasm']);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /No problems found/);
  // Each mode resolved the main entry to types of the format of its JavaScript.
  const text = r.stdout.replace(/\x1b\[[0-9;]*m/g, ''); // the table is coloured even without a TTY
  const row = text.split('\n').find((l) => l.includes('"ledgerbridge"') && l.includes('│'));
  assert.ok(row, r.stdout);
  assert.deepEqual(row.split('│').slice(2, 6).map((c) => c.trim()), ['🟢', '🟢 (CJS)', '🟢 (ESM)', '🟢'], row);
});

test('publint --strict: all good', { skip: noTools }, () => {
  const r = run(process.execPath, [tool('publint/src/cli.js'), 'run', tarball(), '--strict'], { cwd: process.cwd() });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /All good!/);
});
