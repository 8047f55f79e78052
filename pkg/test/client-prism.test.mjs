// The contract test the simulator cannot give: the built client (`ledgerbridge`, as a user imports it) driven
// through the whole flow against Stoplight Prism, an independent mock of the API document
// (../shared/monite-openapi/monite-accounting-subset.json), started as `prism mock --errors` on 127.0.0.1. Prism
// validates each request against the document (and answers a violation with 4xx and an `sl-violations` header)
// and answers the others with examples generated from the documented schemas, which the client's shape checks
// must accept. Every request of the flow must be accepted; two control requests that the document does not
// allow show that Prism really refuses what it should.
//
//   node --test pkg/test/client-prism.test.mjs
//
// Skipped, saying why, when the document is absent or Prism is not installed or does not start.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { inspect } from 'node:util';
import { AlreadyConnectedError, ApiError, ConnectionFailedError, createClient, PushRejectedError, TimeoutError } from 'ledgerbridge';
import { DEFAULT_DOCUMENT, missingContractReason } from './support/contract.mjs';
import { DOCUMENTED_LIMITS } from './support/limits.mjs';
import { endpointNamer, observingFetch, startPrism } from './support/prism.mjs';

const OBJECT_TYPES = ['customer', 'vendor', 'product', 'bill', 'receivable', 'payment_record'];
const absent = missingContractReason(DEFAULT_DOCUMENT);

/** Awaits work that must fail with `Class`; returns the error. */
async function failure(work, Class) {
  try {
    await work;
  } catch (error) {
    assert.ok(error instanceof Class, `expected ${Class.name}, got ${error?.name}: ${error?.message}`);
    return error;
  }
  assert.fail(`expected ${Class.name}, but it succeeded`);
}

/** Per endpoint: requests sent and accepted by Prism (2xx, no violation). */
function tally(exchanges, name) {
  const rows = new Map();
  for (const e of exchanges) {
    const key = name(e.method, e.path);
    const row = rows.get(key) ?? { sent: 0, accepted: 0 };
    row.sent += 1;
    if (accepted(e)) row.accepted += 1;
    rows.set(key, row);
  }
  return [...rows].sort(([a], [b]) => a.localeCompare(b));
}

const accepted = (e) => e.status >= 200 && e.status < 300 && e.violations.length === 0;

test("the limits the tests expect are the document's: each list's limit schema (1–max, default)", { skip: absent }, () => {
  const document = JSON.parse(readFileSync(DEFAULT_DOCUMENT, 'utf8'));
  for (const [path, expected] of Object.entries(DOCUMENTED_LIMITS)) {
    const limit = document.paths[path]?.get?.parameters?.find((p) => p.name === 'limit' && p.in === 'query');
    assert.ok(limit, `GET ${path} has a limit parameter`);
    const { type, minimum, maximum, default: fallback } = limit.schema;
    assert.deepEqual({ type, minimum, maximum, default: fallback }, { type: 'integer', minimum: 1, maximum: expected.max, default: expected.default }, `GET ${path}`);
  }
});

test('Prism --errors: token → connections → connect → wait → sync → synced records → push → disconnect → previewSync → pushFailed, every request accepted', { skip: absent, timeout: 180_000 }, async (t) => {
  const started = Date.now();
  const prism = await startPrism(DEFAULT_DOCUMENT);
  if ('skip' in prism) {
    t.diagnostic(prism.skip);
    t.skip(prism.skip);
    return;
  }
  t.after(() => prism.stop());
  const startup = Date.now() - started;
  const name = endpointNamer(JSON.parse(readFileSync(DEFAULT_DOCUMENT, 'utf8')));
  const { fetch, exchanges } = observingFetch();
  const secret = `prism-client-secret-${randomUUID()}`;
  // The document types client_id, the entity id header and entity ids as UUIDs.
  const client = createClient({
    baseUrl: prism.url,
    entityId: randomUUID(),
    clientId: randomUUID(),
    clientSecret: secret,
    fetch,
    retry: { attempts: 1 },
  });
  const errors = [];

  // Token (POST /auth/token, client credentials) and the entity's connections.
  const listed = await client.listConnections();
  assert.ok(listed.length > 0, 'the example list has a connection');
  assert.equal(exchanges[0].path, '/auth/token');

  // The example connection is active, so connect() refuses; connect({ replace: true }) disconnects it, then creates.
  const active = listed.filter((c) => c.status === 'connected' || c.status === 'pending_auth');
  if (active.length > 0) errors.push(await failure(client.connect(), AlreadyConnectedError));
  // The older document's { platform } body is refused before anything is sent (Prism would answer 422).
  const sent = exchanges.length;
  errors.push(await failure(client.connect({ replace: true, platform: 'xero' }), TypeError));
  assert.equal(exchanges.length, sent, 'nothing sent');
  const connection = await client.connect({ replace: true });
  assert.equal(typeof connection.connection_url, 'string');
  const create = exchanges.findLast((e) => e.method === 'POST' && e.path === '/accounting_connections');
  assert.equal(create.sentBody, false, 'POST /accounting_connections carries no body');

  // Waiting: Prism's example status decides the typed outcome; a short timeout keeps the test finite.
  const { status } = await client.getConnection(connection.id);
  const wait = client.waitUntilConnected(connection.id, { timeoutMs: 300, intervalMs: 20 });
  if (status === 'connected') assert.equal((await wait).id, connection.id);
  else if (status === 'deauthorized' || status === 'disconnected') errors.push(await failure(wait, ConnectionFailedError));
  else errors.push(await failure(wait, TimeoutError));
  t.diagnostic(`the example connection reads status ${JSON.stringify(status)}`);

  assert.equal(typeof (await client.sync(connection.id)).message, 'string');

  // The synced records of every object type, paged (limit 1: page one has a next token, page two is the last),
  // and once at the documented maximum.
  let someRecord;
  for (const objectType of OBJECT_TYPES) {
    const pages = [];
    for await (const page of client.syncedRecordPages({ objectType, limit: 1 })) pages.push(page);
    assert.equal(pages.length, 2, objectType);
    someRecord ??= pages[0].data[0];
  }
  for await (const _ of client.syncedRecords({ objectType: 'bill', limit: 250 }));
  const reads = exchanges.filter((e) => e.path === '/accounting_synced_records');
  assert.ok(reads.every((e) => OBJECT_TYPES.includes(e.query.object_type) && Number(e.query.limit) >= 1 && Number(e.query.limit) <= 250));
  assert.equal(reads.filter((e) => e.query.pagination_token).length, OBJECT_TYPES.length + 1, 'each walk reached its second page');

  assert.ok(someRecord, 'the example list has a synced record');
  assert.equal((await client.getSyncedRecord(someRecord.id)).id, someRecord.id);
  const pushed = await client.pushSyncedRecord(someRecord.id);
  assert.ok(['pending', 'error', 'done'].includes(pushed.sync_status));

  // Every loader of the preview (connection, counterparts + addresses, products, payables + line items,
  // receivables, payment records, settings, tax rates, ledger accounts, synced records of all six types).
  const plan = await client.previewSync({ accounting: { counterparts: [], products: [] } });
  assert.ok(plan.summary.pull.counterparts.total > 0, 'the example counterpart was planned');
  const loaded = new Set(exchanges.map((e) => name(e.method, e.path)));
  for (const endpoint of [
    'GET /counterparts',
    'GET /counterparts/{counterpart_id}/addresses',
    'GET /products',
    'GET /payables',
    'GET /payables/{payable_id}/line_items',
    'GET /receivables',
    'GET /payment_records',
    'GET /entities/{entity_id}/settings',
    'GET /accounting_tax_rates',
    'GET /ledger_accounts',
  ]) {
    assert.ok(loaded.has(endpoint), `previewSync read ${endpoint}`);
  }

  // pushFailed: the example data has no failed push, so the preview's report is empty; a plan whose bill's last
  // push failed (what previewSync reports for a synced record in error) pushes that record once.
  const none = await client.pushFailed(plan);
  assert.deepEqual([none.pushed.length, none.failed.length], [0, 0]);
  const failedBill = {
    monite_id: randomUUID(),
    eligible: true,
    errors: [],
    warnings: [{ code: 'last_push_failed', path: '', message: 'the last push failed' }],
    synced: { record_id: someRecord.id, sync_status: 'error', platform_object_id: null, updated_at: someRecord.updated_at },
  };
  const report = await client.pushFailed({ push: { bills: [failedBill], invoices: [], credit_notes: [], payment_records: [] } });
  assert.equal(report.pushed.length + report.failed.length, 1);
  if (report.failed.length) assert.ok(report.failed[0].error instanceof PushRejectedError, report.failed[0].error.message);

  assert.equal(typeof (await client.disconnect(connection.id)).id, 'string');

  // Every request of the flow accepted by Prism.
  const flow = [...exchanges];
  const rows = tally(flow, name);
  const acceptedCount = flow.filter(accepted).length;
  t.diagnostic(`Prism ${prism.version}: ${acceptedCount} of ${flow.length} requests accepted (started in ${startup} ms)`);
  for (const [endpoint, row] of rows) t.diagnostic(`  ${endpoint}: ${row.accepted}/${row.sent}`);
  const refused = flow.filter((e) => !accepted(e)).map((e) => `${e.method} ${e.path} → ${e.status} ${JSON.stringify(e.violations)}`);
  assert.deepEqual(refused, [], 'Prism refused requests of the flow');
  assert.deepEqual(
    rows.map(([endpoint]) => endpoint),
    [
      'GET /accounting_connections',
      'GET /accounting_connections/{connection_id}',
      'GET /accounting_synced_records',
      'GET /accounting_synced_records/{synced_record_id}',
      'GET /accounting_tax_rates',
      'GET /counterparts',
      'GET /counterparts/{counterpart_id}/addresses',
      'GET /entities/{entity_id}/settings',
      'GET /ledger_accounts',
      'GET /payables',
      'GET /payables/{payable_id}/line_items',
      'GET /payment_records',
      'GET /products',
      'GET /receivables',
      'POST /accounting_connections',
      'POST /accounting_connections/{connection_id}/disconnect',
      'POST /accounting_connections/{connection_id}/sync',
      'POST /accounting_synced_records/{synced_record_id}/push',
      'POST /auth/token',
    ],
    'every operation the client uses, and nothing outside the document',
  );

  // Controls, not part of the flow: what the document does not define is refused, so the figures above mean
  // something. The body the client used to send on POST /accounting_connections, and limits outside 1–250.
  const controls = [
    [{ method: 'POST', path: '/accounting_connections', body: { platform: 'xero' } }, 422],
    [{ method: 'GET', path: '/accounting_synced_records', query: { object_type: 'bill', limit: 0 } }, 422],
    [{ method: 'GET', path: '/accounting_synced_records', query: { object_type: 'bill', limit: 251 } }, 422],
  ];
  for (const [request, expected] of controls) {
    const error = await failure(client.request(request), ApiError);
    errors.push(error);
    assert.equal(error.status, expected, `${request.method} ${request.path} ${JSON.stringify(request.query ?? request.body)}`);
    const seen = exchanges.at(-1);
    assert.ok(seen.violations.length > 0, 'Prism says why');
    t.diagnostic(`  control ${request.method} ${request.path} ${JSON.stringify(request.query ?? request.body)} → ${seen.status}: ${seen.violations.map((v) => v.message).join('; ')}`);
  }

  // No error of the run carries the client secret.
  for (const error of errors) {
    const text = [error.message, error.stack, JSON.stringify(error), inspect(error, { showHidden: true, depth: 6 })].join('\n');
    assert.ok(!text.includes(secret), `${error.name} carries the client secret`);
  }
  t.diagnostic(`the Prism run took ${Date.now() - started} ms`);
});
