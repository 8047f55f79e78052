#!/usr/bin/env node
// Builds the npm package in pkg/: the release WebAssembly module (cargo), the JS glue for each target
// (wasm-bindgen), the size-optimized module (wasm-opt), then the TypeScript (tsc, ESM and CommonJS).
// Settings come from wasm-pack.toml. Prints raw / gzip / brotli sizes and fails past the size budget.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse } from 'smol-toml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = parse(readFileSync(join(root, 'wasm-pack.toml'), 'utf8'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const started = performance.now();

function run(cmd, args, options = {}) {
  process.stdout.write(`$ ${cmd} ${args.join(' ')}\n`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

const profile = config.build?.profile ?? 'release';
const targets = config.build?.targets ?? ['web', 'nodejs'];
const outDir = join(root, config.build?.out_dir ?? 'pkg/glue');
const budget = (config.budget?.raw_kib ?? 400) * 1024;

run('cargo', ['build', '--lib', '--locked', '--target', 'wasm32-unknown-unknown', '--profile', profile]);
const profileDir = profile === 'dev' ? 'debug' : profile;
const wasm = join(root, 'target', 'wasm32-unknown-unknown', profileDir, 'ledgerbridge.wasm');

const wasmOpt = bin('wasm-opt');
const version = execFileSync(wasmOpt, ['--version'], { encoding: 'utf8' });
const major = Number(/version[_ ](\d+)/.exec(version)?.[1] ?? 0);
if (major < 116) throw new Error(`wasm-opt ${major} is too old (need >= 116; run npm ci)`);

const sizes = [];
for (const target of targets) {
  const folder = join(outDir, target === 'nodejs' ? 'node' : target);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  // --weak-refs: objects handed to JS (BillValidator) are also freed by a FinalizationRegistry.
  run('wasm-bindgen', ['--target', target, '--weak-refs', '--out-dir', folder, '--out-name', 'ledgerbridge', wasm]);
  const module = join(folder, 'ledgerbridge_bg.wasm');
  const before = statSync(module).size;
  run(wasmOpt, [...(config['wasm-opt']?.flags ?? ['-Oz']), module, '-o', module]);
  const bytes = readFileSync(module);
  sizes.push({ target, before, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length });
  if (target === 'nodejs') writeFileSync(join(folder, 'package.json'), '{ "type": "commonjs" }\n');
}

const pkg = join(root, 'pkg');
rmSync(join(pkg, 'esm'), { recursive: true, force: true });
rmSync(join(pkg, 'cjs'), { recursive: true, force: true });
run(bin('tsc'), ['-p', join(pkg, 'tsconfig.json')]);
run(bin('tsc'), ['-p', join(pkg, 'tsconfig.cjs.json')]);
writeFileSync(join(pkg, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
// tsc does not keep the executable bit; the CLI is the package's `bin`.
chmodSync(join(pkg, 'esm', 'cli.js'), 0o755);

process.stdout.write('\nWebAssembly module sizes (after wasm-opt):\n');
for (const s of sizes) {
  process.stdout.write(
    `  ${s.target.padEnd(7)} raw ${kib(s.raw)} (before wasm-opt ${kib(s.before)}), gzip ${kib(s.gzip)}, brotli ${kib(s.brotli)}\n`,
  );
}
process.stdout.write(`  budget ${kib(budget)} raw\n`);
process.stdout.write(`built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
const over = sizes.filter((s) => s.raw > budget);
if (over.length > 0) {
  process.stderr.write(`size budget exceeded: ${over.map((s) => `${s.target} ${kib(s.raw)}`).join(', ')} > ${kib(budget)}\n`);
  process.exit(1);
}
if (!existsSync(join(pkg, 'esm', 'cli.js'))) throw new Error('tsc did not emit esm/cli.js');
