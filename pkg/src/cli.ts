#!/usr/bin/env node
/**
 * `ledgerbridge plan <file|->` — prints the sync plan (SPEC §8) of a `PlanInput` JSON file as JSON on
 * stdout; `--summary` prints a readable table instead. Bad input: one line on stderr naming the JSON path,
 * exit 2. Inputs that take more than a second get progress and timing on stderr.
 * @module
 */
import { readFileSync } from 'node:fs';
import { InputError, planSyncJson, version } from './node.js';
import type { SyncPlan } from './api.js';
import { renderSummary } from './summary.js';

const USAGE = `usage: ledgerbridge plan <file|-> [--summary]
       ledgerbridge --version

  plan <file|->   read a PlanInput JSON document (- for stdin) and print its sync plan as JSON
  --summary       print a readable table of counts and problems instead of the JSON plan`;

/** Announces slow stages on stderr, and only those: a fast run prints nothing there. */
class Progress {
  private readonly start = performance.now();
  private readonly verbose: boolean;
  constructor(bytes: number) {
    // Planning runs at roughly 30–50 MB/s; say what happens before a stage that will take a second.
    this.verbose = bytes > 16_000_000;
  }
  note(message: string): void {
    if (this.verbose) process.stderr.write(`ledgerbridge: ${message}\n`);
  }
  finish(stages: Array<[string, number]>): void {
    const total = performance.now() - this.start;
    if (total < 1000 && !this.verbose) return;
    const parts = stages.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`);
    process.stderr.write(`ledgerbridge: done in ${(total / 1000).toFixed(2)} s (${parts.join(', ')})\n`);
  }
}

/** One line on stderr (newlines inside the message are escaped), then exit. */
function fail(message: string, code = 2): never {
  process.stderr.write(`ledgerbridge: ${message.replace(/\r?\n/g, '\\n')}\n`);
  process.exit(code);
}

/** Usage on stderr, exit 2: the command line itself is wrong. */
function usageError(problem: string): never {
  process.stderr.write(`ledgerbridge: ${problem}\n${USAGE}\n`);
  process.exit(2);
}

function readInput(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`cannot read ${source === '-' ? 'stdin' : source}: ${reason}`);
  }
}

function main(argv: string[]): void {
  const args = argv.filter((a) => !a.startsWith('--'));
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  if (flags.has('--version')) {
    process.stdout.write(`ledgerbridge ${version()}\n`);
    return;
  }
  if (flags.has('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const unknown = [...flags].filter((f) => f !== '--summary');
  if (unknown.length > 0) usageError(`unknown option ${unknown[0]}`);
  if (args.length === 0) usageError('missing command');
  if (args[0] !== 'plan' || args.length !== 2) usageError('expected: plan <file|->');
  const source = args[1] as string;

  let t = performance.now();
  const text = readInput(source);
  const readMs = performance.now() - t;
  const progress = new Progress(text.length);
  progress.note(`read ${(text.length / 1e6).toFixed(1)} MB in ${(readMs / 1000).toFixed(2)} s; planning…`);

  t = performance.now();
  let out: string;
  try {
    out = planSyncJson(text);
  } catch (error) {
    if (error instanceof InputError) fail(error.message);
    throw error;
  }
  const planMs = performance.now() - t;

  t = performance.now();
  if (flags.has('--summary')) {
    process.stdout.write(renderSummary(JSON.parse(out) as SyncPlan));
  } else {
    process.stdout.write(out);
    process.stdout.write('\n');
  }
  progress.finish([
    ['read', readMs],
    ['plan', planMs],
    ['write', performance.now() - t],
  ]);
}

// A reader that stops early (`ledgerbridge plan x.json | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2));
