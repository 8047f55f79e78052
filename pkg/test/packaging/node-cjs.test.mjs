// Node, CommonJS: `require` from a `type: commonjs` project resolves `node` + `require` (cjs/node.js, one
// bundle that reads the same .wasm as the ESM entry).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EXPECTED, INPUT, inReadme, lastJson, node, noTools, ok, project, RESULT_JS } from './support.mjs';

export const SNIPPET = `const { planSync, nameKey, InputError } = require('ledgerbridge');`;

test('Node CJS: require from the installed tarball', { skip: noTools }, () => {
  const dir = project('node-cjs', {
    type: 'commonjs',
    files: {
      'main.js': `${SNIPPET}
const plan = planSync(${JSON.stringify(INPUT)});
let error;
try { planSync({ policy: { direction: 'sideways' } }); } catch (e) { error = e; }
console.log(JSON.stringify({ ...${RESULT_JS}, resolved: require.resolve('ledgerbridge'), path: error.path, typed: error instanceof InputError }));
`,
    },
  });
  const out = lastJson(ok(node(dir, ['main.js']), 'node main.js'));
  assert.ok(out.resolved.endsWith('/node_modules/ledgerbridge/cjs/node.js'), out.resolved);
  assert.equal(out.path, 'policy.direction');
  assert.equal(out.typed, true);
  for (const k of ['resolved', 'path', 'typed']) delete out[k];
  assert.deepEqual(out, EXPECTED);
  inReadme(SNIPPET);
});
