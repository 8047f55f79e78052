// Bun (the `bun` npm package's binary): `bun main.mjs` and a CommonJS `bun main.cjs` in a project with the
// tarball installed by npm; Bun resolves the `node` condition.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EXPECTED, INPUT, inReadme, lastJson, noTools, ok, project, RESULT_JS, run, tool } from './support.mjs';

export const SNIPPET = `import { planSync, nameKey } from 'ledgerbridge'; // bun main.mjs`;

const bun = tool('bun/bin/bun.exe');

test('Bun: ESM and CommonJS plan with the installed package', { skip: noTools }, (t) => {
  const probe = run(bun, ['--version']);
  if (probe.status !== 0) return t.skip(`the bun binary from npm does not run here: ${probe.stderr.trim()}`);
  const plan = `const plan = planSync(${JSON.stringify(INPUT)});\nconsole.log(JSON.stringify(${RESULT_JS}));\n`;
  const dir = project('bun', {
    files: { 'main.mjs': `${SNIPPET}\n${plan}`, 'main.cjs': `const { planSync, nameKey } = require('ledgerbridge');\n${plan}` },
  });
  const env = { BUN_INSTALL_CACHE_DIR: `${dir}/.bun`, DO_NOT_TRACK: '1' };
  assert.deepEqual(lastJson(ok(run(bun, ['main.mjs'], { cwd: dir, env }), 'bun main.mjs')), EXPECTED);
  assert.deepEqual(lastJson(ok(run(bun, ['main.cjs'], { cwd: dir, env }), 'bun main.cjs')), EXPECTED);
  inReadme(SNIPPET);
});
