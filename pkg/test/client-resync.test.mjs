// Re-sync previews end to end (SPEC §3.0, §6.6, §7): the built package's client against the API simulator on
// 127.0.0.1, whose sync is planned by the same engine. preview → sync → preview again; drift and missing or
// shared links; the re-push helper `pushFailed` (sent once, bounded, abortable); and how `previewSync` reads the
// synced records (every page, `object_type` and `limit` on each request). Every request and response is
// validated against the API document (the last test prints the totals).
//
//   node --test pkg/test/client-resync.test.mjs      # after a build (node scripts/build.mjs)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError, NetworkError, planSync, PushRejectedError } from 'ledgerbridge';
import { DEFAULT_CONNECTION_ID, defaultData, loadSample, sampleGenerator } from '../../sim/server.mjs';
import { setupSuite } from './support/e2e.mjs';

const { h, withSim, clientFor, checkNoSecrets, checkContract } = await setupSuite();

const SECTIONS = ['bills', 'invoices', 'credit_notes', 'payment_records'];
const OBJECT_TYPES = ['customer', 'vendor', 'product', 'bill', 'receivable', 'payment_record'];
const OUT_OF_SCOPE = new Set(['status_not_pushable', 'predates_connection', 'not_a_receivable_payment']);
const SYNCED_PATH = '/accounting_synced_records';

// The default data, connected (sim/seed.mjs): its first sync pushes these four documents, fails the bill without
// a ledger account, creates Blue Harbor in the accounting system and Gadget in Monite, and links the rest.
const CP = { acme: 'c1000000-0000-4000-8000-000000000001', nordHh: 'c1000000-0000-4000-8000-000000000002', nordMuc: 'c1000000-0000-4000-8000-000000000003', jane: 'c1000000-0000-4000-8000-000000000004' };
const BILL_NO_LEDGER = 'ba000000-0000-4000-8000-000000000002';
const INVOICE = 'e1000000-0000-4000-8000-000000000001';
const PAYMENT = 'fa000000-0000-4000-8000-000000000001';
const ELIGIBLE = ['ba000000-0000-4000-8000-000000000001', INVOICE, 'e1000000-0000-4000-8000-000000000002', PAYMENT];

const connected = () => defaultData({ connected: true });
const rows = (plan) => SECTIONS.flatMap((section) => plan.push[section].map((row) => ({ section, row })));
const rowOf = (plan, id) => rows(plan).find(({ row }) => row.monite_id === id)?.row;
const codes = (issues) => issues.map((i) => i.code);
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const pushPath = (recordId) => `POST /v1${SYNCED_PATH}/${recordId}/push`;
const recordOf = (sim, objectId) => sim.state.syncedRecords().find((r) => r.object_id === objectId);

/** A preview through the API, as a platform runs it: the accounting side the simulator keeps, the data's policy. */
function preview(client, sim, options = {}) {
  const { policy } = sim.state.planInput();
  return client.previewSync({ accounting: sim.state.accounting(), ...(policy ? { policy } : {}), ...options });
}

/** A client whose fetch counts the pushes in flight (`most`: the highest count seen). */
function countingClient(sim) {
  const counts = { inFlight: 0, most: 0 };
  const base = async (input, init) => {
    const push = String(input).endsWith('/push');
    if (push) counts.most = Math.max(counts.most, ++counts.inFlight);
    try {
      return await fetch(input, init);
    } finally {
      if (push) counts.inFlight -= 1;
    }
  };
  return { ...clientFor(sim, {}, { base }), counts };
}

/**
 * Syncs with the `pushFailures` fault (default: every push fails), clears it, and returns the preview that
 * follows: the rejected documents are eligible again, with `last_push_failed`.
 */
async function syncFailingPushes(client, sim, fault = { share: 1 }) {
  sim.faults.set({ pushFailures: fault });
  await client.sync(DEFAULT_CONNECTION_ID);
  sim.faults.set({ pushFailures: null });
  return preview(client, sim);
}

/**
 * preview → POST …/sync → preview again, and what the second preview must say about everything the first one
 * planned: every eligible document already pushed, every failure recorded, every counterpart and product
 * linked (the created ones to their new records).
 */
async function roundTrip(sim, data) {
  const { client, log } = clientFor(sim, { pageSize: 5 });
  const first = await preview(client, sim);
  assert.deepEqual(first, planSync(data), 'the first preview is the first-sync plan of the seeded data');
  const firstReads = log.filter((e) => e.path === SYNCED_PATH);
  assert.deepEqual(firstReads.map((e) => e.query.object_type).sort(), [...OBJECT_TYPES].sort(), 'the synced records of all six types were read');

  await client.sync(data.monite.connection.id);
  const second = await preview(client, sim);
  assert.deepEqual(second, planSync(sim.state.planInput()), 'the preview plans exactly what the simulator syncs with');
  const records = sim.state.syncedRecords();
  const accounting = sim.state.accounting();

  // Documents.
  let pushed = 0;
  let failed = 0;
  for (const { section, row } of rows(first)) {
    const again = second.push[section].find((r) => r.monite_id === row.monite_id);
    const record = records.find((r) => r.object_id === row.monite_id);
    if (row.eligible) {
      pushed += 1;
      assert.equal(again.eligible, false, `${section} ${row.monite_id}`);
      assert.deepEqual(codes(again.errors), ['already_pushed'], `${section} ${row.monite_id}`);
      assert.equal(again.synced.sync_status, 'done');
      assert.equal(again.synced.record_id, record.id);
      assert.equal(again.synced.platform_object_id, record.platform_object_id);
      assert.ok(again.errors[0].message.includes(record.platform_object_id), again.errors[0].message);
    } else if (row.errors.some((e) => OUT_OF_SCOPE.has(e.code))) {
      assert.equal(again.synced, null, `out of scope, never attempted: ${section} ${row.monite_id}`);
      assert.equal(record, undefined);
    } else {
      failed += 1;
      assert.equal(again.synced.sync_status, 'error', `${section} ${row.monite_id}`);
      assert.deepEqual(codes(again.warnings).filter((c) => c === 'last_push_failed'), ['last_push_failed']);
      assert.equal(again.eligible, false, 'nothing changed: still not eligible');
      assert.deepEqual(codes(again.errors), codes(row.errors));
    }
  }
  for (const section of SECTIONS) {
    const s = second.summary.push[section];
    assert.equal(s.already_pushed, first.summary.push[section].eligible, `${section}: already_pushed`);
    assert.equal(s.push_in_progress, 0);
  }
  assert.equal(second.summary.synced_records.total, records.length);

  // Counterparts: matched ones now by link to the same record; created ones linked to their new record.
  for (const match of first.pull.counterparts) {
    const again = second.pull.counterparts.find((r) => r.monite_id === match.monite_id);
    const push = first.push.counterparts.find((r) => r.monite_id === match.monite_id);
    const pushAgain = second.push.counterparts.find((r) => r.monite_id === match.monite_id);
    if (match.status === 'matched') {
      assert.deepEqual([again.status, again.decided_by, again.accounting_id], ['matched', 'link', match.accounting_id], match.monite_id);
      assert.equal(pushAgain.action, 'none');
    } else if (push.action === 'create') {
      const made = accounting.counterparts.find((c) => c.id === again.accounting_id);
      assert.deepEqual([again.status, again.decided_by], ['matched', 'link'], `created ${match.monite_id}`);
      assert.equal(made?.name, push.payload.name, 'linked to the record the sync created');
      assert.ok(!data.accounting.counterparts.some((c) => c.id === made.id), 'a new accounting record');
      assert.equal(pushAgain.action, 'none', 'not created twice');
    }
    // Right after a sync no name drifts (a match by name has equal keys; a created record has the same name);
    // a country can, where only the name decided the first match (the cascade compares countries).
    assert.ok(!codes(again.warnings).includes('name_drift'), `no name drift: ${match.monite_id}`);
    if (codes(again.warnings).includes('country_drift')) assert.equal(match.decided_by, 'name', match.monite_id);
  }
  assert.equal(second.summary.push.counterparts.create, 0, 'every counterpart the first plan created exists now');

  // Products: matched ones by link; accounting-only ones created in Monite and linked to their accounting record.
  for (const product of first.pull.products) {
    if (product.action === 'match') {
      const again = second.pull.products.find((r) => r.monite_id === product.monite_id);
      assert.deepEqual([again.action, again.decided_by, again.accounting_id], ['match', 'link', product.accounting_id]);
    } else if (product.action === 'create') {
      const again = second.pull.products.find((r) => r.accounting_id === product.accounting_id);
      assert.deepEqual([again.action, again.decided_by], ['match', 'link'], `created from ${product.accounting_id}`);
      assert.ok(!data.monite.products.some((p) => p.id === again.monite_id), 'a new Monite product');
    }
  }
  assert.equal(second.pull.products.filter((p) => p.action === 'create').length, 0, 'nothing is offered for creation again');
  return { first, second, pushed, failed };
}

// ---------------------------------------------------------------------------------------------------------
// preview → sync → preview again

test('preview → sync → preview again (default data): every eligible document already_pushed, every created counterpart linked', () =>
  withSim({ data: connected() }, async (sim) => {
    const { second, pushed, failed } = await roundTrip(sim, connected());
    assert.equal(pushed, 4);
    assert.equal(failed, 1);
    assert.equal(second.summary.pull.counterparts.linked, 5);
    assert.equal(second.summary.pull.products.linked, 3);
    assert.equal(second.summary.synced_records.links, sim.state.syncedRecords().filter((r) => r.platform_object_id).length);
    const bill = rowOf(second, BILL_NO_LEDGER);
    const lastFailed = bill.warnings.find((w) => w.code === 'last_push_failed');
    assert.match(lastFailed.message, /code: ledger_account_missing/, 'the message carries the API errors, flattened');
    assert.equal(second.summary.push.bills.last_push_failed, 1);
  }));

test('preview → sync → preview again (the demo sample)', { skip: sampleGenerator() ? false : 'sample generator not built' }, () =>
  withSim({ data: loadSample({ demo: true }) }, async (sim) => {
    const { second, pushed } = await roundTrip(sim, loadSample({ demo: true }));
    assert.ok(pushed > 0);
    assert.ok(second.summary.pull.counterparts.linked > 0);
  }));

test('a seeded second day (the sample after its first sync): the preview is the engine\'s plan of it; pushFailed pushes what is eligible now', { skip: sampleGenerator() ? false : 'sample generator not built' }, () => {
  const data = loadSample({ demo: true, secondDay: true });
  // The products its first sync created carry the entity, as ProductServiceResponse requires.
  assert.ok(data.monite.products.every((p) => typeof p.entity_id === 'string'), 'every product has its entity_id');
  // What the API can serve of it: the six ObjectMatchTypes (a record of another type is never listed), its
  // times written the API's way.
  const served = data.monite.synced_records
    .filter((r) => OBJECT_TYPES.includes(r.object_type))
    .map((r) => ({ ...r, updated_at: new Date(Date.parse(r.updated_at)).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00') }));
  assert.ok(served.length < data.monite.synced_records.length, 'the sample plants a record of an unknown type');
  return withSim({ data }, async (sim) => {
    const { client } = clientFor(sim, { pageSize: 7 });
    const plan = await preview(client, sim);
    assert.deepEqual(plan, planSync({ ...data, monite: { ...data.monite, synced_records: served } }));
    assert.equal(plan.summary.synced_records.total, served.length);
    for (const code of ['name_drift', 'country_drift', 'linked_record_missing', 'duplicate_link']) {
      assert.ok(plan.summary.pull.counterparts[code] > 0, `the planted ${code} shows`);
    }

    const lastFailed = rows(plan).filter(({ row }) => codes(row.warnings).includes('last_push_failed'));
    const now = lastFailed.filter(({ row }) => row.eligible).map(({ row }) => row.monite_id);
    assert.ok(now.length > 0, 'some failed pushes can go again');
    const report = await client.pushFailed(plan);
    assert.deepEqual(report.pushed.map((p) => p.monite_id), now);
    assert.ok(report.pushed.every((p) => p.record.sync_status === 'done' && p.record.platform_object_id));
    assert.deepEqual(report.failed, []);
    assert.deepEqual(report.skipped.map((x) => x.monite_id), lastFailed.filter(({ row }) => !row.eligible).map(({ row }) => row.monite_id));
    const after = await preview(client, sim);
    for (const id of now) assert.deepEqual(codes(rowOf(after, id).errors), ['already_pushed'], id);
  });
});

test('a sync still in progress: the next preview says push_in_progress, then already_pushed once it is done', () => {
  let now = Date.parse('2025-03-01T12:00:00Z');
  return withSim({ data: connected(), clock: () => now, syncDurationMs: 60_000 }, async (sim) => {
    const { client } = clientFor(sim);
    await client.sync(DEFAULT_CONNECTION_ID);
    const during = await preview(client, sim);
    for (const id of ELIGIBLE) assert.deepEqual(codes(rowOf(during, id).errors), ['push_in_progress'], id);
    assert.equal(during.summary.push.invoices.push_in_progress, 1);
    now += 60_000;
    const after = await preview(client, sim);
    for (const id of ELIGIBLE) assert.deepEqual(codes(rowOf(after, id).errors), ['already_pushed'], id);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Drift, missing and shared links

test('drift after the sync: a renamed or moved accounting record warns, a deleted one is a missing link that is not re-created', () =>
  withSim({ data: connected() }, async (sim) => {
    const { client } = clientFor(sim);
    await client.sync(DEFAULT_CONNECTION_ID);
    sim.state.renameAccounting('counterparts', '101', 'Acme Holdings Ltd');
    sim.state.updateAccounting('counterparts', '104', { address: { country: 'IE' } });
    sim.state.deleteAccounting('counterparts', '102');
    sim.state.renameAccounting('products', '202', 'Widget Pro');
    sim.state.deleteAccounting('products', '201');

    const plan = await preview(client, sim);
    const pull = (id) => plan.pull.counterparts.find((r) => r.monite_id === id);
    const acme = pull(CP.acme);
    assert.deepEqual([acme.status, acme.decided_by, acme.accounting_id], ['matched', 'link', '101'], 'drift never changes the match');
    assert.deepEqual(acme.warnings.map((w) => [w.code, w.path]), [['name_drift', 'name']]);
    assert.ok(acme.warnings[0].message.includes('Acme Ltd') && acme.warnings[0].message.includes('Acme Holdings Ltd'), acme.warnings[0].message);
    assert.deepEqual(pull(CP.jane).warnings.map((w) => [w.code, w.path]), [['country_drift', 'address.country']]);
    const gone = pull(CP.nordHh);
    assert.deepEqual([gone.status, gone.reason, gone.accounting_id], ['unmatched', 'linked_record_missing', null]);
    const blocked = plan.push.counterparts.find((r) => r.monite_id === CP.nordHh);
    assert.equal(blocked.action, 'blocked');
    assert.deepEqual(blocked.errors.map((e) => [e.code, e.path]), [['linked_record_missing', 'name']]);
    assert.ok(plan.errors.some((e) => e.object_type === 'counterpart' && e.object_id === CP.nordHh && e.code === 'linked_record_missing'));
    const widget = plan.pull.products.find((r) => r.monite_id === 'b1000000-0000-4000-8000-000000000002');
    assert.deepEqual(codes(widget.warnings), ['name_drift']);
    const consulting = plan.pull.products.find((r) => r.monite_id === 'b1000000-0000-4000-8000-000000000001');
    assert.deepEqual([consulting.action, codes(consulting.warnings)], ['none', ['linked_record_missing']]);
    const c = plan.summary.pull.counterparts;
    assert.deepEqual([c.name_drift, c.country_drift, c.linked_record_missing], [1, 1, 1]);
    const p = plan.summary.pull.products;
    assert.deepEqual([p.name_drift, p.linked_record_missing], [1, 1]);

    // The next sync keeps the link: no second record in the accounting system, the vendor record still names 102.
    const before = sim.state.accounting().counterparts.length;
    await client.sync(DEFAULT_CONNECTION_ID);
    assert.equal(sim.state.accounting().counterparts.length, before, 'a counterpart with a missing link is not created again');
    assert.equal(sim.state.syncedRecords().find((r) => r.object_type === 'vendor' && r.object_id === CP.nordHh).platform_object_id, '102');
  }));

test('two counterparts linked to one accounting record: duplicate_link on both, blocked, and the sync leaves them alone', () => {
  const data = connected();
  const link = (id, objectType, objectId) => ({
    id, created_at: '2025-01-02T00:00:00.000000+00:00', updated_at: '2025-01-02T00:00:00.000000+00:00', last_pulled_at: '2025-01-02T00:00:00.000000+00:00',
    object_type: objectType, object_id: objectId, platform: 'quickbooks', platform_object_id: '102', sync_status: 'done', errors: {},
  });
  data.monite.synced_records = [link('5e000000-0000-4000-8000-000000000001', 'vendor', CP.nordHh), link('5e000000-0000-4000-8000-000000000002', 'customer', CP.nordMuc)];
  return withSim({ data }, async (sim) => {
    const { client } = clientFor(sim);
    const plan = await preview(client, sim);
    for (const [id, rival] of [[CP.nordHh, CP.nordMuc], [CP.nordMuc, CP.nordHh]]) {
      const row = plan.pull.counterparts.find((r) => r.monite_id === id);
      assert.deepEqual([row.status, row.reason, row.rivals], ['ambiguous', 'duplicate_link', [rival]]);
      assert.equal(plan.push.counterparts.find((r) => r.monite_id === id).action, 'blocked');
    }
    assert.equal(plan.summary.pull.counterparts.duplicate_link, 2);
    await client.sync(DEFAULT_CONNECTION_ID);
    const kept = sim.state.syncedRecords().filter((r) => r.id.startsWith('5e000000'));
    assert.deepEqual(kept.map((r) => [r.platform_object_id, r.updated_at]), [['102', '2025-01-02T00:00:00.000000+00:00'], ['102', '2025-01-02T00:00:00.000000+00:00']]);
  });
});

// ---------------------------------------------------------------------------------------------------------
// pushFailed

test('pushFailed: a failed push that is eligible now is pushed again and becomes done; a still-ineligible one is skipped', () =>
  withSim({ data: connected() }, async (sim) => {
    const { client, log } = clientFor(sim);
    const plan = await syncFailingPushes(client, sim, { ids: [INVOICE, PAYMENT] });
    for (const id of [INVOICE, PAYMENT]) {
      const row = rowOf(plan, id);
      assert.equal(row.eligible, true, `${id} can go again`);
      assert.equal(row.synced.sync_status, 'error');
      assert.match(row.warnings.find((w) => w.code === 'last_push_failed').message, /code: push_rejected/);
    }

    const mark = log.length;
    const report = await client.pushFailed(plan);
    assert.equal(report.aborted, false);
    assert.deepEqual(report.failed, []);
    assert.deepEqual(report.pushed.map((p) => [p.section, p.monite_id, p.record.sync_status]), [['invoices', INVOICE, 'done'], ['payment_records', PAYMENT, 'done']]);
    for (const p of report.pushed) {
      assert.equal(p.record_id, recordOf(sim, p.monite_id).id);
      assert.equal(typeof p.record.platform_object_id, 'string');
      assert.equal(sim.counters.get(pushPath(p.record_id)), 1, 'sent once');
    }
    assert.deepEqual(report.skipped.map((s) => [s.section, s.monite_id, s.reason, codes(s.errors)]), [['bills', BILL_NO_LEDGER, 'not_eligible', ['ledger_account_missing']]]);
    assert.deepEqual(log.slice(mark).map((e) => `${e.method} ${e.path} ${e.status}`).sort(), report.pushed.map((p) => `POST ${SYNCED_PATH}/${p.record_id}/push 200`).sort());

    const after = await preview(client, sim);
    for (const id of [INVOICE, PAYMENT]) assert.deepEqual(codes(rowOf(after, id).errors), ['already_pushed'], id);
    const again = await client.pushFailed(after);
    assert.deepEqual([again.pushed.length, again.failed.length, again.skipped.length], [0, 0, 1], 'nothing left to push');
  }));

test('pushFailed: a push the accounting system rejects again → failed with PushRejectedError (the API errors), not ambiguous', () =>
  withSim({ data: connected() }, async (sim) => {
    const { client } = clientFor(sim);
    sim.faults.set({ pushFailures: { ids: [INVOICE], code: '6240', message: 'Duplicate Name Exists Error' } });
    await client.sync(DEFAULT_CONNECTION_ID);
    const report = await client.pushFailed(await preview(client, sim), { sections: ['invoices'] });
    assert.equal(report.failed.length, 1);
    const [failure] = report.failed;
    h.errors.push(failure.error);
    assert.ok(failure.error instanceof PushRejectedError);
    assert.equal(failure.error.code, 'push_rejected');
    assert.deepEqual(failure.error.apiErrors, { code: '6240', message: 'Duplicate Name Exists Error', path: '' });
    assert.match(failure.error.message, /code: 6240; message: Duplicate Name Exists Error/);
    assert.equal(failure.ambiguous, false);
    assert.equal(failure.record.sync_status, 'error');
    assert.equal(recordOf(sim, INVOICE).sync_status, 'error');
    assert.deepEqual(report.skipped, [], 'sections: only the invoices were looked at');
  }));

test('pushFailed sends a push once: a dropped connection after processing → NetworkError, ambiguous, one push reached the simulator', () =>
  withSim({ data: connected() }, async (sim) => {
    const { client } = clientFor(sim);
    const plan = await syncFailingPushes(client, sim, { ids: [INVOICE, PAYMENT] });
    const invoiceRecord = recordOf(sim, INVOICE).id;
    sim.faults.set({ dropConnection: { count: 1, path: `${SYNCED_PATH}/${invoiceRecord}/push`, method: 'POST', afterProcessing: true } });

    const report = await client.pushFailed(plan);
    const failure = report.failed.find((f) => f.monite_id === INVOICE);
    h.errors.push(failure.error);
    assert.ok(failure.error instanceof NetworkError, failure.error.name);
    assert.equal(failure.ambiguous, true);
    assert.match(failure.error.message, /getSyncedRecord/, 'the error says what to check before pushing again');
    assert.equal(sim.counters.get(pushPath(invoiceRecord)), 1, 'exactly one push reached the simulator');
    assert.equal(sim.counters.faults.dropped, 1);
    assert.equal(recordOf(sim, INVOICE).sync_status, 'done', 'it was processed all the same');
    assert.deepEqual(report.pushed.map((p) => p.monite_id), [PAYMENT], 'the others went on');
    // The next preview knows: nothing to push again.
    assert.deepEqual(codes(rowOf(await preview(client, sim), INVOICE).errors), ['already_pushed']);
  }));

test('pushFailed: a 500 is not retried (ambiguous); a 429 is retried (it proves nothing was processed)', () =>
  withSim({ data: connected() }, async (sim) => {
    const slept = [];
    const { client } = clientFor(sim, { sleep: async (ms) => void slept.push(ms), random: () => 0 });
    const plan = await syncFailingPushes(client, sim, { ids: [INVOICE, PAYMENT] });
    const invoiceRecord = recordOf(sim, INVOICE).id;
    const paymentRecord = recordOf(sim, PAYMENT).id;
    sim.faults.set({ fail5xx: { count: 1, status: 500, path: `${SYNCED_PATH}/${invoiceRecord}/push`, method: 'POST' } });
    const failed = await client.pushFailed(plan, { sections: ['invoices'] });
    h.errors.push(failed.failed[0].error);
    assert.ok(failed.failed[0].error instanceof ApiError);
    assert.equal(failed.failed[0].error.status, 500);
    assert.equal(failed.failed[0].ambiguous, true);
    assert.equal(sim.counters.get(pushPath(invoiceRecord)), 1);
    assert.equal(recordOf(sim, INVOICE).sync_status, 'error', 'a 500 of the simulator is not processed');

    sim.faults.set({ rateLimit: { count: 1, seconds: 1, path: `${SYNCED_PATH}/${paymentRecord}/push`, method: 'POST' } });
    const retried = await client.pushFailed(plan, { sections: ['payment_records'] });
    assert.deepEqual(retried.pushed.map((p) => p.monite_id), [PAYMENT]);
    assert.equal(sim.counters.get(pushPath(paymentRecord)), 2, 'the 429, then the push');
    assert.deepEqual(slept, [1000], 'Retry-After honoured');
  }));

test('pushFailed: at most `concurrency` pushes in flight, results in plan order', () =>
  withSim({ data: connected() }, async (sim) => {
    const { client, counts } = countingClient(sim);
    const plan = await syncFailingPushes(client, sim);
    sim.faults.set({ delayMs: { ms: 100, path: `${SYNCED_PATH}/{id}/push`, method: 'POST' } });
    const report = await client.pushFailed(plan, { concurrency: 2 });
    assert.equal(report.pushed.length, 4);
    assert.equal(counts.most, 2, 'two at a time');
    assert.deepEqual(report.pushed.map((p) => p.monite_id), rows(plan).filter(({ row }) => row.eligible).map(({ row }) => row.monite_id));
  }));

test('pushFailed: an abort stops it — nothing is sent after it, and the report says what was sent', () =>
  withSim({ data: connected() }, async (sim) => {
    const controller = new AbortController();
    const { client, log } = clientFor(sim, {}, {
      base: async (input, init) => {
        const answer = await fetch(input, init);
        if (String(input).endsWith('/push')) controller.abort(new Error('the user closed the page'));
        return answer;
      },
    });
    const plan = await syncFailingPushes(client, sim);
    const stopped = await client.pushFailed(plan, { concurrency: 1, signal: controller.signal });
    assert.equal(stopped.aborted, true);
    assert.equal(stopped.pushed.length + stopped.failed.length, 1, 'one was sent');
    for (const f of stopped.failed) assert.equal(f.ambiguous, true, 'cut while its answer was read: it may have been processed');
    assert.equal(stopped.skipped.filter((s) => s.reason === 'aborted').length, 3);
    assert.equal(log.filter((e) => e.path.endsWith('/push')).length, 1, 'nothing sent after the abort');

    const none = await client.pushFailed(plan, { signal: AbortSignal.abort() });
    assert.deepEqual([none.aborted, none.pushed.length, none.failed.length, none.skipped.length], [true, 0, 0, 5]);
    assert.equal(log.filter((e) => e.path.endsWith('/push')).length, 1, 'an aborted signal sends nothing');

    await assert.rejects(client.pushFailed(null), TypeError);
    await assert.rejects(client.pushFailed(plan, { concurrency: 0 }), TypeError);
    await assert.rejects(client.pushFailed(plan, { sections: ['counterparts'] }), TypeError);
  }));

// ---------------------------------------------------------------------------------------------------------
// How previewSync reads the synced records

test('previewSync reads every page of every type, with object_type and limit on each request', () =>
  withSim({ data: connected() }, async (sim) => {
    sim.state.sync();
    const { client, log } = clientFor(sim, { pageSize: 1 });
    const input = await client.loadPlanInput({ accounting: sim.state.accounting() });
    assert.deepEqual([...input.monite.synced_records].sort(byId), sim.state.syncedRecords().sort(byId));
    const reads = log.filter((e) => e.path === SYNCED_PATH);
    const records = sim.state.syncedRecords();
    for (const type of OBJECT_TYPES) {
      const count = records.filter((r) => r.object_type === type).length;
      const pages = reads.filter((e) => e.query.object_type === type);
      assert.equal(pages.length, Math.max(1, count), `${type}: one page per record at limit 1`);
      assert.equal(pages.filter((e) => e.query.pagination_token).length, Math.max(0, count - 1));
    }
    assert.ok(reads.every((e) => e.query.limit === '1' && OBJECT_TYPES.includes(e.query.object_type) && e.status === 200), JSON.stringify(reads.map((e) => e.query)));
    assert.ok(reads.filter((e) => e.query.object_type === 'customer').length >= 3, 'several pages of one type');
    const plan = await client.previewSync({ accounting: sim.state.accounting(), policy: connected().policy });
    assert.deepEqual(plan, planSync(sim.state.planInput()));
  }));

test('{ syncedRecords: false } previews as a first sync; an entity without a connection sends no synced-record request', async () => {
  await withSim({ data: connected() }, async (sim) => {
    sim.state.sync();
    const { client, log } = clientFor(sim);
    const plan = await preview(client, sim, { syncedRecords: false });
    assert.equal(log.filter((e) => e.path === SYNCED_PATH).length, 0);
    const { synced_records: _, ...monite } = sim.state.planInput().monite;
    assert.deepEqual(plan, planSync({ ...sim.state.planInput(), monite }));
    assert.equal(plan.summary.synced_records, undefined, 'a first-sync summary');
    assert.ok(rows(plan).every(({ row }) => row.synced === null));
  });
  await withSim({}, async (sim) => {
    const { client, log } = clientFor(sim);
    const input = await client.loadPlanInput();
    assert.equal(input.monite.connection, null);
    assert.equal('synced_records' in input.monite, false);
    assert.equal(log.filter((e) => e.path === SYNCED_PATH).length, 0);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Last: secrets, and the contract summary

test('no error thrown in this suite carries the client secret or a token', (t) => checkNoSecrets(t, { errors: 3, tokens: 5 }));

test('contract: every request sent and every response received matched the API document', (t) => checkContract(t, { minimum: 200 }));
