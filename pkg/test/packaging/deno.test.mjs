// Deno 2 (the `deno` npm package's binary): a project with package.json and node_modules (the tarball
// installed by npm) runs `deno run` on an ESM file; Deno resolves the `node` + `import` condition and the
// Node entry reads the .wasm through node:fs (--allow-read). `deno check` type-checks a TypeScript consumer
// against the same condition's types.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { EXPECTED, INPUT, inReadme, lastJson, noTools, ok, project, RESULT_JS, run, tool } from './support.mjs';

export const SNIPPET = `import { planSync, nameKey } from 'ledgerbridge'; // deno run --allow-read main.mjs`;

const deno = tool('deno/bin.cjs');

test('Deno: deno run plans with the installed package; deno check type-checks a consumer', { skip: noTools }, (t) => {
  const probe = run(process.execPath, [deno, '--version']);
  if (probe.status !== 0) return t.skip(`the deno binary from npm does not run here: ${probe.stderr.trim()}`);
  const dir = project('deno', {
    files: {
      'main.mjs': `${SNIPPET}\nconst plan = planSync(${JSON.stringify(INPUT)});\nconsole.log(JSON.stringify(${RESULT_JS}));\n`,
      'typed.ts': `import { planSync, type SyncPlan } from 'ledgerbridge';
const plan: SyncPlan = planSync(${JSON.stringify(INPUT)});
export const matched: number = plan.summary.pull.counterparts.matched;
// @ts-expect-error planSync takes a PlanInput object
export const wrong = () => planSync('text');
`,
    },
  });
  const env = { DENO_DIR: `${dir}/.deno`, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' };
  const out = lastJson(ok(run(process.execPath, [deno, 'run', '--allow-read', 'main.mjs'], { cwd: dir, env }), 'deno run'));
  assert.deepEqual(out, EXPECTED);
  ok(run(process.execPath, [deno, 'check', 'typed.ts'], { cwd: dir, env }), 'deno check typed.ts');
  inReadme(SNIPPET);
});
