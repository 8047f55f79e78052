// `ledgerbridge preview` and `ledgerbridge push-failed` as a user runs them: the built CLI as a child process,
// against the API simulator on 127.0.0.1 (sim/server.mjs), with the partner credentials in the environment and a
// client secret unique to the run. Every request goes through a loopback proxy that records the tokens the
// simulator issues; the last test checks that no output of the suite carries the secret or any of them.
//
//   node --test pkg/test/cli-remote.test.mjs      # after a build (node scripts/build.mjs)
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { createClient, planSync } from 'ledgerbridge';

import { DEFAULT_CONNECTION_ID, defaultData, startSimulator } from '../../sim/server.mjs';
import { CLI, ROOT } from './helpers.mjs';
import { assertNoAnsi, assertNothingSecret, noPty, runCliAsync, runCliInPty, screenLines, simEnv, spawnAsync, startTokenRecorder } from './support/cli.mjs';

const SECRET = `cli-client-secret-${randomUUID()}`;
/** Every CLI run of the suite and every token the simulator issued to it, for the last test. */
const runs = [];
const tokens = new Set();

// The default data, connected (sim/seed.mjs): its first sync pushes a bill, the invoice, the credit note and the
// receivable's payment, and fails the bill without a ledger account.
const BILL_NO_LEDGER = 'ba000000-0000-4000-8000-000000000002';
const INVOICE = 'e1000000-0000-4000-8000-000000000001';
const PAYMENT = 'fa000000-0000-4000-8000-000000000001';
const ELIGIBLE = ['ba000000-0000-4000-8000-000000000001', INVOICE, 'e1000000-0000-4000-8000-000000000002', PAYMENT];
const SECTIONS = ['bills', 'invoices', 'credit_notes', 'payment_records'];
const connected = () => defaultData({ connected: true });
const rows = (plan) => SECTIONS.flatMap((section) => plan.push[section]);
const codes = (issues) => issues.map((i) => i.code);
const pushRequests = (sim) => Object.keys(sim.counters.requests).filter((key) => key.endsWith('/push'));
const syncedRecordRequests = (sim) => Object.keys(sim.counters.requests).filter((key) => key.startsWith('GET /v1/accounting_synced_records'));
const recordOf = (sim, objectId) => sim.state.syncedRecords().find((r) => r.object_id === objectId);

/**
 * Starts a simulator (with the suite's secret) behind the token recorder, runs `fn`, closes both. `cli(args)` runs
 * the CLI with the simulator's credentials in the environment and `--base-url` the recorder; `files()` writes the
 * accounting side the simulator keeps and the data's policy (as a platform would pass them) and returns the flags.
 */
async function withSim(options, fn) {
  const sim = await startSimulator({ clientSecret: SECRET, ...options });
  const recorder = await startTokenRecorder(sim.url);
  const dir = mkdtempSync(join(tmpdir(), 'ledgerbridge-cli-remote-'));
  const write = (name, value) => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };
  const cli = async (args, { env = {}, base = true, ...rest } = {}) => {
    const run = await runCliAsync([...args, ...(base ? ['--base-url', recorder.apiUrl] : [])], { env: simEnv(sim, env), cwd: dir, ...rest });
    runs.push(run);
    return run;
  };
  const files = () => ['--accounting', write('accounting.json', sim.state.accounting()), '--policy', write('policy.json', sim.state.planInput().policy)];
  try {
    return await fn({ sim, cli, files, write, dir, recorder });
  } finally {
    for (const token of recorder.tokens) tokens.add(token);
    await recorder.close();
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The sync through the API (`POST /accounting_connections/{id}/sync`), as a platform's backend runs it. */
function syncOverHttp(sim) {
  const { clientId, clientSecret, entityId } = sim.credentials;
  return createClient({ baseUrl: sim.apiUrl, entityId, clientId, clientSecret }).sync(DEFAULT_CONNECTION_ID);
}

/** A sync in which the pushes of `ids` fail (then the fault is cleared): they can go again, `last_push_failed`. */
function syncFailing(sim, ids) {
  sim.faults.set({ pushFailures: { ids } });
  sim.state.sync();
  sim.faults.set({ pushFailures: null });
}

/** Exit `status`, one line on stderr matching every one of `patterns`, nothing on stdout. */
function assertFailure(run, status, patterns, what) {
  assert.equal(run.status, status, `${what}: ${run.stderr}`);
  assert.equal(run.stdout, '', what);
  const [line, ...more] = run.stderr.split('\n');
  assert.match(line, /^ledgerbridge: /, what);
  for (const pattern of patterns) assert.match(line, pattern, what);
  return more.join('\n');
}

/** Resolves once `condition()` holds (checked every 20 ms; fails after `limitMs`, a bound that is never a measurement). */
async function until(condition, what, limitMs = 20_000) {
  for (let waited = 0; !condition(); waited += 20) {
    if (waited > limitMs) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// ---------------------------------------------------------------------------------------------------------
// preview

test('preview, first sync: exit 0, stdout is the plan of what the API serves plus the files, nothing on stderr off a terminal', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    const r = await cli(['preview', '--entity', sim.credentials.entityId, ...files()]);
    assert.equal(r.stderr, '', 'no progress when stderr is not a terminal');
    assert.equal(r.status, 0);
    assertNoAnsi(r, 'preview on a pipe');
    const plan = JSON.parse(r.stdout);
    assert.deepEqual(plan, planSync(connected()), 'the first-sync plan of the seeded data');
    assert.deepEqual(rows(plan).filter((row) => row.eligible).map((row) => row.monite_id).sort(), [...ELIGIBLE].sort());
    assert.ok(rows(plan).every((row) => row.synced === null), 'nothing was synced yet');
    assert.equal(syncedRecordRequests(sim).length, 1, 'the synced records were asked for (one request, one object type per query)');
    assert.equal(sim.counters.get('GET /v1/accounting_synced_records'), 6, 'all six object types');
  }));

test('preview after a sync (sim.state.sync): every pushed document already_pushed, the failed bill last_push_failed', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    sim.state.sync();
    const r = await cli(['preview', ...files()]);
    assert.equal(r.status, 0, r.stderr);
    const plan = JSON.parse(r.stdout);
    assert.deepEqual(plan, planSync(sim.state.planInput()), 'the plan the simulator would sync with now');
    for (const row of rows(plan).filter((row) => ELIGIBLE.includes(row.monite_id))) {
      assert.deepEqual(codes(row.errors), ['already_pushed'], row.monite_id);
      assert.equal(row.synced.sync_status, 'done');
    }
    const failed = rows(plan).find((row) => row.monite_id === BILL_NO_LEDGER);
    assert.ok(codes(failed.warnings).includes('last_push_failed'));
    assert.equal(plan.summary.synced_records.total, sim.state.syncedRecords().length);
  }));

test('preview --summary after a sync through the API: the entity, the tables and the re-sync part, no colour off a terminal', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    await syncOverHttp(sim);
    const r = await cli(['preview', ...files(), '--summary']);
    assert.equal(r.status, 0, r.stderr);
    assertNoAnsi(r, 'preview --summary on a pipe');
    const plan = planSync(sim.state.planInput());
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], `ENTITY ${sim.credentials.entityId} (${r.stdout.match(/\((http:\/\/127\.0\.0\.1:\d+\/v1)\)/)[1]})`);
    const s = plan.summary.synced_records;
    assert.ok(lines.includes(`RE-SYNC (synced records: total ${s.total}, counted ${s.counted}, links ${s.links}, unknown type ${s.unknown_type})`), r.stdout);
    const billsRow = lines.slice(lines.findIndex((l) => l.startsWith('RE-SYNC'))).find((l) => l.startsWith('bills '));
    const b = plan.summary.push.bills;
    assert.deepEqual(billsRow.slice(5).trim().split(/\s+/).map(Number), [b.already_pushed, b.push_in_progress, b.last_push_failed]);
    assert.deepEqual([b.already_pushed, b.last_push_failed], [1, 1]);
    assert.ok(lines.includes(`PROBLEMS (${plan.errors.length} sync errors)`), r.stdout);
  }));

test('preview --no-synced-records after a sync: a first-sync plan, and no synced-record request', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    sim.state.sync();
    const flags = files();
    sim.counters.reset();
    const r = await cli(['preview', ...flags, '--no-synced-records']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(syncedRecordRequests(sim), []);
    const { synced_records: _records, ...monite } = sim.state.planInput().monite;
    const plan = JSON.parse(r.stdout);
    assert.deepEqual(plan, planSync({ ...sim.state.planInput(), monite }));
    assert.equal(plan.summary.synced_records, undefined);
    assert.ok(rows(plan).every((row) => row.synced === null && !codes(row.errors).includes('already_pushed')));
  }));

test('preview takes the entity and base URL from MONITE_ENTITY_ID and MONITE_BASE_URL; --entity and --base-url win over them', () =>
  withSim({ data: connected() }, async ({ sim, cli, recorder }) => {
    const fromEnv = await cli(['preview', '--json'], { base: false, env: { MONITE_BASE_URL: recorder.apiUrl } });
    assert.equal(fromEnv.status, 0, fromEnv.stderr);
    const flagsWin = await cli(['preview', '--entity', sim.credentials.entityId], { env: { MONITE_ENTITY_ID: 'e0000000-0000-4000-8000-00000000dead', MONITE_BASE_URL: 'http://127.0.0.1:1/v1' } });
    assert.equal(flagsWin.status, 0, flagsWin.stderr);
    assert.equal(flagsWin.stdout, fromEnv.stdout);
    assert.equal(JSON.parse(fromEnv.stdout).summary.pull.counterparts.matched, 0, 'without --accounting nothing matches by name');
  }));

test('preview --accounting with raw QuickBooks bodies: adapted by the engine, as previewSync({ accounting }) does', () =>
  withSim({ data: connected() }, async ({ sim, cli, write }) => {
    const { counterparts, products } = sim.state.accounting();
    const party = (c) => ({ Id: c.id, DisplayName: c.name, Active: true, BillAddr: { Line1: c.address.line1, City: c.address.city, Country: c.address.country, PostalCode: c.address.postal_code } });
    const raw = {
      customers: { QueryResponse: { Customer: counterparts.filter((c) => c.kind === 'customer').map(party) } },
      vendors: { QueryResponse: { Vendor: counterparts.filter((c) => c.kind === 'vendor').map(party) } },
      items: { QueryResponse: { Item: products.map((p) => ({ Id: p.id, Name: p.name, Type: p.type === 'service' ? 'Service' : 'Inventory', Active: true })) } },
      currency: 'EUR',
    };
    const r = await cli(['preview', '--accounting', write('qbo.json', { quickbooks_online: raw })]);
    assert.equal(r.status, 0, r.stderr);
    const input = sim.state.planInput();
    const expected = planSync({ monite: input.monite, accounting: { quickbooks_online: raw, tax_rates: input.accounting.tax_rates, ledger_accounts: input.accounting.ledger_accounts } });
    const plan = JSON.parse(r.stdout);
    assert.deepEqual(plan, expected);
    assert.deepEqual(plan.pull.counterparts.filter((c) => c.status === 'matched').map((c) => c.accounting_id).sort(), ['101', '102', '103', '104']);
  }));

test('preview, bad input: exit 2, one line, and not one request sent', () =>
  withSim({ data: connected() }, async ({ sim, cli, write }) => {
    const cases = [
      [['--accounting', write('bad.json', '{ "counterparts": [')], {}, [/InputError: accounting: invalid JSON/, /\(in .*bad\.json\)/]],
      [['--accounting', write('no-id.json', { counterparts: [{ name: 'Acme', kind: 'customer' }] })], {}, [/InputError: accounting\.counterparts\[0\]\.id: required field is missing/, /\(in .*no-id\.json\)/]],
      [['--policy', write('policy.json', { direction: 'sideways' })], {}, [/InputError: policy\.direction: unknown variant/, /\(in .*policy\.json\)/]],
      [['--accounting', join(ROOT, 'no-such-file.json')], {}, [/cannot read .*no-such-file\.json/]],
      [[], { MONITE_CLIENT_ID: '' }, [/missing credentials: set MONITE_CLIENT_ID \(/]],
      [[], { MONITE_CLIENT_SECRET: '' }, [/missing credentials: set MONITE_CLIENT_SECRET \(/]],
      [[], { MONITE_CLIENT_ID: '', MONITE_CLIENT_SECRET: '' }, [/missing credentials: set MONITE_CLIENT_ID and MONITE_CLIENT_SECRET/]],
    ];
    for (const [args, env, patterns] of cases) {
      for (const command of ['preview', 'push-failed']) {
        const r = await cli([command, ...args], { env });
        assertFailure(r, 2, patterns, `${command} ${args.join(' ')} ${JSON.stringify(env)}`);
        assert.equal(r.stderr.split('\n').length, 2, 'one line');
      }
    }
    assert.equal(sim.counters.total, 0, 'nothing reached the API');
  }));

test('preview, a record the API returned that the engine refuses: exit 2, its JSON path, said to come from the API', () =>
  withSim({ data: connected() }, async ({ sim, cli }) => {
    const line = { id: '11000000-0000-4000-8000-0000000000ff', quantity: 'x' };
    sim.state.addRecords('payables', [{ id: 'ba000000-0000-4000-8000-0000000000ff', status: 'waiting_to_be_paid', counterpart_id: 'c1000000-0000-4000-8000-000000000001', line_items: [line] }]);
    const r = await cli(['preview']);
    assertFailure(r, 2, [/^ledgerbridge: InputError: monite\.payables\[3\]\.line_items\[0\]\.quantity: expected a number, found a string "x" \(in the records the API returned\)$/], 'bad API record');
  }));

test('preview, bad usage: a missing entity or an unusable base URL → exit 2, and the URL (which may hold a password) is never echoed', () =>
  withSim({ data: connected() }, async ({ sim, cli }) => {
    const noEntity = await cli(['preview'], { env: { MONITE_ENTITY_ID: '' } });
    const usage = assertFailure(noEntity, 2, [/preview: missing --entity ID \(or MONITE_ENTITY_ID\)/], 'no entity');
    assert.match(usage, /^usage: ledgerbridge preview/);
    const urls = [
      ['http://api.example.com/v1', /must be https:\/\/ \(plain http:\/\/ only to 127\.0\.0\.1, localhost or \[::1\]/],
      ['ftp://127.0.0.1/v1', /must be an https:\/\/ URL/],
      ['https://user:hunter2-password@api.example.com/v1', /must not carry credentials/],
      ['not a url hunter2-password', /--base-url is not a URL/],
    ];
    for (const [url, pattern] of urls) {
      const r = await cli(['preview', '--base-url', url], { base: false });
      assertFailure(r, 2, [pattern], url);
      assert.ok(!r.stderr.includes('hunter2'), r.stderr);
      const env = await cli(['preview'], { base: false, env: { MONITE_BASE_URL: url } });
      assertFailure(env, 2, [/MONITE_BASE_URL/], `MONITE_BASE_URL=${url}`);
    }
    assert.equal(sim.counters.total, 0);
  }));

test('preview, API failures: exit 3 with the typed error (name: message, x-request-id), never the secret', () =>
  withSim({ data: connected() }, async ({ sim, cli }) => {
    const wrong = `wrong-secret-${randomUUID()}`;
    const refused = await cli(['preview'], { env: { MONITE_CLIENT_SECRET: wrong } });
    assertFailure(refused, 3, [/^ledgerbridge: AuthError: POST \/auth\/token was refused with HTTP 401: /, /\(x-request-id [0-9a-f-]{36}\)/], 'wrong secret');
    assert.ok(!refused.stderr.includes(wrong), 'the wrong secret is not printed either');

    const unknown = await cli(['preview', '--entity', 'e0000000-0000-4000-8000-00000000dead']);
    assertFailure(unknown, 3, [/^ledgerbridge: ApiError: GET \/accounting_connections failed with HTTP 404: Entity e0000000-0000-4000-8000-00000000dead was not found \(x-request-id [0-9a-f-]{36}\)$/], 'unknown entity');

    sim.faults.set({ fail5xx: { count: 10, status: 503, path: '/counterparts' } });
    const unavailable = await cli(['preview']);
    assertFailure(unavailable, 3, [/^ledgerbridge: ApiError: GET \/counterparts failed with HTTP 503/, /x-request-id/], 'a 503 after the retries');
  }));

test('preview, an unreachable base URL: exit 3, NetworkError, one line without secrets', () =>
  withSim({ data: connected() }, async ({ cli }) => {
    const port = await closedPort();
    const r = await cli(['preview', '--base-url', `http://127.0.0.1:${port}/v1`], { base: false });
    assertFailure(r, 3, [/^ledgerbridge: NetworkError: POST \/auth\/token: no answer \(/, /ECONNREFUSED/], 'unreachable');
    assert.equal(r.stderr.split('\n').length, 2, 'one line');
  }));

test('preview on a terminal: progress on stderr ("loading counterparts… 1 page"), coloured --summary; NO_COLOR: progress, no escape codes', { skip: noPty }, () =>
  withSim({ data: connected() }, async ({ sim, files, recorder }) => {
    const args = ['preview', ...files(), '--base-url', recorder.apiUrl, '--summary'];
    const tty = await runCliInPty(args, { env: simEnv(sim) });
    runs.push(tty);
    assert.equal(tty.status, 0, tty.output);
    assert.ok(tty.output.includes('ledgerbridge: loading counterparts… 1 page'), JSON.stringify(tty.output.slice(0, 500)));
    assert.ok(tty.output.includes('ledgerbridge: signing in…'));
    assert.ok(tty.output.includes('\u001b[1mPULL\u001b[22m'));
    const lines = screenLines(tty.output);
    assert.ok(lines[0].startsWith('\u001b[1mENTITY\u001b[22m '), 'the progress line is cleared before the result');

    const plain = await runCliInPty(args, { env: simEnv(sim, { NO_COLOR: '1' }) });
    runs.push(plain);
    assert.equal(plain.status, 0);
    assert.ok(plain.output.includes('ledgerbridge: loading counterparts… 1 page'), 'progress is not colour: NO_COLOR keeps it');
    assertNoAnsi(plain, 'NO_COLOR');
    assert.ok(screenLines(plain.output).includes('PULL'));
  }));

// ---------------------------------------------------------------------------------------------------------
// push-failed

test('push-failed: the failed pushes that are eligible now go again and become done (exit 0); the rest is skipped; a second run has nothing to push', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    syncFailing(sim, [INVOICE, PAYMENT]);
    const flags = files();
    const r = await cli(['push-failed', ...flags]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '');
    const report = JSON.parse(r.stdout);
    assert.equal(report.aborted, false);
    assert.deepEqual(report.failed, []);
    assert.deepEqual(report.pushed.map((p) => [p.section, p.monite_id, p.record.sync_status]), [['invoices', INVOICE, 'done'], ['payment_records', PAYMENT, 'done']]);
    for (const p of report.pushed) {
      assert.equal(p.record_id, recordOf(sim, p.monite_id).id);
      assert.equal(recordOf(sim, p.monite_id).sync_status, 'done');
      assert.equal(sim.counters.get(`POST /v1/accounting_synced_records/${p.record_id}/push`), 1, 'sent once');
    }
    assert.deepEqual(report.skipped.map((s) => [s.section, s.monite_id, s.reason, codes(s.errors)]), [['bills', BILL_NO_LEDGER, 'not_eligible', ['ledger_account_missing']]]);

    const after = JSON.parse((await cli(['preview', ...flags])).stdout);
    for (const id of [INVOICE, PAYMENT]) assert.deepEqual(codes(rows(after).find((row) => row.monite_id === id).errors), ['already_pushed'], id);
    const again = await cli(['push-failed', ...flags, '--summary']);
    assert.equal(again.status, 0, again.stderr);
    assert.equal(again.stdout.split('\n')[0], 'PUSH-FAILED: 0 pushed, 0 failed, 1 skipped');
  }));

test('push-failed --summary: pushed, skipped with the reasons by path', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    syncFailing(sim, [INVOICE]);
    const r = await cli(['push-failed', ...files(), '--summary']);
    assert.equal(r.status, 0, r.stderr);
    assertNoAnsi(r, 'push-failed --summary on a pipe');
    const invoice = recordOf(sim, INVOICE);
    const bill = recordOf(sim, BILL_NO_LEDGER);
    assert.deepEqual(r.stdout.split('\n'), [
      'PUSH-FAILED: 1 pushed, 0 failed, 1 skipped',
      `pushed   invoices ${INVOICE} (synced record ${invoice.id}): done, accounting id ${invoice.platform_object_id}`,
      `skipped  bills ${BILL_NO_LEDGER} (synced record ${bill.id}): line_items[0].ledger_account_id: ledger_account_missing`,
      '',
    ]);
  }));

test('push-failed: a push the accounting system rejects again → exit 1, failed with PushRejectedError (the API errors), not ambiguous', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    // The fault stays on: the sync fails the invoice and so does the push again.
    sim.faults.set({ pushFailures: { ids: [INVOICE], code: '6240', message: 'Duplicate Name Exists Error' } });
    sim.state.sync();
    const flags = files();
    const r = await cli(['push-failed', ...flags]);
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.failed.length, 1);
    const [failure] = report.failed;
    const record = recordOf(sim, INVOICE);
    assert.deepEqual([failure.section, failure.monite_id, failure.record_id, failure.ambiguous], ['invoices', INVOICE, record.id, false]);
    assert.deepEqual(failure.error, {
      name: 'PushRejectedError',
      message: `synced record ${record.id} was pushed again and is still in error (code: 6240; message: Duplicate Name Exists Error; path: )`,
      code: 'push_rejected',
      recordId: record.id,
      apiErrors: { code: '6240', message: 'Duplicate Name Exists Error', path: '' },
    });
    assert.equal(failure.record.sync_status, 'error');
    assert.equal(record.sync_status, 'error');

    const summary = await cli(['push-failed', ...flags, '--summary', '--section', 'invoices']);
    assert.equal(summary.status, 1);
    assert.deepEqual(summary.stdout.split('\n').slice(0, 2), [
      'PUSH-FAILED: 0 pushed, 1 failed, 0 skipped',
      `failed   invoices ${INVOICE} (synced record ${record.id}): PushRejectedError: synced record ${record.id} was pushed again and is still in error (code: 6240; message: Duplicate Name Exists Error; path: )`,
    ]);
  }));

test('push-failed: a push whose answer is lost → exit 1, failed and ambiguous (NetworkError), sent once, with the advice in --summary', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    syncFailing(sim, [INVOICE]);
    const record = recordOf(sim, INVOICE);
    sim.faults.set({ dropConnection: { count: 1, path: `/accounting_synced_records/${record.id}/push`, method: 'POST', afterProcessing: true } });
    const r = await cli(['push-failed', ...files(), '--summary']);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[1], new RegExp(`^failed   invoices ${INVOICE} \\(synced record ${record.id}\\): NetworkError: POST /accounting_synced_records/${record.id}/push: no answer`));
    assert.equal(lines[2], `         ambiguous: it may have gone through — check GET /accounting_synced_records/${record.id} before pushing it again`);
    assert.equal(sim.counters.get(`POST /v1/accounting_synced_records/${record.id}/push`), 1, 'not resent');
    assert.equal(recordOf(sim, INVOICE).sync_status, 'done', 'it did go through: that is why it must not be resent blindly');
  }));

test('push-failed --dry-run: what would be pushed and what is skipped, exit 0, and no push sent', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    syncFailing(sim, [INVOICE, PAYMENT]);
    const flags = files();
    const r = await cli(['push-failed', ...flags, '--dry-run']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out.dry_run, true);
    assert.deepEqual(out.would_push, [
      { section: 'invoices', monite_id: INVOICE, record_id: recordOf(sim, INVOICE).id },
      { section: 'payment_records', monite_id: PAYMENT, record_id: recordOf(sim, PAYMENT).id },
    ]);
    assert.deepEqual(out.skipped.map((s) => [s.monite_id, s.reason]), [[BILL_NO_LEDGER, 'not_eligible']]);

    const summary = await cli(['push-failed', ...flags, '--dry-run', '--summary', '--section', 'payment_records']);
    assert.equal(summary.status, 0, summary.stderr);
    assert.deepEqual(summary.stdout.split('\n'), [
      'PUSH-FAILED (dry run): would push 1, skip 0; nothing sent',
      `would push  payment_records ${PAYMENT} (synced record ${recordOf(sim, PAYMENT).id})`,
      '',
    ]);
    assert.deepEqual(pushRequests(sim), [], 'nothing was pushed');
    assert.equal(sim.counters.pushes, 0);
    for (const id of [INVOICE, PAYMENT]) assert.equal(recordOf(sim, id).sync_status, 'error');
  }));

test('push-failed --section: only those sections are looked at', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    syncFailing(sim, [INVOICE, PAYMENT]);
    const r = await cli(['push-failed', ...files(), '--section', 'payment_records', '--section', 'payment_records']);
    assert.equal(r.status, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(report.pushed.map((p) => p.monite_id), [PAYMENT]);
    assert.deepEqual(report.skipped, [], 'the bill is in another section');
    assert.equal(recordOf(sim, INVOICE).sync_status, 'error', 'the invoice was not pushed');
  }));

test('push-failed before any sync: nothing to push, exit 0', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    const r = await cli(['push-failed', ...files()]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { pushed: [], failed: [], skipped: [], aborted: false });
    assert.deepEqual(pushRequests(sim), []);
  }));

test('push-failed, Ctrl-C during the pushes: the report is printed (the push in flight ambiguous, the rest not sent), exit 130', () =>
  withSim({ data: connected() }, async ({ sim, cli, files }) => {
    syncFailing(sim, [INVOICE, PAYMENT]);
    const invoice = recordOf(sim, INVOICE).id;
    const payment = recordOf(sim, PAYMENT).id;
    // The invoice's push hangs until the CLI gives up on it; --concurrency 1 keeps the payment waiting behind it.
    sim.faults.set({ delayMs: { ms: 30_000, path: `/accounting_synced_records/${invoice}/push`, method: 'POST' } });
    const r = await cli(['push-failed', ...files(), '--concurrency', '1'], {
      onSpawn: (child) =>
        until(() => sim.counters.get(`POST /v1/accounting_synced_records/${invoice}/push`) === 1, 'the first push').then(() => child.kill('SIGINT')),
    });
    assert.equal(r.status, 130, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.aborted, true);
    assert.deepEqual(report.failed.map((f) => [f.monite_id, f.ambiguous, f.error.name]), [[INVOICE, true, 'AbortError']]);
    assert.deepEqual(report.skipped.map((s) => [s.section, s.monite_id, s.reason]), [['bills', BILL_NO_LEDGER, 'not_eligible'], ['payment_records', PAYMENT, 'aborted']]);
    assert.equal(sim.counters.get(`POST /v1/accounting_synced_records/${payment}/push`), 0, 'nothing is sent after the Ctrl-C');
  }));

test('Ctrl-C while the preview loads: exit 130, "interrupted", nothing on stdout', () =>
  withSim({ data: connected() }, async ({ sim, cli }) => {
    sim.faults.set({ delayMs: { ms: 30_000, path: '/products' } });
    const r = await cli(['preview'], { onSpawn: (child) => until(() => sim.counters.get('GET /v1/products') === 1, 'the products request').then(() => child.kill('SIGINT')) });
    assertFailure(r, 130, [/^ledgerbridge: interrupted$/], 'interrupted preview');
  }));

// ---------------------------------------------------------------------------------------------------------
// The README's examples, and secrets

test("the README's CLI examples run as written (npx ledgerbridge = the built CLI; MONITE_BASE_URL = the simulator), each exit 0", () =>
  withSim({ data: connected() }, async ({ sim, dir, write, recorder }) => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /\*\*CLI\.\*\*[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(block, 'the CLI section has a sh block');
    const lines = block.split('\n').filter((line) => line.trim() !== '');
    const exported = lines.filter((line) => line.startsWith('export '));
    assert.deepEqual(exported, ['export MONITE_CLIENT_ID=… MONITE_CLIENT_SECRET=… MONITE_ENTITY_ID=…'], 'the variables the test sets');
    const commands = lines.filter((line) => !line.startsWith('export '));
    assert.ok(commands.length >= 7 && commands.every((line) => line.startsWith('npx ledgerbridge ')), block);
    for (const name of ['plan', 'validate-bill', 'preview', 'push-failed']) assert.ok(commands.some((line) => line.startsWith(`npx ledgerbridge ${name} `)), name);

    // The files the examples name: the simulator's data after a sync whose invoice push failed.
    syncFailing(sim, [INVOICE]);
    const data = connected();
    write('input.json', sim.state.planInput());
    write('bill.json', data.monite.payables[0]);
    write('context.json', { ledger_accounts: data.accounting.ledger_accounts, tax_rates: data.accounting.tax_rates, connection: data.monite.connection, policy: data.policy });
    write('accounting.json', sim.state.accounting());
    write('policy.json', data.policy);
    const env = simEnv(sim, { MONITE_BASE_URL: recorder.apiUrl, LEDGERBRIDGE_CLI: CLI });
    const npx = 'npx() { [ "$1" = ledgerbridge ] || exit 99; shift; node "$LEDGERBRIDGE_CLI" "$@"; }';
    const results = [];
    for (const line of commands) {
      const r = await spawnAsync('sh', ['-c', `${npx}; ${line}`], { env, cwd: dir });
      runs.push(r);
      assert.equal(r.status, 0, `${line}\n${r.stderr}`);
      results.push([line, r]);
    }
    assert.deepEqual(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')), planSync(JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8'))));
    assert.ok(JSON.parse(readFileSync(join(dir, 'first-sync.json'), 'utf8')).summary.push.bills.total > 0);
    const [, pushed] = results.find(([line]) => line.includes('push-failed') && !line.includes('--dry-run'));
    assert.match(pushed.stdout, /^PUSH-FAILED: 1 pushed, 0 failed/);
    assert.equal(recordOf(sim, INVOICE).sync_status, 'done');
  }));

test('no output of this suite carries the client secret or a token the simulator issued', () => {
  assert.ok(runs.length >= 40, `runs checked: ${runs.length}`);
  assert.ok(tokens.size >= 10, `tokens recorded: ${tokens.size}`);
  assertNothingSecret(runs, [SECRET, ...tokens]);
});
