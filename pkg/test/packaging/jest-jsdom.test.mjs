// Jest 30 with jest-environment-jsdom, in a CommonJS project: the test file requires the package (Jest
// resolves cjs/node.js), whose TextEncoder/TextDecoder come from node:util, since jsdom's global scope
// has none (before: "ReferenceError: TextDecoder is not defined" at require time).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EXPECTED, INPUT, inReadme, node, noTools, ok, project, read, RESULT_JS, tool } from './support.mjs';

export const CONFIG = `module.exports = { testEnvironment: 'jsdom' }; // jest.config.js: nothing else needed`;
export const SNIPPET = `const { planSync, nameKey } = require('ledgerbridge');`;

test('Jest + jsdom: a test that plans with the installed package passes', { skip: noTools }, () => {
  const dir = project('jest-jsdom', {
    type: 'commonjs',
    tools: ['jest', 'jest-environment-jsdom'],
    files: {
      'jest.config.js': `${CONFIG}\n`,
      'plan.test.js': `const { writeFileSync } = require('node:fs');
${SNIPPET}

test('plans the README example in jsdom', () => {
  expect(typeof document.createElement).toBe('function');
  expect(typeof TextDecoder).toBe('undefined'); // what broke the Node glue before
  const plan = planSync(${JSON.stringify(INPUT)});
  const result = ${RESULT_JS};
  writeFileSync('result.json', JSON.stringify({ ...result, resolved: require.resolve('ledgerbridge') }));
  expect(result).toEqual(${JSON.stringify(EXPECTED)});
});
`,
    },
  });
  const r = ok(node(dir, [tool('jest/bin/jest.js'), '--ci']), 'jest');
  assert.match(r.stderr, /Tests:\s+1 passed, 1 total/);
  const { resolved, ...result } = JSON.parse(read(dir, 'result.json'));
  assert.ok(resolved.endsWith('/node_modules/ledgerbridge/cjs/node.js'), resolved);
  assert.deepEqual(result, EXPECTED);
  inReadme(CONFIG);
  inReadme(SNIPPET);
});
