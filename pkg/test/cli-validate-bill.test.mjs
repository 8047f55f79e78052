// `ledgerbridge validate-bill <bill.json|-> [--context ctx.json]` as a user runs it: the built CLI as a child
// process. Exit 0 eligible, 1 not eligible (the issues by path), 2 bad input (one line naming the file and the
// JSON path) or usage; JSON by default, a readable list with --summary, colour only on a terminal.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { validateBill } from 'ledgerbridge';

import { defaultData } from '../../sim/seed.mjs';
import { runCli } from './helpers.mjs';
import { ANSI, cleanEnv, noPty, runCliInPty, screenLines } from './support/cli.mjs';

// The simulator's default data: a bill that can go, one whose line has no ledger account, a draft without lines.
const data = defaultData({ connected: true });
const [ELIGIBLE, NO_LEDGER, DRAFT] = data.monite.payables;
const CONTEXT = { ledger_accounts: data.accounting.ledger_accounts, tax_rates: data.accounting.tax_rates, connection: data.monite.connection, policy: data.policy };

let dir;
const file = (name, value) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return path;
};
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledgerbridge-validate-bill-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args, options = {}) => runCli(['validate-bill', ...args], { env: cleanEnv(), ...options });

/** Exit 2 with exactly one line on stderr that includes every one of `parts`, and nothing on stdout. */
function assertBadInput(r, parts, what) {
  assert.equal(r.status, 2, `${what}: ${r.stderr}`);
  assert.equal(r.stdout, '', what);
  assert.ok(r.stderr.endsWith('\n') && !r.stderr.slice(0, -1).includes('\n'), `${what}: one line: ${JSON.stringify(r.stderr)}`);
  assert.match(r.stderr, /^ledgerbridge: /);
  for (const part of parts) assert.ok(r.stderr.includes(part), `${what}: ${JSON.stringify(part)} not in ${r.stderr}`);
}

describe('validate-bill: results', () => {
  test('an eligible bill: exit 0, stdout is validateBill\'s result as JSON, nothing on stderr', () => {
    const r = run([file('eligible.json', ELIGIBLE), '--context', file('context.json', CONTEXT)]);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    const result = JSON.parse(r.stdout);
    assert.deepEqual(result, validateBill(ELIGIBLE, CONTEXT));
    assert.equal(result.eligible, true);
    assert.equal(result.payload.lines.length, 2, 'with the payload it would push');
  });

  test('a bill that is not eligible: exit 1, the issues by path in the JSON', () => {
    const r = run([file('no-ledger.json', NO_LEDGER), '--context', file('context.json', CONTEXT), '--json']);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(r.stderr, '');
    const result = JSON.parse(r.stdout);
    assert.deepEqual(result, validateBill(NO_LEDGER, CONTEXT));
    assert.deepEqual(result.errors.map((e) => [e.path, e.code]), [['line_items[0].ledger_account_id', 'ledger_account_missing']]);
  });

  test('--summary: the verdict, then one line per issue: path: code — message (no colour on a pipe)', () => {
    const ctx = file('context.json', CONTEXT);
    const bad = run([file('no-ledger.json', NO_LEDGER), '--context', ctx, '--summary']);
    assert.equal(bad.status, 1);
    assert.equal(bad.stdout, `bill ${NO_LEDGER.id}: not eligible (1 error, 0 warnings)\nerrors:\n  line_items[0].ledger_account_id: ledger_account_missing — the line has no ledger account\n`);
    assert.doesNotMatch(bad.stdout, ANSI);

    const draft = run([file('draft.json', DRAFT), '--context', ctx, '--summary']);
    assert.equal(draft.status, 1);
    const expected = validateBill(DRAFT, CONTEXT).errors.map((e) => `  ${e.path}: ${e.code} — ${e.message}`);
    assert.deepEqual(draft.stdout.split('\n').slice(2, -1), expected);
    assert.ok(draft.stdout.includes('  status: status_not_pushable — bills in status "draft" are not pushed'), draft.stdout);
    assert.ok(draft.stdout.includes('  line_items: line_items_missing — the bill has no line items'), draft.stdout);

    const good = run([file('eligible.json', ELIGIBLE), '--context', ctx, '--summary']);
    assert.equal(good.status, 0);
    assert.equal(good.stdout, `bill ${ELIGIBLE.id}: eligible (0 errors, 0 warnings)\n`);
  });

  test('without --context the defaults apply (here: waiting_to_be_paid is not a pushable status)', () => {
    const r = run([file('eligible.json', ELIGIBLE)]);
    assert.equal(r.status, 1);
    assert.deepEqual(JSON.parse(r.stdout), validateBill(ELIGIBLE));
    assert.ok(JSON.parse(r.stdout).errors.some((e) => e.code === 'status_not_pushable'));
  });

  test('- reads the bill from stdin; --context - reads the context from stdin', () => {
    const fromStdin = run(['-', '--context', file('context.json', CONTEXT)], { input: JSON.stringify(ELIGIBLE) });
    assert.equal(fromStdin.status, 0, fromStdin.stderr);
    assert.deepEqual(JSON.parse(fromStdin.stdout), validateBill(ELIGIBLE, CONTEXT));
    const contextStdin = run([file('no-ledger.json', NO_LEDGER), '--context', '-'], { input: JSON.stringify(CONTEXT) });
    assert.equal(contextStdin.status, 1, contextStdin.stderr);
    assert.deepEqual(JSON.parse(contextStdin.stdout), validateBill(NO_LEDGER, CONTEXT));
  });
});

describe('validate-bill: bad input (exit 2, one line naming the file and the JSON path)', () => {
  test('a malformed bill file: the file and `bill: invalid JSON`', () => {
    const path = file('malformed.json', '{ "id": "b1", "line_items": [ ');
    assertBadInput(run([path]), ['InputError: bill: invalid JSON', `(in ${path})`], 'malformed file');
    assertBadInput(run(['-'], { input: 'not json' }), ['InputError: bill: invalid JSON', '(in stdin)'], 'malformed stdin');
    assertBadInput(run(['-'], { input: '' }), ['bill: invalid JSON'], 'empty stdin');
  });

  test('a field of the wrong type: its JSON path in the bill, and the file', () => {
    const bill = structuredClone(ELIGIBLE);
    bill.line_items[1].quantity = 'x';
    const path = file('quantity.json', bill);
    assertBadInput(run([path, '--context', file('context.json', CONTEXT)]), ['InputError: bill.line_items[1].quantity: expected a number', `(in ${path})`], 'type error');
  });

  test('a missing field, and a bill that is not an object', () => {
    const { status: _status, ...noStatus } = ELIGIBLE;
    assertBadInput(run([file('no-status.json', noStatus)]), ['bill.status: required field is missing'], 'missing status');
    assertBadInput(run([file('array.json', [ELIGIBLE])]), ['bill: expected an object, found an array'], 'array');
  });

  test('a bad context: the path in the context, and the context file (not the bill)', () => {
    const ctx = file('bad-context.json', { ...CONTEXT, ledger_accounts: 'none' });
    assertBadInput(run([file('eligible.json', ELIGIBLE), '--context', ctx]), ['InputError: context.ledger_accounts', `(in ${ctx})`], 'bad context');
    const malformed = file('malformed-context.json', '{');
    assertBadInput(run([file('eligible.json', ELIGIBLE), '--context', malformed]), ['context: invalid JSON', `(in ${malformed})`], 'malformed context');
  });

  test('a file that does not exist: its name', () => {
    const missing = join(dir, 'nope.json');
    assertBadInput(run([missing]), [`cannot read ${missing}`], 'missing bill');
    assertBadInput(run([file('eligible.json', ELIGIBLE), '--context', `${missing}-ctx`]), [`cannot read ${missing}-ctx`], 'missing context');
  });

  test('the bill and the context cannot both come from stdin: a usage error', () => {
    const r = run(['-', '--context', '-'], { input: '{}' });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /only one of the bill and --context can be read from stdin/);
    assert.match(r.stderr, /^usage: ledgerbridge validate-bill/m);
  });
});

describe('validate-bill: colour', () => {
  test('on a terminal --summary is coloured (verdict and codes); NO_COLOR and TERM=dumb turn it off; JSON never is', { skip: noPty }, async () => {
    const args = ['validate-bill', file('no-ledger.json', NO_LEDGER), '--context', file('context.json', CONTEXT)];
    const coloured = await runCliInPty([...args, '--summary']);
    assert.equal(coloured.status, 1, coloured.output);
    assert.ok(coloured.output.includes('\u001b[31mnot eligible\u001b[39m'), JSON.stringify(coloured.output));
    assert.ok(coloured.output.includes('\u001b[31mledger_account_missing\u001b[39m'), JSON.stringify(coloured.output));
    for (const env of [{ NO_COLOR: '1' }, { TERM: 'dumb' }]) {
      const plain = await runCliInPty([...args, '--summary'], { env: cleanEnv(env) });
      assert.equal(plain.status, 1);
      assert.doesNotMatch(plain.output, ANSI, JSON.stringify(env));
      assert.ok(screenLines(plain.output).includes('  line_items[0].ledger_account_id: ledger_account_missing — the line has no ledger account'), plain.output);
    }
    const json = await runCliInPty(args);
    assert.equal(json.status, 1);
    assert.doesNotMatch(json.output, ANSI);
    assert.deepEqual(JSON.parse(screenLines(json.output)[0]), validateBill(NO_LEDGER, CONTEXT));
  });
});
