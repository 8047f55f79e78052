// Edge runtimes. workerd (Cloudflare's runtime, the `workerd` npm package's binary) serves a worker bundled
// the way wrangler bundles one: esbuild with the conditions workerd, worker, browser, and each imported
// `*.wasm?module` kept as a separate Wasm module. The `workerd` condition picks esm/edge.js, which takes the
// package's .wasm as a compiled module at import. Vercel's `edge-light` condition has no runtime that
// installs here: that entry is run in Node with the condition set and a loader hook that, like Vercel's
// bundler, hands `*.wasm?module` over as a WebAssembly.Module. wrangler itself needs Node >= 22.12.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';

import { planSync } from 'ledgerbridge';

import { EXPECTED, INPUT, inReadme, lastJson, node, noTools, ok, project, RESULT_JS, run, tool } from './support.mjs';

export const SNIPPET = `import { planSync } from 'ledgerbridge'; export default { fetch: async (request) => Response.json(planSync(await request.json())) };`;

/** `fn()` until it resolves (a server starting up), at most 30 s. */
async function retry(fn) {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= 300) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** A free TCP port on 127.0.0.1 (workerd's config names its socket's address). */
function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

test('workerd: a worker bundled with the workerd condition plans over HTTP', { skip: noTools }, async (t) => {
  const workerd = tool('workerd/bin/workerd');
  const probe = run(workerd, ['--version']);
  if (probe.status !== 0) return t.skip(`the workerd binary from npm does not run here: ${probe.stderr.trim()}`);
  const dir = project('workerd', {
    tools: ['esbuild'],
    files: {
      'worker.js': `${SNIPPET}\n`,
      'build.mjs': `import { build } from 'esbuild';
import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
// What wrangler does with a CompiledWasm module rule (**/*.wasm?module): copy the file, keep the import.
const wasmModules = { name: 'wasm-modules', setup(b) {
  b.onResolve({ filter: /\\.wasm\\?module$/ }, (args) => {
    const file = join(args.resolveDir, args.path.replace(/\\?module$/, ''));
    copyFileSync(file, join('dist', basename(file)));
    return { path: './' + basename(file), external: true };
  });
} };
await build({ entryPoints: ['worker.js'], bundle: true, format: 'esm', outdir: 'dist', conditions: ['workerd', 'worker', 'browser'], plugins: [wasmModules] });
`,
    },
  });
  ok(run('mkdir', ['-p', join(dir, 'dist')]), 'mkdir');
  ok(node(dir, ['build.mjs']), 'esbuild (wrangler-style)');
  const port = await freePort();
  ok(run('sh', ['-c', `cat > config.capnp <<'CAPNP'
using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "worker.js", esModule = embed "dist/worker.js"),
    (name = "ledgerbridge_bg.wasm", wasm = embed "dist/ledgerbridge_bg.wasm"),
  ],
  compatibilityDate = "2024-09-23",
);
CAPNP`], { cwd: dir }), 'write config.capnp');
  const server = spawn(workerd, ['serve', 'config.capnp'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  try {
    const response = await retry(() => fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: JSON.stringify(INPUT) }));
    assert.equal(response.status, 200, await response.clone().text());
    const plan = await response.json();
    assert.equal(plan.summary.pull.counterparts.matched, EXPECTED.matched);
    assert.equal(plan.pull.counterparts[0].accounting_id, EXPECTED.accounting_id);
    assert.deepEqual(plan, planSync(INPUT), 'the same plan as Node computes');
  } finally {
    server.kill();
  }
  inReadme(SNIPPET);
});

test('edge-light: the edge entry in Node with the condition set and .wasm?module as a WebAssembly.Module', { skip: noTools }, () => {
  const dir = project('edge-light', {
    files: {
      'hooks.mjs': `import { readFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  if (!specifier.endsWith('.wasm?module')) return next(specifier, context);
  return { url: new URL(specifier, context.parentURL).href, shortCircuit: true };
}
export async function load(url, context, next) {
  if (!url.endsWith('.wasm?module')) return next(url, context);
  const file = JSON.stringify(url.replace(/\\?module$/, ''));
  return { format: 'module', shortCircuit: true, source: \`export default new WebAssembly.Module((await import('node:fs')).readFileSync(new URL(\${file})));\` };
}
`,
      'register.mjs': `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
      'main.mjs': `import * as lb from 'ledgerbridge';
const plan = lb.planSync(${JSON.stringify(INPUT)});
const { nameKey } = lb;
await lb.init(new URL('https://example.invalid/ignored.wasm'));
console.log(JSON.stringify({ ...${RESULT_JS}, resolved: import.meta.resolve('ledgerbridge'), initialized: lb.isInitialized() }));
`,
    },
  });
  const out = lastJson(ok(node(dir, ['--conditions=edge-light', '--import', './register.mjs', 'main.mjs']), 'node --conditions=edge-light'));
  assert.ok(out.resolved.endsWith('/node_modules/ledgerbridge/esm/edge.js'), out.resolved);
  assert.equal(out.initialized, true);
  delete out.resolved;
  delete out.initialized;
  assert.deepEqual(out, EXPECTED);
});
