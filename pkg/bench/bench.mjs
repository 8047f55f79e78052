#!/usr/bin/env node
// The ledgerbridge benchmark: the WebAssembly engine against JSON.parse, a naive JS matcher and the
// native build, on seeded data, in one process.
//
//   node pkg/bench/bench.mjs [--quick] [--json FILE] [--seed N] [--native PATH]
//
//   --quick        10k/10k counterparts, 5k/5k products, 1k bills (growth: 1k → 10k); default 100k/100k,
//                  50k/50k, 10k (growth: 10k → 100k)
//   --json FILE    also write the figures as JSON (for the README)
//   --seed N       seed of the data generator (default 42)
//   --native PATH  the native `plan` example (default: target/release/examples/plan of the repository)
//
// Progress goes to stderr, the table to stdout. Every figure is the median of several runs after a
// warm-up run; the machine it runs on is reported with the figures.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createBillValidator, planSync, planSyncJson, validateBill, version } from 'ledgerbridge';

import { naivePlan } from './baseline.mjs';
import { bill, generate, rng } from './data.mjs';

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

const BIG = opts.quick
  ? { counterparts: 10_000, products: 5_000, bills: 1_000 }
  : { counterparts: 100_000, products: 50_000, bills: 10_000 };
const SMALL = { counterparts: BIG.counterparts / 10, products: BIG.products / 10, bills: BIG.bills / 10 };
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
progress(`generating ${BIG.counterparts}/${BIG.counterparts} counterparts, ${BIG.products}/${BIG.products} products, ${BIG.bills} bills (seed ${opts.seed}) …`);
let t = performance.now();
const big = generate({ seed: opts.seed, ...BIG });
const bigText = JSON.stringify(big.input);
progress(`  ${mb(bigText.length)} MB of JSON in ${((performance.now() - t) / 1000).toFixed(1)} s`);
t = performance.now();
const small = generate({ seed: opts.seed, ...SMALL });
const smallText = JSON.stringify(small.input);
progress(`  ${SMALL.counterparts}/${SMALL.counterparts} set: ${mb(smallText.length)} MB in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const bigObj = big.input; // the object route's input is the generator's object

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

// c. naive JS matcher on the same object (and parse + matcher, to compare with the text route)
const naive = naivePlan(bigObj);
results.baseline = measure('JS name-index baseline(obj)', () => consume(naivePlan(bigObj)), RUNS.baseline);
results.parseBaseline = measure('JSON.parse + JS baseline', () => consume(naivePlan(JSON.parse(bigText))), RUNS.baseline);

// d. growth: the small set (one tenth) through the same route
results.planJsonSmall = measure(`planSyncJson(text) at ${SMALL.counterparts}`, () => consume(planSyncJson(smallText)), RUNS.small);
results.parseSmall = measure(`JSON.parse(text) at ${SMALL.counterparts}`, () => consume(JSON.parse(smallText)), RUNS.small);

// e. validateBill on a 20-line bill, per call
{
  const r = rng(opts.seed ^ 0x5eed);
  const cp = bigObj.monite.counterparts[0];
  const b = bill(r, { counterpartId: cp.id, expenseIds: big.expenseIds, lines: 20, entityId: big.entityId, connectionMs: big.connectionMs });
  // a bill a form would hold: pushable, every line with a known account and an unambiguous rate
  b.status = 'issued';
  for (const line of b.line_items) {
    line.ledger_account_id = big.expenseIds[0];
    line.tax = 1900;
    line.tax_amount = Math.round((line.subtotal * 1900) / 10000);
    line.total = line.subtotal + line.tax_amount;
  }
  const context = { ...big.context, counterparts: { [cp.id]: 'matched' } };
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

// f. native: the `plan` example on the same text, as a process (wall time)
let native = null;
if (existsSync(nativePath)) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgerbridge-bench-'));
  try {
    const file = path.join(dir, 'input.json');
    const empty = path.join(dir, 'empty.json');
    writeFileSync(file, bigText);
    writeFileSync(empty, '{}');
    const run = (f) => {
      const s = performance.now();
      const p = spawnSync(nativePath, [f], { stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = performance.now() - s;
      if (p.status !== 0) throw new Error(`${nativePath} exited ${p.status}: ${p.stderr}`);
      return ms;
    };
    const timed = (label, f, runs) => {
      progress(`${label}: warm-up ${run(f).toFixed(0)} ms`);
      const times = Array.from({ length: runs }, () => run(f));
      progress(`${label}: ${times.map((x) => x.toFixed(0)).join(', ')} ms → median ${median(times).toFixed(0)} ms`);
      return summarize(times);
    };
    native = {
      binary: path.relative(repo, nativePath),
      built: statSync(nativePath).mtime.toISOString(),
      stale: newerSources(statSync(nativePath).mtimeMs),
      plan: timed('native plan <file> (process)', file, RUNS.native),
      startup: timed('native plan {} (process start only)', empty, 5),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  progress(`no native binary at ${nativePath}: skipping wasm vs native (cargo build --release --example plan)`);
}

// ---------------------------------------------------------------------------------------------------
// Report

const wasmFile = path.join(here, '..', 'glue', 'ledgerbridge_bg.wasm');
const report = {
  date: new Date().toISOString(),
  ledgerbridge: version(),
  node: process.version,
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? null, platform: `${os.platform()} ${os.arch()}`, loadavg: os.loadavg() },
  wasm_built: existsSync(wasmFile) ? statSync(wasmFile).mtime.toISOString() : null,
  mode: opts.quick ? 'quick' : 'full',
  seed: opts.seed,
  data: {
    big: { ...BIG, json_bytes: bigText.length, utf8_bytes: Buffer.byteLength(bigText) },
    small: { ...SMALL, json_bytes: smallText.length },
    plan_output_bytes: planOutBytes,
    plan_summary: planSummary,
    naive_counts: { counterparts: naive.counterparts.counts, products: naive.products.counts },
  },
  results_ms: {
    json_parse: results.parse,
    plan_sync_json: results.planJson,
    plan_sync_object: results.planObj,
    js_baseline_object: results.baseline,
    json_parse_plus_js_baseline: results.parseBaseline,
    plan_sync_json_small: results.planJsonSmall,
    json_parse_small: results.parseSmall,
    native_plan_process: native?.plan ?? null,
    native_process_start: native?.startup ?? null,
  },
  validate_bill: results.validateBill,
  bill_validator: results.billValidator,
  native: native && { binary: native.binary, built: native.built, stale_sources: native.stale },
  ratios: {
    plan_json_over_json_parse: results.planJson.median / results.parse.median,
    plan_object_over_json_parse: results.planObj.median / results.parse.median,
    plan_object_over_js_baseline: results.planObj.median / results.baseline.median,
    plan_json_over_parse_plus_js_baseline: results.planJson.median / results.parseBaseline.median,
    growth_plan_json: results.planJson.median / results.planJsonSmall.median,
    growth_json_parse: results.parse.median / results.parseSmall.median,
    wasm_over_native: native ? results.planJson.median / native.plan.median : null,
  },
};

const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const bigLabel = `${k(BIG.counterparts)}/${k(BIG.counterparts)} cps, ${k(BIG.products)}/${k(BIG.products)} products, ${k(BIG.bills)} bills, ${mb(bigText.length)} MB`;
const smallLabel = `${k(SMALL.counterparts)} per side, ${mb(smallText.length)} MB`;
const rows = [
  ['a', 'JSON.parse(text)', bigLabel, results.parse],
  ['b', 'planSyncJson(text) — JSON text in → out', bigLabel, results.planJson],
  ['b', 'planSync(obj) — stringify + plan + parse', bigLabel, results.planObj],
  ['c', 'JS name-index baseline(obj)', bigLabel, results.baseline],
  ['c', 'JSON.parse + JS baseline', bigLabel, results.parseBaseline],
  ['d', 'planSyncJson(text)', smallLabel, results.planJsonSmall],
  ['d', 'JSON.parse(text)', smallLabel, results.parseSmall],
];
const vb = results.validateBill;
rows.push(['e', 'validateBill(bill, context), 20 lines', `${vb.bill_bytes} B bill + ${vb.context_bytes} B context`, null]);
rows.push(['e', '  of which JSON.stringify(bill) + JSON.stringify(context)', 'same', null]);
rows.push(['e2', 'createBillValidator(context).validate(bill), 20 lines', `${vb.bill_bytes} B bill`, null]);
if (native) {
  rows.push(['f', `native ${native.binary} <file> (process wall time)`, bigLabel, native.plan]);
  rows.push(['f', 'native process start (input `{}`)', 'empty input', native.startup]);
}

const out = [];
out.push(`ledgerbridge ${report.ledgerbridge} — node ${report.node} — ${report.machine.cpus} × ${report.machine.model} — ${report.date.slice(0, 16).replace('T', ' ')} UTC — ${report.mode} run, seed ${report.seed}`);
out.push('');
out.push('| | measurement | input | runs | median ms | min ms | max ms |');
out.push('|---|---|---|---|---|---|---|');
for (const [id, name, input, r] of rows) {
  if (id === 'e' && !name.startsWith(' ')) {
    out.push(`| e | ${name} | ${input} | ${vb.calls} calls | ${(vb.median_us / 1000).toFixed(4)} (median ${vb.median_us.toFixed(1)} µs) | p95 ${vb.p95_us.toFixed(1)} µs | mean ${vb.mean_us.toFixed(1)} µs |`);
    continue;
  }
  if (id === 'e2') {
    const bv = results.billValidator;
    out.push(`| e | ${name} | ${input} | ${bv.calls} calls | ${(bv.median_us / 1000).toFixed(4)} (median ${bv.median_us.toFixed(1)} µs) | p95 ${bv.p95_us.toFixed(1)} µs | |`);
    continue;
  }
  if (id === 'e') {
    out.push(`| e | ${name.trim()} | ${input} | ${vb.calls} calls | ${(vb.stringify_median_us / 1000).toFixed(4)} (median ${vb.stringify_median_us.toFixed(1)} µs) | | |`);
    continue;
  }
  out.push(`| ${id} | ${name} | ${input} | ${r.runs} | ${fmtMs(r.median)} | ${fmtMs(r.min)} | ${fmtMs(r.max)} |`);
}
out.push('');
const R = report.ratios;
out.push('| ratio | value | target |');
out.push('|---|---|---|');
out.push(`| planSyncJson / JSON.parse | ${R.plan_json_over_json_parse.toFixed(2)} | ≤ 1.5 |`);
out.push(`| planSync(obj) / JSON.parse | ${R.plan_object_over_json_parse.toFixed(2)} | |`);
out.push(`| planSync(obj) / JS baseline(obj) | ${R.plan_object_over_js_baseline.toFixed(2)} | |`);
out.push(`| planSyncJson / (JSON.parse + JS baseline) | ${R.plan_json_over_parse_plus_js_baseline.toFixed(2)} | |`);
out.push(`| planSyncJson ${k(BIG.counterparts)} / ${k(SMALL.counterparts)} | ${R.growth_plan_json.toFixed(2)} | 10 = linear |`);
out.push(`| JSON.parse ${k(BIG.counterparts)} / ${k(SMALL.counterparts)} | ${R.growth_json_parse.toFixed(2)} | 10 = linear |`);
out.push(`| validateBill, 20 lines, median | ${vb.median_us.toFixed(1)} µs | ≤ 20 µs |`);
if (native) {
  out.push(`| wasm planSyncJson / native process | ${R.wasm_over_native.toFixed(2)} | |`);
} else {
  out.push('| wasm / native | n/a (no native binary) | |');
}
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
