#!/usr/bin/env node
// Many entities at once: entities planned per second on the main thread (serial) and through the piscina
// pool of pkg/examples/pool with 1 and 2 worker threads, on seeded data (pkg/bench/data.mjs).
//
//   node pkg/bench/pool.mjs [--entities N] [--counterparts C] [--rounds R]
//
// Defaults: 16 entities of 5,000 counterparts (2,500 products, 500 bills) each; each figure is the median of
// R = 3 rounds after a warm-up round (the pool's threads are started and warm before timing). Prints one
// line per configuration, and checks that every configuration returned the serial run's plans. It also
// measures how many cores were free (two spinning threads against one): on a shared machine the speed-up
// of 2 workers is bounded by that, not by the pool.
import assert from 'node:assert/strict';
import os from 'node:os';

import { Worker } from 'node:worker_threads';

import { planSyncJson, version } from 'ledgerbridge';

import { createPlanner } from '../examples/pool/plan-entities.mjs';
import { generate } from './data.mjs';

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const N = option('--entities', 16);
const C = option('--counterparts', 5000);
const R = option('--rounds', 3);

const entities = Array.from({ length: N }, (_, i) => ({
  id: `entity-${i}`,
  input: JSON.stringify(generate({ seed: 1000 + i, counterparts: C, products: Math.round(C / 2), bills: Math.round(C / 10) }).input),
}));
const bytes = entities.reduce((n, e) => n + Buffer.byteLength(e.input), 0);
const matched = JSON.parse(planSyncJson(entities[0].input)).summary.pull.counterparts;
assert.equal(matched.total, C, 'the generated entities are PlanInputs with C counterparts');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median seconds of `R` timed rounds of `round()`, after one warm-up round. */
async function time(round) {
  await round();
  const runs = [];
  for (let r = 0; r < R; r++) {
    const t = performance.now();
    await round();
    runs.push((performance.now() - t) / 1000);
  }
  return median(runs);
}

/**
 * How many cores this process gets right now: the time of one CPU-bound thread over the time of two such
 * threads running together, times two (2.0 on an idle 2-core machine, ~1.0 when other work takes a core).
 */
async function coresAvailable() {
  const spin = `let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;
  const elapsed = async (n) => {
    const t = performance.now();
    await Promise.all(Array.from({ length: n }, () => new Promise((r) => new Worker(spin, { eval: true }).once('message', r))));
    return performance.now() - t;
  };
  return (2 * (await elapsed(1))) / (await elapsed(2));
}

const cores = await coresAvailable();
const serialPlans = entities.map(({ input }) => planSyncJson(input));
const rows = [['main thread, serial', await time(() => entities.forEach(({ input }) => planSyncJson(input)))]];
for (const threads of [1, 2]) {
  const planner = createPlanner({ threads });
  try {
    let last;
    const seconds = await time(async () => {
      last = await Promise.all(entities.map(({ id, input }) => planner.planText(id, input)));
    });
    last.forEach((r, i) => assert.equal(r.plan, serialPlans[i], `${r.id}: ${threads} worker(s) differ from the serial run`));
    rows.push([`piscina, ${threads} worker${threads > 1 ? 's' : ''}`, seconds]);
  } finally {
    await planner.close();
  }
}

console.log(
  `ledgerbridge ${version()} — ${N} entities × ${C} counterparts (input ${(bytes / N / 1024).toFixed(0)} KiB each, ` +
    `${(bytes / 1024 / 1024).toFixed(1)} MiB in all); ${os.availableParallelism()} cores (${cores.toFixed(1)} free for this run: ` +
    `load ${os.loadavg()[0].toFixed(1)}), Node ${process.versions.node}; median of ${R}`,
);
for (const [name, seconds] of rows) {
  console.log(`  ${name.padEnd(22)} ${(N / seconds).toFixed(1).padStart(7)} entities/s  (${(seconds * 1000).toFixed(0)} ms for ${N})`);
}
console.log('  every configuration returned the serial run\'s plans, byte for byte');
