#!/usr/bin/env node
// The ledgerbridge benchmark: the WebAssembly engine against JSON.parse, a naive JS matcher and the
// native build, on seeded data, in one process.
//
//   node pkg/bench/bench.mjs [--quick] [--json FILE] [--seed N] [--native PATH]
//
//   --quick        10k/10k counterparts, 5k/5k products, 1k bills (growth: 2.5k → 20k); default 100k/100k,
//                  50k/50k, 10k (growth per doubling: 25k → 200k per side)
//   --json FILE    also write the figures as JSON (for the README)
//   --seed N       seed of the data generator (default 42)
//   --native PATH  the native `plan` example (default: target/release/examples/plan of the repository)
//
// Progress goes to stderr, the table to stdout. Every figure is the median of several runs after a
// warm-up run; the machine it runs on is reported with the figures.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createBillValidator, memoryBytes, planSync, planSyncBytes, planSyncJson, validateBill, version } from 'ledgerbridge';

import { naivePlan } from './baseline.mjs';

// ---------------------------------------------------------------------------------------------------
// Options

function parseArgs(argv) {
  const opts = { quick: false, json: null, seed: 42, native: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') opts.quick = true;
    else if (a === '--json') opts.json = value();
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--native') opts.native = value();
    else if (a === '-h' || a === '--help') usage();
    else usage(`unknown argument ${JSON.stringify(a)}`);
  }
  if (!Number.isInteger(opts.seed) || opts.seed < 0) usage('--seed: not a non-negative integer');
  return opts;
}

function usage(message) {
  if (message) process.stderr.write(`bench: ${message}\n`);
  process.stderr.write('usage: node pkg/bench/bench.mjs [--quick] [--json FILE] [--seed N] [--native PATH]\n');
  process.exit(message ? 2 : 0);
}

const opts = parseArgs(process.argv.slice(2));
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const nativePath = opts.native ?? path.join(repo, 'target', 'release', 'examples', 'plan');

// The sample generator's scaled input (ledgerbridge-sample): n counterparts per side, n/2 products per side,
// n/10 bills, n/20 invoices, n/40 credit notes, n/20 payment records.
const BIG = opts.quick ? { counterparts: 10_000 } : { counterparts: 100_000 };
const SMALL = { counterparts: BIG.counterparts / 10 };
// runs after one warm-up run; the big plan runs are the slow part of the whole benchmark
const RUNS = opts.quick
  ? { parse: 7, plan: 5, baseline: 7, small: 7, native: 5 }
  : { parse: 7, plan: 3, baseline: 5, small: 5, native: 3 };
const BILL_CALLS = 10_000;
const BILL_WARMUP = 2_000;

// ---------------------------------------------------------------------------------------------------
// Helpers

const t0 = performance.now();
function progress(message) {
  const s = ((performance.now() - t0) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[${s} s] ${message}\n`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs `fn` once to warm up (unless warmup = 0), then `runs` times; returns the times in ms. */
function measure(label, fn, runs, warmup = 1) {
  for (let i = 0; i < warmup; i++) {
    const t = performance.now();
    fn();
    progress(`${label}: warm-up ${(performance.now() - t).toFixed(0)} ms`);
  }
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  progress(`${label}: ${times.map((x) => x.toFixed(0)).join(', ')} ms → median ${median(times).toFixed(0)} ms`);
  return summarize(times);
}

function summarize(times) {
  return { runs: times.length, median: median(times), min: Math.min(...times), max: Math.max(...times) };
}

// keeps results alive just long enough that the work cannot be optimized away
let sink = 0;
function consume(x) {
  sink = (sink + (typeof x === 'string' ? x.length : x ? 1 : 0)) | 0;
}

const mb = (n) => (n / 1e6).toFixed(1);
const fmtMs = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const ratio = (a, b) => (a / b).toFixed(2);

// ---------------------------------------------------------------------------------------------------
// Data

progress(`ledgerbridge ${version()}, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`);
const generator = path.join(repo, 'target', 'release', 'examples', 'generate');
if (!existsSync(generator)) {
  process.stderr.write(`bench: no sample generator at ${generator}; run cargo build --release -p ledgerbridge-sample --example generate\n`);
  process.exit(2);
}
/** The generator's output for `args` (JSON text). */
function generated(args) {
  const out = spawnSync(generator, args, { encoding: 'utf8', maxBuffer: 2 ** 30 });
  if (out.status !== 0) throw new Error(`generate ${args.join(' ')} failed: ${out.stderr}`);
  return out.stdout.trimEnd();
}
progress(`generating ${BIG.counterparts}/${BIG.counterparts} counterparts and the records in proportion (seed ${opts.seed}) …`);
let t = performance.now();
const bigText = generated(['--seed', String(opts.seed), '--counterparts', String(BIG.counterparts)]);
progress(`  ${mb(bigText.length)} MB of JSON in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const smallText = generated(['--seed', String(opts.seed), '--counterparts', String(SMALL.counterparts)]);
progress(`  ${SMALL.counterparts}/${SMALL.counterparts} set: ${mb(smallText.length)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
let bigObj = JSON.parse(bigText); // the object route's input (dropped after the baseline)

// ---------------------------------------------------------------------------------------------------
// Measurements

const results = {};

// a. JSON.parse of the input text
results.parse = measure('JSON.parse(text)', () => consume(JSON.parse(bigText)), RUNS.parse);

// b. the plan, text route and object route
let planOut = '';
results.planJson = measure('planSyncJson(text)', () => consume((planOut = planSyncJson(bigText))), RUNS.plan);
const planSummary = JSON.parse(planOut).summary;
const planOutBytes = planOut.length;
planOut = '';
results.planObj = measure('planSync(obj)', () => consume(planSync(bigObj)), RUNS.plan);
const bigBytes = Buffer.from(bigText); // what fs.readFile gives
results.planBytes = measure('planSyncBytes(buffer)', () => consume(planSyncBytes(bigBytes).length), RUNS.plan);
// WebAssembly memory only grows: after the big plans it is the most one of them needed.
const wasmPeakBytes = memoryBytes();
progress(`wasm linear memory after the big plans: ${mb(wasmPeakBytes)} MB (input ${mb(bigBytes.length)} MB)`);

// c. naive JS matcher on the same object (and parse + matcher, to compare with the text route)
const naive = naivePlan(bigObj);
results.baseline = measure('JS name-index baseline(obj)', () => consume(naivePlan(bigObj)), RUNS.baseline);
results.parseBaseline = measure('JSON.parse + JS baseline', () => consume(naivePlan(JSON.parse(bigText))), RUNS.baseline);
bigObj = null; // the growth runs need the memory

// d. growth: the small set (one tenth) through the same route
results.planJsonSmall = measure(`planSyncJson(text) at ${SMALL.counterparts}`, () => consume(planSyncJson(smallText)), RUNS.small);
results.parseSmall = measure(`JSON.parse(text) at ${SMALL.counterparts}`, () => consume(JSON.parse(smallText)), RUNS.small);

// e. validateBill on a 20-line bill, per call
{
  // a bill a form would hold: 20 lines, every one with a known active account and a rate that maps, against
  // a chart of 150 ledger accounts and 6 tax rates (generate --validation-case)
  const { bill: b, context } = JSON.parse(generated(['--seed', String(opts.seed), '--validation-case']));
  const check = validateBill(b, context);
  progress(`validateBill(20 lines): eligible ${check.eligible}, ${check.errors.length} errors`);
  for (let i = 0; i < BILL_WARMUP; i++) consume(validateBill(b, context));
  const times = new Float64Array(BILL_CALLS);
  const start = performance.now();
  for (let i = 0; i < BILL_CALLS; i++) {
    const s = process.hrtime.bigint();
    consume(validateBill(b, context));
    times[i] = Number(process.hrtime.bigint() - s) / 1000; // µs
  }
  const total = performance.now() - start;
  // the part of each call that is JSON.stringify of the arguments (the api's `text()`), for reference
  const strTimes = new Float64Array(BILL_CALLS);
  for (let i = 0; i < BILL_CALLS; i++) {
    const s = process.hrtime.bigint();
    consume(JSON.stringify(b));
    consume(JSON.stringify(context));
    strTimes[i] = Number(process.hrtime.bigint() - s) / 1000;
  }
  const sorted = Array.from(times).sort((x, y) => x - y);
  results.validateBill = {
    calls: BILL_CALLS, lines: 20, eligible: check.eligible,
    median_us: sorted[BILL_CALLS >> 1], p95_us: sorted[Math.floor(BILL_CALLS * 0.95)],
    mean_us: (total * 1000) / BILL_CALLS,
    stringify_median_us: median(strTimes),
    bill_bytes: JSON.stringify(b).length, context_bytes: JSON.stringify(context).length,
  };
  progress(`validateBill: median ${results.validateBill.median_us.toFixed(1)} µs, p95 ${results.validateBill.p95_us.toFixed(1)} µs`);

  // The same bill through createBillValidator(context): the context is read once, as a form would keep it.
  const validator = createBillValidator(context);
  for (let i = 0; i < BILL_WARMUP; i++) consume(validator.validate(b));
  const vtimes = new Float64Array(BILL_CALLS);
  for (let i = 0; i < BILL_CALLS; i++) {
    const s = process.hrtime.bigint();
    consume(validator.validate(b));
    vtimes[i] = Number(process.hrtime.bigint() - s) / 1000;
  }
  validator.free();
  const vsorted = Array.from(vtimes).sort((x, y) => x - y);
  results.billValidator = { calls: BILL_CALLS, median_us: vsorted[BILL_CALLS >> 1], p95_us: vsorted[Math.floor(BILL_CALLS * 0.95)] };
  progress(`createBillValidator(context).validate(bill): median ${results.billValidator.median_us.toFixed(1)} µs`);
}

/** Engine sources (src/**, Cargo.toml) modified after `ms`: the native binary may not be today's engine. */
function newerSources(ms) {
  const newer = [];
  const src = path.join(repo, 'src');
  if (existsSync(src)) {
    for (const f of readdirSync(src, { recursive: true })) {
      const p = path.join(src, f);
      const st = statSync(p);
      if (st.isFile() && st.mtimeMs > ms) newer.push(path.relative(repo, p));
    }
  }
  const cargo = path.join(repo, 'Cargo.toml');
  if (existsSync(cargo) && statSync(cargo).mtimeMs > ms) newer.push('Cargo.toml');
  return newer;
}

// f. native: the `plan` example on the same text, as a process (wall time, and its peak RSS)
const scratch = mkdtempSync(path.join(os.tmpdir(), 'ledgerbridge-bench-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const hasNative = existsSync(nativePath);
/** Runs the native plan on `file` once: wall ms and peak RSS bytes (LEDGERBRIDGE_PEAK). */
function nativeOnce(file) {
  const s = performance.now();
  const p = spawnSync(nativePath, [file], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LEDGERBRIDGE_PEAK: '1' }, encoding: 'utf8' });
  const ms = performance.now() - s;
  if (p.status !== 0) throw new Error(`${nativePath} exited ${p.status}: ${p.stderr}`);
  const peak = Number(/peak_rss_bytes (\d+)/.exec(p.stderr)?.[1] ?? NaN);
  return { ms, peak };
}
/** Median wall time of `runs` native runs after a warm-up, with the largest peak RSS seen. */
function nativeTimed(label, file, runs) {
  progress(`${label}: warm-up ${nativeOnce(file).ms.toFixed(0)} ms`);
  const all = Array.from({ length: runs }, () => nativeOnce(file));
  const times = all.map((r) => r.ms);
  progress(`${label}: ${times.map((x) => x.toFixed(0)).join(', ')} ms → median ${median(times).toFixed(0)} ms`);
  return { ...summarize(times), peak_rss_bytes: Math.max(...all.map((r) => r.peak)) };
}
let native = null;
if (hasNative) {
  const file = path.join(scratch, 'input.json');
  const empty = path.join(scratch, 'empty.json');
  writeFileSync(file, bigText);
  writeFileSync(empty, '{}');
  native = {
    binary: path.relative(repo, nativePath),
    built: statSync(nativePath).mtime.toISOString(),
    stale: newerSources(statSync(nativePath).mtimeMs),
    plan: nativeTimed('native plan <file> (process)', file, RUNS.native),
    startup: nativeTimed('native plan {} (process start only)', empty, 5),
  };
} else {
  progress(`no native binary at ${nativePath}: skipping wasm vs native (cargo build --release --example plan)`);
}

// g. growth: the byte entry (and the native plan) from a quarter of the big set to twice it, per doubling
const GROWTH = opts.quick ? [2_500, 5_000, 10_000, 20_000] : [25_000, 50_000, 100_000, 200_000];
const growth = [];
for (const n of GROWTH) {
  const text = n === BIG.counterparts ? bigText : generated(['--seed', String(opts.seed), '--counterparts', String(n)]);
  const bytes = Buffer.from(text);
  const runs = n > BIG.counterparts ? 2 : 3;
  const row = { counterparts: n, bytes: bytes.length, wasm: measure(`growth: planSyncBytes at ${n}`, () => consume(planSyncBytes(bytes).length), runs) };
  if (hasNative) {
    const file = path.join(scratch, `growth-${n}.json`);
    writeFileSync(file, bytes);
    row.native = nativeTimed(`growth: native at ${n}`, file, runs);
    rmSync(file);
  }
  growth.push(row);
}
const wasmPeakAfterGrowth = memoryBytes();
const doublings = growth.slice(1).map((row, i) => ({
  from: growth[i].counterparts,
  to: row.counterparts,
  wasm: row.wasm.median / growth[i].wasm.median,
  native: row.native && growth[i].native ? row.native.median / growth[i].native.median : null,
}));

// h. a re-sync preview (SPEC §3.0): the small set the day after its first sync, with its synced records,
// against its first sync (the generator's second day is slow to build at 100k: minutes)
const RESYNC = SMALL.counterparts;
const firstDayBytes = Buffer.from(smallText);
const resyncBytes = Buffer.from(generated(['--seed', String(opts.seed), '--counterparts', String(RESYNC), '--second-day']));
results.firstSmall = measure(`planSyncBytes, first sync at ${RESYNC}`, () => consume(planSyncBytes(firstDayBytes).length), RUNS.small);
results.resync = measure(`planSyncBytes, the day after at ${RESYNC}`, () => consume(planSyncBytes(resyncBytes).length), RUNS.small);
const resyncSummary = JSON.parse(new TextDecoder().decode(planSyncBytes(resyncBytes))).summary;

// i. the module: raw and gzip (level 9) size of the one .wasm the package ships
const wasmFile = path.join(here, '..', 'glue', 'ledgerbridge_bg.wasm');
const moduleBytes = existsSync(wasmFile) ? readFileSync(wasmFile) : null;
const size = moduleBytes && { raw: moduleBytes.length, gzip: gzipSync(moduleBytes, { level: 9 }).length };

// ---------------------------------------------------------------------------------------------------
// Report

const report = {
  date: new Date().toISOString(),
  ledgerbridge: version(),
  node: process.version,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? null, platform: `${os.platform()} ${os.arch()}`, loadavg: os.loadavg() },
  wasm_built: existsSync(wasmFile) ? statSync(wasmFile).mtime.toISOString() : null,
  mode: opts.quick ? 'quick' : 'full',
  seed: opts.seed,
  data: {
    big: { ...BIG, json_bytes: bigText.length, utf8_bytes: bigBytes.length },
    small: { ...SMALL, json_bytes: smallText.length },
    second_day: { counterparts: RESYNC, utf8_bytes: resyncBytes.length, synced_records: resyncSummary.synced_records ?? null },
    plan_output_bytes: planOutBytes,
    plan_summary: planSummary,
    naive_counts: { counterparts: naive.counterparts.counts, products: naive.products.counts },
  },
  results_ms: {
    json_parse: results.parse,
    plan_sync_json: results.planJson,
    plan_sync_bytes: results.planBytes,
    plan_sync_object: results.planObj,
    js_baseline_object: results.baseline,
    json_parse_plus_js_baseline: results.parseBaseline,
    plan_sync_json_small: results.planJsonSmall,
    json_parse_small: results.parseSmall,
    resync_plan_sync_bytes: results.resync,
    first_sync_plan_sync_bytes_small: results.firstSmall,
    native_plan_process: native?.plan ?? null,
    native_process_start: native?.startup ?? null,
  },
  growth,
  doublings,
  memory: {
    wasm_linear_after_big_plan_bytes: wasmPeakBytes,
    wasm_linear_after_growth_bytes: wasmPeakAfterGrowth,
    native_peak_rss_bytes: native?.plan.peak_rss_bytes ?? null,
    input_bytes: bigBytes.length,
  },
  module: size,
  validate_bill: results.validateBill,
  bill_validator: results.billValidator,
  native: native && { binary: native.binary, built: native.built, stale_sources: native.stale },
  ratios: {
    plan_json_over_json_parse: results.planJson.median / results.parse.median,
    plan_bytes_over_json_parse: results.planBytes.median / results.parse.median,
    plan_object_over_json_parse: results.planObj.median / results.parse.median,
    plan_object_over_js_baseline: results.planObj.median / results.baseline.median,
    plan_json_over_parse_plus_js_baseline: results.planJson.median / results.parseBaseline.median,
    growth_plan_json: results.planJson.median / results.planJsonSmall.median,
    growth_json_parse: results.parse.median / results.parseSmall.median,
    resync_over_first_sync: results.resync.median / results.firstSmall.median,
    wasm_over_native: native ? results.planBytes.median / native.plan.median : null,
    wasm_memory_over_input: wasmPeakBytes / bigBytes.length,
    native_rss_over_input: native ? native.plan.peak_rss_bytes / bigBytes.length : null,
  },
};

const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const bigLabel = `${k(BIG.counterparts)}/${k(BIG.counterparts)} cps, ${k(BIG.counterparts / 2)}/${k(BIG.counterparts / 2)} products, ${k(BIG.counterparts / 10)} bills, ${mb(bigText.length)} MB`;
const smallLabel = `${k(SMALL.counterparts)} per side, ${mb(smallText.length)} MB`;
const rows = [
  ['a', 'JSON.parse(text)', bigLabel, results.parse],
  ['b', 'planSyncJson(text) — JSON text in → out', bigLabel, results.planJson],
  ['b', 'planSyncBytes(buffer) — UTF-8 bytes in → out', bigLabel, results.planBytes],
  ['b', 'planSync(obj) — stringify + plan + parse', bigLabel, results.planObj],
  ['c', 'JS name-index baseline(obj)', bigLabel, results.baseline],
  ['c', 'JSON.parse + JS baseline', bigLabel, results.parseBaseline],
  ['d', 'planSyncJson(text)', smallLabel, results.planJsonSmall],
  ['d', 'JSON.parse(text)', smallLabel, results.parseSmall],
  ['h', 'planSyncBytes, first sync', `${k(RESYNC)} per side, ${mb(firstDayBytes.length)} MB`, results.firstSmall],
  ['h', 'planSyncBytes, the day after (synced records)', `${k(RESYNC)} per side, ${mb(resyncBytes.length)} MB`, results.resync],
];
if (native) {
  rows.push(['f', `native ${native.binary} <file> (process wall time)`, bigLabel, native.plan]);
  rows.push(['f', 'native process start (input `{}`)', 'empty input', native.startup]);
}
for (const g of growth) {
  rows.push(['g', 'planSyncBytes(buffer)', `${k(g.counterparts)} per side, ${mb(g.bytes)} MB`, g.wasm]);
  if (g.native) rows.push(['g', 'native plan (process)', `${k(g.counterparts)} per side, ${mb(g.bytes)} MB`, g.native]);
}

const out = [];
out.push(`ledgerbridge ${report.ledgerbridge} — node ${report.node} — ${report.machine.cpus} × ${report.machine.model} — ${report.date.slice(0, 16).replace('T', ' ')} UTC — ${report.mode} run, seed ${report.seed} — load ${report.machine.loadavg.map((x) => x.toFixed(1)).join(' ')}`);
out.push('');
out.push('| | measurement | input | runs | median ms | min ms | max ms |');
out.push('|---|---|---|---|---|---|---|');
for (const [id, name, input, r] of rows) out.push(`| ${id} | ${name} | ${input} | ${r.runs} | ${fmtMs(r.median)} | ${fmtMs(r.min)} | ${fmtMs(r.max)} |`);
const vb = results.validateBill;
const bv = results.billValidator;
out.push(`| e | validateBill(bill, context), 20 lines, 150 accounts, 6 rates | ${vb.bill_bytes} B bill + ${vb.context_bytes} B context | ${vb.calls} calls | median ${vb.median_us.toFixed(1)} µs | | p95 ${vb.p95_us.toFixed(1)} µs |`);
out.push(`| e | of which JSON.stringify(bill) + JSON.stringify(context) | same | ${vb.calls} calls | median ${vb.stringify_median_us.toFixed(1)} µs | | |`);
out.push(`| e | createBillValidator(context).validate(bill), 20 lines | ${vb.bill_bytes} B bill | ${bv.calls} calls | median ${bv.median_us.toFixed(1)} µs | | p95 ${bv.p95_us.toFixed(1)} µs |`);
out.push('');

// Every figure the issue sets a target for, with the target and whether this run meets it.
const R = report.ratios;
const figures = [];
const figure = (name, value, text, target, met) => figures.push([name, text ?? (value === null ? 'n/a' : value.toFixed(2)), target, met === null ? '—' : met ? 'yes' : 'no']);
figure('planSyncJson / JSON.parse', R.plan_json_over_json_parse, null, '≤ 1.5 (aim ≤ 1)', R.plan_json_over_json_parse <= 1.5);
figure('planSyncBytes / JSON.parse', R.plan_bytes_over_json_parse, null, '≤ 1.5 (aim ≤ 1)', R.plan_bytes_over_json_parse <= 1.5);
figure('planSyncJson / (JSON.parse + JS baseline)', R.plan_json_over_parse_plus_js_baseline, null, '< 1', R.plan_json_over_parse_plus_js_baseline < 1);
for (const d of doublings) {
  figure(`growth ${k(d.from)} → ${k(d.to)} per side, planSyncBytes`, d.wasm, null, '≤ 2.1', d.wasm <= 2.1);
  if (d.native !== null) figure(`growth ${k(d.from)} → ${k(d.to)} per side, native`, d.native, null, '≤ 2.1', d.native <= 2.1);
}
figure('createBillValidator(context).validate, 20 lines, median', null, `${bv.median_us.toFixed(1)} µs`, '≤ 20 µs', bv.median_us <= 20);
figure('validateBill, 20 lines, 150 accounts, 6 rates, median', null, `${vb.median_us.toFixed(1)} µs`, '≤ 60 µs', vb.median_us <= 60);
if (size) {
  figure('module, raw (after wasm-opt)', null, `${(size.raw / 1024).toFixed(1)} KiB`, '≤ 400 KiB (aim 300)', size.raw <= 400 * 1024);
  figure('module, gzip -9', null, `${(size.gzip / 1024).toFixed(1)} KiB`, '≤ 150 KiB (aim 110)', size.gzip <= 150 * 1024);
}
figure('wasm planSyncBytes / native plan process', R.wasm_over_native, null, '≤ 1.5', R.wasm_over_native === null ? null : R.wasm_over_native <= 1.5);
figure(`wasm linear memory / input bytes (${k(BIG.counterparts)})`, R.wasm_memory_over_input, `${R.wasm_memory_over_input.toFixed(2)} (${mb(wasmPeakBytes)} MB)`, 'aim ≤ 3', R.wasm_memory_over_input <= 3);
if (native) figure(`native peak RSS / input bytes (${k(BIG.counterparts)})`, R.native_rss_over_input, `${R.native_rss_over_input.toFixed(2)} (${mb(native.plan.peak_rss_bytes)} MB)`, 'aim ≤ 3', R.native_rss_over_input <= 3);
figure(`re-sync preview / first sync (planSyncBytes, ${k(RESYNC)})`, R.resync_over_first_sync, null, '(figure only)', null);
figure('planSync(obj) / JS baseline(obj)', R.plan_object_over_js_baseline, null, '(figure only)', null);
out.push('| figure | value | target | met |');
out.push('|---|---|---|---|');
for (const [name, value, target, met] of figures) out.push(`| ${name} | ${value} | ${target} | ${met} |`);
out.push('');
const s = planSummary.pull.counterparts;
out.push(`plan: ${s.matched} matched, ${s.unmatched} unmatched (${s.with_suggestions} with suggestions), ${s.ambiguous} ambiguous counterparts; ` +
  `${planSummary.push.bills.eligible}/${planSummary.push.bills.total} bills eligible; output ${mb(planOutBytes)} MB. ` +
  `JS baseline: ${naive.counterparts.counts.matched} matched, ${naive.counterparts.counts.ambiguous} ambiguous.`);
if (native) {
  out.push(`native: wall time of \`${native.binary} <file>\` (built ${native.built.slice(0, 16).replace('T', ' ')}), stdout to /dev/null; ` +
    'it includes process start, reading the file and writing the plan; nothing subtracted.');
  if (native.stale.length) {
    out.push(`WARNING: the native binary is older than ${native.stale.length} engine source file(s) (e.g. ${native.stale.slice(0, 3).join(', ')}): ` +
      'it may not be the engine the wasm was built from; rebuild it (cargo build --release --example plan) for a fair wasm/native ratio.');
  }
}
process.stdout.write(out.join('\n') + '\n');

if (opts.json) {
  writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
  progress(`wrote ${opts.json}`);
}
progress(`done in ${((performance.now() - t0) / 1000).toFixed(0)} s${sink === 0.5 ? '' : ''}`);
