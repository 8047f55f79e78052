// Node, ESM: `import` from a `type: module` project resolves the `node` + `import` condition (esm/node.js),
// which reads the package's one .wasm from disk at import; `init(anything)` is accepted and ignored.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EXPECTED, INPUT, inReadme, lastJson, node, noTools, ok, project, RESULT_JS } from './support.mjs';

export const SNIPPET = `import { init, planSync, nameKey } from 'ledgerbridge'; await init(); // optional: ready at import`;

test('Node ESM: import from the installed tarball', { skip: noTools }, () => {
  const dir = project('node-esm', {
    files: {
      'main.mjs': `${SNIPPET}
await init(new URL('https://example.invalid/ledgerbridge_bg.wasm')); // the browser's argument: ignored
const plan = planSync(${JSON.stringify(INPUT)});
console.log(JSON.stringify({ ...${RESULT_JS}, resolved: import.meta.resolve('ledgerbridge') }));
`,
    },
  });
  const out = lastJson(ok(node(dir, ['main.mjs']), 'node main.mjs'));
  assert.ok(out.resolved.endsWith('/node_modules/ledgerbridge/esm/node.js'), out.resolved);
  delete out.resolved;
  assert.deepEqual(out, EXPECTED);
  inReadme(SNIPPET);
});
