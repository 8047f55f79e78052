// The package as published: `npm pack` pkg/, check the tarball, install it into a fresh project (no network:
// the package has no dependencies) and use it there the ways a consumer would (require, import, the bin,
// the browser entry, TypeScript).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { planSync, version } from 'ledgerbridge';

import { PKG, ROOT, smallInput } from './helpers.mjs';

const npmMissing = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0 ? false : 'npm is not on PATH';
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');
const noTsc = existsSync(TSC) ? false : `TypeScript not installed (${TSC}); run npm ci`;
const manifest = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));

let tmp; // temp root
let tarball; // path of the .tgz
let entries; // paths inside the tarball, without the leading "package/"
let project; // the consumer project

function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
    ...options,
    env: { ...process.env, npm_config_update_notifier: 'false', npm_config_cache: join(tmp, 'npm-cache'), ...options.env },
  });
  if (result.error) throw result.error;
  return result;
}

function ok(result, what) {
  assert.equal(result.status, 0, `${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** Runs `node` in the consumer project. */
function node(args, options) {
  return run(process.execPath, args, { cwd: project, ...options });
}

before(() => {
  if (npmMissing) return;
  tmp = mkdtempSync(join(tmpdir(), 'ledgerbridge-pack-'));
  const packed = ok(run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: PKG }), 'npm pack');
  const [info] = JSON.parse(packed.stdout);
  tarball = join(tmp, info.filename);
  assert.ok(existsSync(tarball), `no tarball at ${tarball}`);
  const listing = ok(run('tar', ['-tzf', tarball]), 'tar -t').stdout.split('\n').filter(Boolean);
  entries = listing.map((p) => p.replace(/^package\//, ''));

  project = join(tmp, 'consumer');
  mkdirSync(project);
  ok(run('npm', ['init', '-y'], { cwd: project }), 'npm init');
  ok(run('npm', ['install', tarball, '--no-audit', '--no-fund', '--offline'], { cwd: project }), 'npm install');
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('npm pack', { skip: npmMissing }, () => {
  test('the tarball holds the builds, the glue with its one .wasm, LICENSE, README and package.json; no sources or tests', () => {
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'esm/node.js',
      'esm/browser.js',
      'esm/cli.js',
      'esm/node.d.ts',
      'esm/edge.js',
      'esm/edge.d.ts',
      'cjs/node.js',
      'cjs/node.d.ts',
      'cjs/package.json',
      'glue/ledgerbridge.js',
      'glue/ledgerbridge_bg.wasm',
      'glue/ledgerbridge_bg.wasm.d.ts',
    ]) {
      assert.ok(entries.includes(required), `tarball lacks ${required}`);
    }
    assert.deepEqual(entries.filter((p) => p.endsWith('.wasm')), ['glue/ledgerbridge_bg.wasm'], 'one .wasm for every runtime');
    assert.match(readFileSync(join(project, 'node_modules', 'ledgerbridge', 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) 2026 the ledgerbridge authors\n/);
    assert.ok(entries.some((p) => p.startsWith('esm/')) && entries.some((p) => p.startsWith('cjs/')));
    const unwanted = entries.filter((p) => /^(src|test|bench)\//.test(p) || /^tsconfig.*\.json$/.test(p) || p.endsWith('.ts') && !p.endsWith('.d.ts'));
    assert.deepEqual(unwanted, [], 'sources, tests or build configs are packed');
  });

  test('every file package.json points at is in the tarball', () => {
    const targets = new Set();
    const collect = (value) => {
      if (typeof value === 'string') targets.add(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(manifest.exports);
    for (const field of ['main', 'module', 'types']) collect(manifest[field]);
    collect(manifest.bin);
    assert.ok(targets.size >= 8);
    for (const target of targets) {
      assert.ok(entries.includes(posix.normalize(target)), `${target} (named in package.json) is not packed`);
    }
  });

  test('every relative import of a packed .d.ts resolves to a packed .d.ts', () => {
    const dts = entries.filter((p) => p.endsWith('.d.ts'));
    const extracted = join(project, 'node_modules', 'ledgerbridge');
    for (const file of dts) {
      const text = readFileSync(join(extracted, file), 'utf8');
      for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const target = posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.d.ts');
        assert.ok(entries.includes(target), `${file} imports ${spec}, but ${target} is not packed`);
      }
    }
  });
});

describe('installed from the tarball into a fresh project', { skip: npmMissing }, () => {
  test('it is a real copy (not a link to the workspace) without sources', () => {
    const installed = join(project, 'node_modules', 'ledgerbridge');
    assert.deepEqual(JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')).version, manifest.version);
    assert.ok(!existsSync(join(installed, 'src')) && !existsSync(join(installed, 'test')));
    assert.ok(readdirSync(join(installed, 'glue')).includes('ledgerbridge_bg.wasm'));
  });

  test('require("ledgerbridge") works from a CommonJS project', () => {
    writeFileSync(join(project, 'input.json'), JSON.stringify(smallInput()));
    const script = `
      const lb = require('ledgerbridge');
      const input = require('./input.json');
      const plan = lb.planSync(input);
      let error;
      try { lb.planSync({ policy: { direction: 'sideways' } }); } catch (e) { error = e; }
      console.log(JSON.stringify({
        resolved: require.resolve('ledgerbridge'),
        version: lb.version(),
        initialized: lb.isInitialized(),
        plan,
        error: { name: error.name, code: error.code, path: error.path, input: error instanceof lb.InputError, base: error instanceof lb.LedgerbridgeError },
      }));`;
    const out = JSON.parse(ok(node(['-e', script]), 'node -e require').stdout);
    assert.ok(out.resolved.endsWith(join('node_modules', 'ledgerbridge', 'cjs', 'node.js')), out.resolved);
    assert.equal(out.version, version());
    assert.equal(out.initialized, true);
    assert.deepEqual(out.plan, planSync(smallInput()));
    assert.deepEqual(out.error, { name: 'InputError', code: 'invalid_value', path: 'policy.direction', input: true, base: true });
  });

  test('import { planSync } from "ledgerbridge" and its package.json (import attributes) work from an .mjs', () => {
    writeFileSync(join(project, 'input.json'), JSON.stringify(smallInput()));
    writeFileSync(
      join(project, 'use.mjs'),
      `import { planSync, init, isInitialized } from 'ledgerbridge';
import pkg from 'ledgerbridge/package.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
await init();
const plan = planSync(JSON.parse(readFileSync(new URL('./input.json', import.meta.url), 'utf8')));
let deep;
try { await import('ledgerbridge/esm/node.js'); deep = 'importable'; } catch (e) { deep = e.code; }
console.log(JSON.stringify({
  resolved: import.meta.resolve('ledgerbridge'),
  wasm: import.meta.resolve('ledgerbridge/ledgerbridge_bg.wasm'),
  name: pkg.name, version: pkg.version, initialized: isInitialized(), deep, plan,
}));
`,
    );
    const out = JSON.parse(ok(node(['use.mjs']), 'node use.mjs').stdout);
    assert.ok(out.resolved.endsWith('/node_modules/ledgerbridge/esm/node.js'), out.resolved);
    assert.ok(out.wasm.endsWith('/node_modules/ledgerbridge/glue/ledgerbridge_bg.wasm'), out.wasm);
    assert.equal(out.name, 'ledgerbridge');
    assert.equal(out.version, manifest.version);
    assert.equal(out.initialized, true);
    assert.equal(out.deep, 'ERR_PACKAGE_PATH_NOT_EXPORTED', 'only the exports map is public');
    assert.deepEqual(out.plan, planSync(smallInput()));
  });

  test('the browser entry (web glue) throws NotInitializedError before init() and works after', () => {
    writeFileSync(
      join(project, 'browser.mjs'),
      `import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
const lb = await import(new URL('./node_modules/ledgerbridge/esm/browser.js', import.meta.url));
const before = lb.isInitialized();
let early;
try { lb.planSync({}); } catch (e) { early = { name: e.name, code: e.code, base: e instanceof lb.LedgerbridgeError }; }
const bytes = readFileSync(fileURLToPath(import.meta.resolve('ledgerbridge/ledgerbridge_bg.wasm')));
await Promise.all([lb.init(bytes), lb.init(bytes)]);
console.log(JSON.stringify({ before, early, after: lb.isInitialized(), version: lb.version(), plan: lb.planSync(JSON.parse(readFileSync('input.json', 'utf8'))) }));
`,
    );
    writeFileSync(join(project, 'input.json'), JSON.stringify(smallInput()));
    const out = JSON.parse(ok(node(['browser.mjs']), 'node browser.mjs').stdout);
    assert.equal(out.before, false);
    assert.deepEqual(out.early, { name: 'NotInitializedError', code: 'not_initialized', base: true });
    assert.equal(out.after, true);
    assert.equal(out.version, version());
    assert.deepEqual(out.plan, planSync(smallInput()));
  });

  test('node_modules/.bin/ledgerbridge runs: --version, and plan on a file', () => {
    const bin = join(project, 'node_modules', '.bin', 'ledgerbridge');
    assert.ok(existsSync(bin), 'bin link missing');
    const v = ok(run(bin, ['--version'], { cwd: project }), 'ledgerbridge --version');
    assert.equal(v.stdout, `ledgerbridge ${version()}\n`);
    writeFileSync(join(project, 'input.json'), JSON.stringify(smallInput()));
    const p = ok(run(bin, ['plan', 'input.json'], { cwd: project }), 'ledgerbridge plan');
    assert.deepEqual(JSON.parse(p.stdout), planSync(smallInput()));
  });
});

describe('TypeScript consumers of the installed package', { skip: npmMissing || noTsc }, () => {
  /** Type-checks an ESM (.mts) and a CommonJS (.cts) consumer with the given `lib`. */
  function typecheck(name, lib) {
    const dir = join(project, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'esm.mts'),
      `import { planSync, InputError, type SyncPlan, type PushResult } from 'ledgerbridge';
const plan: SyncPlan = planSync({ monite: { counterparts: [{ id: 'c', organization: { legal_name: 'Acme' } }] } });
export const counts: number = plan.summary.pull.counterparts.total;
export const bills: PushResult[] = plan.push.bills;
export const path = (e: unknown): string => (e instanceof InputError ? e.path : '');
`,
    );
    writeFileSync(
      join(dir, 'cjs.cts'),
      `import lb = require('ledgerbridge');
const plan: lb.SyncPlan = lb.planSync({});
export const errors: number = plan.summary.errors;
export const path = (e: unknown): string => (e instanceof lb.InputError ? e.path : '');
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib,
          types: ['node'],
          typeRoots: [join(ROOT, 'node_modules', '@types')],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        files: ['esm.mts', 'cjs.cts'],
      }),
    );
    return run(TSC, ['-p', join(dir, 'tsconfig.json')], { cwd: dir });
  }

  test('with the DOM lib, the packed declarations type-check for ESM and CommonJS consumers', () => {
    const r = typecheck('ts-dom', ['ES2022', 'DOM']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  test('a Node-only project (lib ES2022, types node, skipLibCheck false) type-checks too', () => {
    const r = typecheck('ts-node-only', ['ES2022']);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
