// TypeScript, `moduleResolution: node16`, ESM (`type: module`): the types of `node` + `import`
// (esm/node.d.ts) with skipLibCheck false and no DOM lib; `init(url)` compiles (Node accepts and ignores
// it); the emitted JavaScript runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EXPECTED, INPUT, inReadme, lastJson, node, noTools, ok, project, RESULT_JS, NODE16_TSCONFIG, tsc } from './support.mjs';

export const SNIPPET = `import { init, planSync, nameKey, type SyncPlan } from 'ledgerbridge';`;

test('TypeScript node16, ESM: type-checks (skipLibCheck false) and runs', { skip: noTools }, () => {
  const dir = project('ts-node16-esm', {
    tools: ['typescript', '@types/node'],
    files: {
      'tsconfig.json': NODE16_TSCONFIG,
      'main.ts': `${SNIPPET}
await init(new URL('./ledgerbridge_bg.wasm', import.meta.url)); // one source for every runtime
const plan: SyncPlan = planSync(${JSON.stringify(INPUT)});
export function misuse() {
  // @ts-expect-error planSync takes a PlanInput object
  planSync('text');
}
console.log(JSON.stringify(${RESULT_JS}));
`,
    },
  });
  tsc(dir);
  assert.deepEqual(lastJson(ok(node(dir, ['dist/main.js']), 'node dist/main.js')), EXPECTED);
  inReadme(SNIPPET);
});
