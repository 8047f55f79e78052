#!/usr/bin/env node
// Builds the npm package in pkg/: the release WebAssembly module (cargo), its JS glue (wasm-bindgen, `web`
// target), the size-optimized module (wasm-opt), the engine's types (from the glue's declarations), then the
// TypeScript: ESM (tsc), CommonJS (one esbuild bundle of the Node entry) and the CommonJS declarations (tsc).
// Settings come from wasm-pack.toml. Prints raw / gzip / brotli sizes and fails past the size budget.
//
// Each stage runs only when its inputs changed: a stage hashes what it reads (sources, configs, tool
// versions, this script) and skips itself when the hash matches the one stored beside its outputs and
// those outputs exist. `--force` rebuilds everything. `--demo-data` also builds the sample generator and
// writes the demo's samples (www/data/sample.json, and its second day www/data/sample-day2.json), likewise only
// when the Rust sources changed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parse } from 'smol-toml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'pkg');
const config = parse(readFileSync(join(root, 'wasm-pack.toml'), 'utf8'));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const force = process.argv.includes('--force');
const started = performance.now();

function run(cmd, args, options = {}) {
  process.stdout.write(`$ ${cmd} ${args.join(' ')}\n`);
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });
}

/** A tool's `--version` line (part of a stage's inputs: a new compiler rebuilds). */
function toolVersion(cmd, args = ['--version']) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return `${cmd}: not found`;
  }
}

function kib(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** Every file below `dir` (relative to the root), sorted; `skip` names folders to leave out. */
function filesUnder(dir, skip = new Set()) {
  const out = [];
  const walk = (abs) => {
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) walk(path);
      } else out.push(relative(root, path));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

/** The hash of a stage's inputs: file paths and contents, plus extra strings (tool versions, settings). */
function fingerprint(files, extra) {
  const hash = createHash('sha256');
  for (const file of files) {
    const abs = join(root, file);
    hash.update(`${file}\0`);
    hash.update(existsSync(abs) ? readFileSync(abs) : 'missing');
    hash.update('\0');
  }
  hash.update(JSON.stringify(extra));
  return hash.digest('hex');
}

const stampFile = join(root, 'target', 'ledgerbridge-build.json');
const stamps = existsSync(stampFile) ? JSON.parse(readFileSync(stampFile, 'utf8')) : {};

/**
 * Runs `build` unless the stage's inputs hash to the stored value and every output exists.
 * Returns what `build` returned, or the stored `data` when skipped.
 */
function stage(name, { inputs, outputs }, build) {
  const hash = fingerprint(inputs.files, inputs.extra);
  const previous = stamps[name];
  if (!force && previous?.hash === hash && outputs.every((o) => existsSync(join(root, o)))) {
    process.stdout.write(`==> ${name}: inputs unchanged, skipped\n`);
    return previous.data;
  }
  process.stdout.write(`==> ${name}\n`);
  const data = build() ?? null;
  stamps[name] = { hash, data };
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify(stamps, null, 2)}\n`);
  return data;
}

const self = relative(root, fileURLToPath(import.meta.url));
const rustInputs = [...filesUnder('src'), 'Cargo.toml', 'Cargo.lock', ...filesUnder('.cargo')];
const rustEnv = ['RUSTFLAGS', 'CARGO_ENCODED_RUSTFLAGS', 'CARGO_BUILD_TARGET'].map((k) => process.env[k] ?? '');
const profile = config.build?.profile ?? 'release';
const target = config.build?.target ?? 'web';
const glueDir = join(root, config.build?.out_dir ?? 'pkg/glue');
const budget = (config.budget?.raw_kib ?? 400) * 1024;
const wasmOpt = bin('wasm-opt');
const glueFiles = ['ledgerbridge.js', 'ledgerbridge.d.ts', 'ledgerbridge_bg.wasm'].map((f) => relative(root, join(glueDir, f)));

// 1. The module and its glue: cargo, wasm-bindgen, wasm-opt (the slow stage: ~60 s from scratch).
const size = stage(
  'WebAssembly module (cargo, wasm-bindgen, wasm-opt)',
  {
    inputs: {
      files: [...rustInputs, 'wasm-pack.toml', self],
      extra: [toolVersion('rustc', ['-vV']), toolVersion('wasm-bindgen'), toolVersion(wasmOpt), rustEnv],
    },
    outputs: glueFiles,
  },
  () => {
    run('cargo', ['build', '--lib', '--locked', '--target', 'wasm32-unknown-unknown', '--profile', profile]);
    const wasm = join(root, 'target', 'wasm32-unknown-unknown', profile === 'dev' ? 'debug' : profile, 'ledgerbridge.wasm');
    const major = Number(/version[_ ](\d+)/.exec(toolVersion(wasmOpt))?.[1] ?? 0);
    if (major < 116) throw new Error(`wasm-opt ${major} is too old (need >= 116; run npm ci)`);
    rmSync(glueDir, { recursive: true, force: true });
    mkdirSync(glueDir, { recursive: true });
    // --weak-refs: objects handed to JS (BillValidator) are also freed by a FinalizationRegistry.
    run('wasm-bindgen', ['--target', target, '--weak-refs', '--out-dir', glueDir, '--out-name', 'ledgerbridge', wasm]);
    const module = join(glueDir, 'ledgerbridge_bg.wasm');
    const before = statSync(module).size;
    run(wasmOpt, [...(config['wasm-opt']?.flags ?? ['-Oz']), module, '-o', module]);
    const bytes = readFileSync(module);
    return {
      before,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  },
);

// 2. The TypeScript layer: engine types, ESM, CommonJS bundle and declarations.
const generatedTypes = join(pkg, 'src', 'generated', 'types.ts');
stage(
  'TypeScript (engine types, tsc ESM, CommonJS bundle and declarations)',
  {
    inputs: {
      files: [
        ...filesUnder('pkg/src', new Set(['generated'])),
        'pkg/tsconfig.json',
        'pkg/tsconfig.cjs.json',
        ...glueFiles.filter((f) => f.endsWith('.d.ts') || f.endsWith('.js')),
        self,
      ],
      extra: [toolVersion(bin('tsc')), toolVersion(bin('esbuild'))],
    },
    outputs: ['pkg/esm/node.js', 'pkg/esm/browser.js', 'pkg/esm/edge.js', 'pkg/cjs/node.js', 'pkg/cjs/node.d.ts', relative(root, generatedTypes)],
  },
  () => {
    writeEngineTypes(join(glueDir, 'ledgerbridge.d.ts'), generatedTypes);
    // What importing `ledgerbridge/ledgerbridge_bg.wasm` gives (an asset URL), not wasm-bindgen's raw exports.
    copyFileSync(join(pkg, 'src', 'wasm-asset.d.ts'), join(glueDir, 'ledgerbridge_bg.wasm.d.ts'));
    rmSync(join(pkg, 'esm'), { recursive: true, force: true });
    rmSync(join(pkg, 'cjs'), { recursive: true, force: true });
    run(bin('tsc'), ['-p', join(pkg, 'tsconfig.json')]);
    // CommonJS declarations: the same .d.ts, in a folder whose package.json says commonjs, so TypeScript's
    // node16 resolution reads them as CommonJS for `require` (no "masquerading as ESM").
    run(bin('tsc'), ['-p', join(pkg, 'tsconfig.cjs.json')]);
    writeFileSync(join(pkg, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
    bundleCommonJs();
    // tsc does not keep the executable bit; the CLI is the package's `bin`.
    if (existsSync(join(pkg, 'esm', 'cli.js'))) chmodSync(join(pkg, 'esm', 'cli.js'), 0o755);
  },
);

/**
 * The engine's data types (tsify's interfaces and unions) out of the glue's declarations, into a
 * TypeScript module the package's sources import: tsc then emits it into esm/ and cjs/, each in the module
 * format of its folder. Left out: the glue's functions and class (the package wraps them) and its init
 * types, which name DOM types (RequestInfo, BufferSource) and `Symbol.dispose`, so that consumers with
 * skipLibCheck false compile without the DOM or ESNext libs.
 */
function writeEngineTypes(from, to) {
  const ts = loadTypeScript();
  const text = readFileSync(from, 'utf8');
  const source = ts.createSourceFile(from, text, ts.ScriptTarget.Latest, true);
  const initTypes = new Set(['InitInput', 'SyncInitInput', 'InitOutput']);
  const kept = source.statements.filter(
    (s) => (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) && !initTypes.has(s.name.text),
  );
  if (kept.length < 20 || !kept.some((s) => s.name.text === 'SyncPlan')) {
    throw new Error(`expected the tsify types (SyncPlan, …) in ${from}; found ${kept.length} declarations`);
  }
  const body = kept.map((s) => text.slice(s.getFullStart(), s.getEnd()).replace(/^\n+/, '')).join('\n\n');
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(
    to,
    `// Generated by scripts/build.mjs from the wasm-bindgen declarations (tsify, from the Rust types). Do not edit.\n\n${body}\n`,
  );
}

/** The root's TypeScript compiler (its API parses the glue's declarations). */
function loadTypeScript() {
  return createRequire(join(root, 'package.json'))('typescript');
}

/**
 * cjs/node.js: the Node entry and everything it imports (the glue included) as one CommonJS file, so
 * `require('ledgerbridge')` works on every Node >= 18 and reads the same .wasm as the ESM entry.
 * `import.meta.url` becomes this file's URL, and TextEncoder/TextDecoder come from node:util rather than
 * from globals, which test environments such as Jest's jsdom do not define.
 */
function bundleCommonJs() {
  const shims = join(glueDir, 'cjs-shims.js');
  writeFileSync(
    shims,
    `export const import_meta_url = require('node:url').pathToFileURL(__filename).href;\nexport { TextDecoder, TextEncoder } from 'node:util';\n`,
  );
  run(bin('esbuild'), [
    join(pkg, 'esm', 'node.js'),
    '--bundle',
    '--format=cjs',
    '--platform=node',
    '--target=node18',
    `--outfile=${join(pkg, 'cjs', 'node.js')}`,
    `--inject:${shims}`,
    '--define:import.meta.url=import_meta_url',
    '--log-level=warning',
  ]);
}

// The package's LICENSE is the repository's (npm packs only what is inside pkg/).
copyFileSync(join(root, 'LICENSE'), join(pkg, 'LICENSE'));

// 3. The demo's samples (start.sh): the generator (native release build), its --demo output and the same
// sample's second day (--demo --second-day: synced records, every re-sync outcome; Data in offers both).
if (process.argv.includes('--demo-data')) {
  stage(
    'demo samples (cargo build -p ledgerbridge-sample --example generate; generate --demo [--second-day])',
    {
      inputs: { files: [...rustInputs, ...filesUnder('sample'), self], extra: [toolVersion('rustc', ['-vV']), rustEnv] },
      outputs: ['target/release/examples/generate', 'www/data/sample.json', 'www/data/sample-day2.json'],
    },
    () => {
      run('cargo', ['build', '--release', '--locked', '-p', 'ledgerbridge-sample', '--example', 'generate']);
      mkdirSync(join(root, 'www', 'data'), { recursive: true });
      for (const [file, args] of [['sample.json', ['--demo']], ['sample-day2.json', ['--demo', '--second-day']]]) {
        const sample = execFileSync(join(root, 'target', 'release', 'examples', 'generate'), args, { maxBuffer: 1 << 30 });
        writeFileSync(join(root, 'www', 'data', file), sample);
      }
    },
  );
}

process.stdout.write('\nWebAssembly module size (after wasm-opt):\n');
process.stdout.write(
  `  raw ${kib(size.raw)} (before wasm-opt ${kib(size.before)}), gzip ${kib(size.gzip)}, brotli ${kib(size.brotli)}\n`,
);
process.stdout.write(`  budget ${kib(budget)} raw\n`);
process.stdout.write(`built in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
if (size.raw > budget) {
  process.stderr.write(`size budget exceeded: ${kib(size.raw)} > ${kib(budget)}\n`);
  process.exit(1);
}
