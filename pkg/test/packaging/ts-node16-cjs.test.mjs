// TypeScript, `moduleResolution: node16`, CommonJS (`type: commonjs`): the types of `node` + `require`
// (cjs/node.d.ts, read as CommonJS: no TS1479 / TS1541) with skipLibCheck false; the emitted require()
// code runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EXPECTED, INPUT, inReadme, lastJson, node, noTools, ok, project, RESULT_JS, NODE16_TSCONFIG, tsc } from './support.mjs';

export const SNIPPET = `import { planSync, nameKey, InputError, type SyncPlan } from 'ledgerbridge'; // compiles to require()`;

test('TypeScript node16, CommonJS: type-checks (skipLibCheck false) and runs', { skip: noTools }, () => {
  const dir = project('ts-node16-cjs', {
    type: 'commonjs',
    tools: ['typescript', '@types/node'],
    files: {
      'tsconfig.json': NODE16_TSCONFIG,
      'main.ts': `${SNIPPET}
const plan: SyncPlan = planSync(${JSON.stringify(INPUT)});
export const isInputError = (e: unknown): string => (e instanceof InputError ? e.path : '');
console.log(JSON.stringify(${RESULT_JS}));
`,
    },
  });
  tsc(dir);
  assert.match(ok(node(dir, ['-e', "process.stdout.write(require('fs').readFileSync('dist/main.js','utf8'))"]), 'read').stdout, /require\("ledgerbridge"\)/);
  assert.deepEqual(lastJson(ok(node(dir, ['dist/main.js']), 'node dist/main.js')), EXPECTED);
  inReadme(SNIPPET);
});
