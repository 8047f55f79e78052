// Vitest 3 (node environment): a test file imports the package like application code; the plan it
// computes is written out and checked here too.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EXPECTED, INPUT, inReadme, node, noTools, ok, project, read, RESULT_JS, tool } from './support.mjs';

export const SNIPPET = `import { planSync, nameKey } from 'ledgerbridge'; // Vitest: no set-up, Node's build`;

test('Vitest: a test that plans with the installed package passes', { skip: noTools }, () => {
  const dir = project('vitest', {
    tools: ['vitest'],
    files: {
      'plan.test.js': `import { writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
${SNIPPET}

test('plans the README example', () => {
  const plan = planSync(${JSON.stringify(INPUT)});
  const result = ${RESULT_JS};
  writeFileSync('result.json', JSON.stringify(result));
  expect(result).toEqual(${JSON.stringify(EXPECTED)});
});
`,
    },
  });
  const r = ok(node(dir, [tool('vitest/vitest.mjs'), 'run']), 'vitest run');
  assert.match(r.stdout, /1 passed/);
  assert.deepEqual(JSON.parse(read(dir, 'result.json')), EXPECTED);
  inReadme(SNIPPET);
});
