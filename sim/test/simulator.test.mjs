// The API simulator over real HTTP on 127.0.0.1 (port 0): tokens, auth, the connection flow through the
// connection page, the one-connection rule, sync, synced records, pagination, rate limiting, faults, counters.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  API_VERSION,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_CONNECTION_ID,
  DEFAULT_ENTITY_ID,
  DEFAULT_ENTITY_USER_ID,
  defaultData,
  loadSample,
  sampleGenerator,
  startSimulator,
} from '../server.mjs';

const JSON_HEADERS = { 'x-monite-version': API_VERSION, 'content-type': 'application/json' };
const OTHER_ENTITY = 'e0000000-0000-4000-8000-000000000002';

/** @param {import('../server.mjs').Simulator} sim */
function clientFor(sim) {
  /** @param {Record<string, unknown>} [body] */
  async function token(body = { grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET }) {
    const res = await fetch(`${sim.apiUrl}/auth/token`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
    return { res, body: await res.json() };
  }
  let cached = '';
  /**
   * @param {string} method @param {string} path
   * @param {{ headers?: Record<string, string | undefined>, entityId?: string, token?: string, body?: string }} [options]
   */
  async function call(method, path, options = {}) {
    if (!cached && options.token === undefined) cached = (await token()).body.access_token;
    /** @type {Record<string, string>} */
    const headers = {
      'x-monite-version': API_VERSION,
      authorization: `Bearer ${options.token ?? cached}`,
      'x-monite-entity-id': options.entityId ?? sim.credentials.entityId,
    };
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const res = await fetch(`${sim.apiUrl}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: options.body }) });
    const text = await res.text();
    return { res, status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  return {
    token,
    call,
    /** @param {string} path @param {Parameters<typeof call>[2]} [options] */
    get: (path, options) => call('GET', path, options),
    /** @param {string} path @param {Parameters<typeof call>[2]} [options] */
    post: (path, options) => call('POST', path, options),
  };
}

/** Follows `connection_url` like a browser: loads the page, fills the form, submits it. */
async function submitConnectionPage(/** @type {string} */ connectionUrl, /** @type {Record<string, string>} */ choice) {
  const page = await fetch(connectionUrl);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
  const html = await page.text();
  const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(html);
  assert.ok(form, 'the page has a POST form');
  const fields = new URLSearchParams();
  for (const input of form[2].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields.set(input[1], input[2]);
  for (const [name, value] of Object.entries(choice)) fields.set(name, value);
  const action = new URL(form[1], connectionUrl);
  const res = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  return { html, res, action };
}

/** Walks every page of a list; `extra` is appended to every request (e.g. `&limit=2`). */
async function walk(/** @type {ReturnType<typeof clientFor>} */ api, /** @type {string} */ path, /** @type {string} */ first, /** @type {string} */ extra = '') {
  const pages = [];
  let url = `${path}?${first}`;
  for (;;) {
    const { status, body } = await api.get(url);
    assert.equal(status, 200, JSON.stringify(body));
    pages.push(body);
    if (!body.next_pagination_token) break;
    assert.ok(pages.length < 100, 'pagination ends');
    url = `${path}?pagination_token=${body.next_pagination_token}${extra}`;
  }
  return pages;
}

describe('tokens', () => {
  /** @type {import('../server.mjs').Simulator} */
  let sim;
  let now = Date.parse('2025-03-01T12:00:00Z');
  before(async () => {
    sim = await startSimulator({ clock: () => now, tokenTtlSeconds: 60 });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  test('client_credentials returns the AccessTokenResponse shape, counted once', async () => {
    const api = clientFor(sim);
    const { res, body } = await api.token();
    assert.equal(res.status, 200);
    assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'token_type']);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 60);
    assert.ok(body.access_token.length >= 32);
    assert.equal(sim.counters.tokensIssued, 1);
    assert.equal(sim.counters.get('POST /v1/auth/token'), 1);
  });

  test('entity_user grant needs a known entity_user_id', async () => {
    const api = clientFor(sim);
    const base = { grant_type: 'entity_user', client_id: DEFAULT_CLIENT_ID, client_secret: DEFAULT_CLIENT_SECRET };
    const ok = await api.token({ ...base, entity_user_id: DEFAULT_ENTITY_USER_ID });
    assert.equal(ok.res.status, 200);
    const missing = await api.token(base);
    assert.equal(missing.res.status, 422);
    assert.deepEqual(missing.body.detail[0].loc, ['body', 'entity_user_id']);
    const unknown = await api.token({ ...base, entity_user_id: 'a0000000-0000-4000-8000-0000000000ff' });
    assert.equal(unknown.res.status, 401);
    // an entity-user token acts for its own entity only
    const own = await api.get('/accounting_connections', { token: ok.body.access_token });
    assert.equal(own.status, 200);
    const other = await api.get('/accounting_connections', { token: ok.body.access_token, entityId: OTHER_ENTITY });
    assert.equal(other.status, 403);
    assert.equal(typeof other.body.error.message, 'string');
  });

  test('bad credentials → 401 ErrorSchemaResponse; malformed body → 422 HTTPValidationError', async () => {
    const api = clientFor(sim);
    const wrong = await api.token({ grant_type: 'client_credentials', client_id: DEFAULT_CLIENT_ID, client_secret: 'nope' });
    assert.equal(wrong.res.status, 401);
    assert.deepEqual(Object.keys(wrong.body), ['error']);
    assert.equal(typeof wrong.body.error.message, 'string');
    assert.ok(!JSON.stringify(wrong.body).includes('nope'), 'the error does not echo the secret');
    const bad = await api.token({ grant_type: 'password', client_id: 'not-a-uuid', extra: 1 });
    assert.equal(bad.res.status, 422);
    const locs = bad.body.detail.map((/** @type {any} */ d) => d.loc.join('.')).sort();
    assert.deepEqual(locs, ['body.client_id', 'body.client_secret', 'body.extra', 'body.grant_type']);
    for (const d of bad.body.detail) assert.deepEqual(Object.keys(d).sort(), ['loc', 'msg', 'type']);
    const notJson = await fetch(`${sim.apiUrl}/auth/token`, { method: 'POST', headers: JSON_HEADERS, body: '{oops' });
    assert.equal(notJson.status, 422);
    assert.equal((await notJson.json()).detail[0].type, 'json_invalid');
    assert.equal(sim.counters.tokensIssued, 0);
  });

  test('tokens expire with the clock, and all at once with faults.expireTokens()', async () => {
    const api = clientFor(sim);
    const first = (await api.token()).body.access_token;
    assert.equal((await api.get('/accounting_connections', { token: first })).status, 200);
    now += 59_000;
    assert.equal((await api.get('/accounting_connections', { token: first })).status, 200);
    now += 1_000;
    const expired = await api.get('/accounting_connections', { token: first });
    assert.equal(expired.status, 401);
    assert.match(expired.body.error.message, /expired/);
    const second = (await api.token()).body.access_token;
    assert.equal((await api.get('/accounting_connections', { token: second })).status, 200);
    sim.faults.expireTokens();
    assert.equal((await api.get('/accounting_connections', { token: second })).status, 401);
    const third = (await api.token()).body.access_token;
    sim.faults.set({ expireTokens: true });
    assert.equal((await api.get('/accounting_connections', { token: third })).status, 401);
    assert.equal(sim.counters.tokensIssued, 3);
  });
});

describe('requests', () => {
  /** @type {import('../server.mjs').Simulator} */
  let sim;
  before(async () => {
    sim = await startSimulator({ entities: { [OTHER_ENTITY]: {} } });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  test('every endpoint but /auth/token requires a valid Bearer token (401, error shape, x-request-id)', async () => {
    const api = clientFor(sim);
    for (const path of ['/accounting_connections', '/counterparts', `/entities/${sim.credentials.entityId}/settings`]) {
      const missing = await api.get(path, { headers: { authorization: undefined } });
      assert.equal(missing.status, 401, path);
      assert.equal(typeof missing.body.error.message, 'string');
      assert.equal(missing.res.headers.get('www-authenticate'), 'Bearer');
      assert.match(missing.res.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
      const garbage = await api.get(path, { token: 'not-a-token' });
      assert.equal(garbage.status, 401, path);
    }
  });

  test('x-monite-version is required (422) and must be 2024-05-25', async () => {
    const api = clientFor(sim);
    const missing = await api.get('/counterparts', { headers: { 'x-monite-version': undefined } });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.body.detail, [{ loc: ['header', 'x-monite-version'], msg: 'Field required', type: 'missing' }]);
    const other = await api.get('/counterparts', { headers: { 'x-monite-version': '2023-06-04' } });
    assert.equal(other.status, 422);
    const token = await fetch(`${sim.apiUrl}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(token.status, 422);
  });

  test('x-monite-entity-id is required on entity-scoped paths, must be a UUID and name an entity', async () => {
    const api = clientFor(sim);
    const missing = await api.get('/accounting_connections', { headers: { 'x-monite-entity-id': undefined } });
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.body.detail[0].loc, ['header', 'x-monite-entity-id']);
    const malformed = await api.get('/accounting_connections', { entityId: 'acme' });
    assert.equal(malformed.status, 422);
    assert.equal(malformed.body.detail[0].type, 'uuid_parsing');
    const unknown = await api.get('/accounting_connections', { entityId: 'e0000000-0000-4000-8000-0000000000ff' });
    assert.equal(unknown.status, 404);
    const settings = await api.get(`/entities/${sim.credentials.entityId}/settings`, { headers: { 'x-monite-entity-id': undefined } });
    assert.equal(settings.status, 200, 'the settings path names its entity itself');
    assert.deepEqual(settings.body.accounting, defaultData().monite.settings.accounting);
  });

  test('unknown paths → 404, wrong methods → 405 with Allow, unknown ids → 404, malformed ids → 422', async () => {
    const api = clientFor(sim);
    const notFound = await api.get('/nothing-here');
    assert.equal(notFound.status, 404);
    assert.ok(notFound.res.headers.get('x-request-id'));
    const wrong = await api.call('DELETE', '/accounting_connections');
    assert.equal(wrong.status, 405);
    assert.equal(wrong.res.headers.get('allow'), 'GET, POST');
    const unknownId = await api.get('/accounting_connections/0f000000-0000-4000-8000-000000000000');
    assert.equal(unknownId.status, 404);
    assert.equal(typeof unknownId.body.error.message, 'string');
    const badId = await api.get('/accounting_connections/abc');
    assert.equal(badId.status, 422);
    assert.deepEqual(badId.body.detail[0].loc, ['path', 'connection_id']);
  });

  test('x-request-id on every response, unique', async () => {
    const api = clientFor(sim);
    const seen = new Set();
    for (const res of [
      (await api.get('/counterparts')).res,
      (await api.get('/counterparts', { headers: { authorization: undefined } })).res,
      (await api.get('/missing')).res,
      await fetch(`${sim.url}connect/0f000000-0000-4000-8000-000000000000`),
      await fetch(sim.url),
    ]) {
      const id = res.headers.get('x-request-id');
      assert.ok(id, `x-request-id on ${res.url}`);
      seen.add(id);
    }
    assert.equal(seen.size, 5);
  });

  test('the Monite collections serve the seeded PlanInput (addresses and line items on their own paths)', async () => {
    const api = clientFor(sim);
    const data = defaultData();
    const counterparts = (await api.get('/counterparts')).body.data;
    assert.deepEqual(counterparts.map((/** @type {any} */ c) => c.id), data.monite.counterparts.map((/** @type {any} */ c) => c.id));
    assert.ok(counterparts.every((/** @type {any} */ c) => !('addresses' in c)));
    const addresses = await api.get(`/counterparts/${data.monite.counterparts[0].id}/addresses`);
    assert.deepEqual(addresses.body, { data: data.monite.counterparts[0].addresses });
    const payables = (await api.get('/payables')).body.data;
    assert.ok(payables.every((/** @type {any} */ p) => !('line_items' in p)));
    const lines = await api.get(`/payables/${data.monite.payables[0].id}/line_items`);
    assert.deepEqual(lines.body.data, data.monite.payables[0].line_items);
    assert.deepEqual((await api.get('/products')).body.data, data.monite.products);
    assert.deepEqual((await api.get('/receivables')).body.data, data.monite.receivables);
    assert.deepEqual((await api.get('/payment_records')).body.data, data.monite.payment_records);
    assert.deepEqual((await api.get('/payment_records?object_type=receivable')).body.data.length, 1);
    assert.deepEqual((await api.get('/accounting_tax_rates')).body.data, data.accounting.tax_rates);
    assert.deepEqual((await api.get('/ledger_accounts')).body.data, data.accounting.ledger_accounts);
    const empty = await api.get('/counterparts', { entityId: OTHER_ENTITY });
    assert.deepEqual(empty.body, { data: [] });
  });

  test('host must be loopback', async () => {
    await assert.rejects(startSimulator({ host: '0.0.0.0' }), /loopback/);
  });
});

describe('accounting connections', () => {
  /** @type {import('../server.mjs').Simulator} */
  let sim;
  before(async () => {
    sim = await startSimulator({ entities: { [OTHER_ENTITY]: {} } });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  test('POST /accounting_connections takes no body (the document defines none: the user picks the platform on the page) → 422', async () => {
    const api = clientFor(sim);
    const json = { 'content-type': 'application/json' };
    for (const body of ['{"platform":"xero"}', '{}']) {
      const refused = await api.post('/accounting_connections', { body, headers: json });
      assert.equal(refused.status, 422, body);
      assert.deepEqual(refused.body.detail.map((d) => [d.type, d.loc]), [['extra_forbidden', ['body']]]);
      assert.match(refused.body.detail[0].msg, /POST \/accounting_connections takes no request body/);
    }
    assert.equal(sim.counters.connectionsCreated, 0);
    const created = await api.post('/accounting_connections');
    assert.equal(created.status, 201, 'without a body');
    const other = await api.post(`/accounting_connections/${created.body.id}/disconnect`, { body: '{"reason":"x"}', headers: json });
    assert.equal(other.status, 422, 'nor do the other operations without a requestBody');
    assert.equal((await api.post(`/accounting_connections/${created.body.id}/disconnect`)).status, 200);
  });

  test('connect → connection page → Authorize → connected (with the chosen platform)', async () => {
    const api = clientFor(sim);
    assert.deepEqual((await api.get('/accounting_connections')).body, { data: [] });
    const created = await api.post('/accounting_connections');
    assert.equal(created.status, 201);
    const connection = created.body;
    assert.equal(connection.status, 'pending_auth');
    assert.deepEqual(connection.errors, []);
    assert.ok(!('platform' in connection), 'no platform before authorization');
    assert.equal(connection.connection_url, `${sim.url}connect/${connection.id}`);
    for (const field of ['id', 'created_at', 'updated_at', 'connection_url']) assert.ok(field in connection, field);

    const { html, res, action } = await submitConnectionPage(connection.connection_url, { platform: 'xero', decision: 'authorize' });
    assert.match(html, /<button type="submit" name="decision" value="authorize">Authorize<\/button>/);
    assert.match(html, /value="quickbooks"/);
    assert.match(html, /value="xero"/);
    assert.equal(res.status, 303);
    const landing = await fetch(new URL(res.headers.get('location') ?? '', action));
    assert.match(await landing.text(), /Connected to <strong>Xero<\/strong>/);

    const after = await api.get(`/accounting_connections/${connection.id}`);
    assert.equal(after.status, 200);
    assert.equal(after.body.status, 'connected');
    assert.equal(after.body.platform, 'xero');
    assert.ok(after.body.last_pull, 'the initial sync ran');
    assert.deepEqual((await api.get('/accounting_connections')).body.data, [after.body]);
    // the link is single-use
    const again = await fetch(connection.connection_url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'decision=deny' });
    assert.equal(again.status, 409);
  });

  test('Deny → deauthorized; the form state value is checked', async () => {
    const api = clientFor(sim);
    const { body: connection } = await api.post('/accounting_connections');
    const forged = await fetch(connection.connection_url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'decision=authorize&platform=quickbooks&state=forged',
    });
    assert.equal(forged.status, 400);
    assert.equal(sim.state.connection(connection.id).status, 'pending_auth');
    const { res } = await submitConnectionPage(connection.connection_url, { decision: 'deny' });
    assert.equal(res.status, 303);
    const after = await api.get(`/accounting_connections/${connection.id}`);
    assert.equal(after.body.status, 'deauthorized');
    assert.equal(after.body.errors.length, 1);
    assert.equal((await api.post('/accounting_connections')).status, 201, 'a deauthorized connection does not block a new one');
  });

  test('one connection per entity: a second create → 422 naming the first; disconnect frees the entity', async () => {
    const api = clientFor(sim);
    const first = (await api.post('/accounting_connections')).body;
    const pending = await api.post('/accounting_connections');
    assert.equal(pending.status, 422);
    assert.equal(pending.body.detail[0].type, 'connection_already_exists');
    assert.match(pending.body.detail[0].msg, new RegExp(first.id));
    sim.state.authorize(first.id, 'quickbooks');
    const connected = await api.post('/accounting_connections');
    assert.equal(connected.status, 422);
    assert.match(connected.body.detail[0].msg, /status connected, platform quickbooks/);
    assert.equal(sim.counters.connectionsCreated, 1);

    assert.equal((await api.post('/accounting_connections', { entityId: OTHER_ENTITY })).status, 201, 'other entities are independent');
    assert.equal((await api.get(`/accounting_connections/${first.id}`, { entityId: OTHER_ENTITY })).status, 404, 'connections are entity-scoped');

    const disconnected = await api.post(`/accounting_connections/${first.id}/disconnect`);
    assert.equal(disconnected.status, 200);
    assert.equal(disconnected.body.status, 'disconnected');
    const second = await api.post('/accounting_connections');
    assert.equal(second.status, 201);
    assert.notEqual(second.body.id, first.id);
    assert.equal((await api.get('/accounting_connections')).body.data.length, 2);
    assert.equal(sim.counters.connectionsCreated, 3);
  });

  test('sync → 202 AccountingMessageResponse, only when connected', async () => {
    const api = clientFor(sim);
    const { body: connection } = await api.post('/accounting_connections');
    const early = await api.post(`/accounting_connections/${connection.id}/sync`);
    assert.equal(early.status, 422);
    sim.state.authorize(connection.id);
    const before = sim.state.syncedRecords().length;
    assert.ok(before > 0, 'authorization runs the initial sync');
    const sync = await api.post(`/accounting_connections/${connection.id}/sync`);
    assert.equal(sync.status, 202);
    assert.deepEqual(Object.keys(sync.body), ['message']);
    assert.equal(sim.state.syncedRecords().length, before, 'a second sync refreshes records, it does not duplicate them');
    assert.equal(sim.counters.syncs, 2);
    await api.post(`/accounting_connections/${connection.id}/disconnect`);
    assert.equal((await api.post(`/accounting_connections/${connection.id}/sync`)).status, 422);
  });

  test('a connection in the seeded data is loaded (connected; synced at start only with seedSync)', async () => {
    const data = defaultData();
    const connection = { id: '0c000000-0000-4000-8000-000000000001', created_at: '2024-06-08T19:52:22+00:00', updated_at: '2024-06-08T19:55:03+00:00',
      connection_url: 'https://connect.accounting.example/x', errors: [], platform: 'quickbooks', status: 'connected', last_pull: '2024-06-11T20:52:22+00:00' };
    const seeded = await startSimulator({ data: { ...data, monite: { ...data.monite, connection } } });
    try {
      const api = clientFor(seeded);
      const got = await api.get(`/accounting_connections/${connection.id}`);
      assert.equal(got.body.status, 'connected');
      assert.equal(got.body.created_at, '2024-06-08T19:52:22.000000+00:00');
      assert.equal(got.body.connection_url, `${seeded.url}connect/${connection.id}`);
      assert.equal((await api.post('/accounting_connections')).status, 422);
      assert.deepEqual(seeded.state.syncedRecords(), [], 'no sync at start: a first preview is a first-sync preview');
      assert.equal(seeded.counters.syncs, 0);
    } finally {
      await seeded.close();
    }
    const synced = await startSimulator({ data: { ...data, monite: { ...data.monite, connection } }, seedSync: true });
    try {
      assert.ok(synced.state.syncedRecords().length > 0, 'seedSync: true runs the sync at start');
      assert.equal(synced.state.connection(connection.id).last_pull, '2024-06-11T20:52:22.000000+00:00', 'the seeded last_pull is kept');
    } finally {
      await synced.close();
    }
    const unseeded = await startSimulator({ data: { ...data, monite: { ...data.monite, connection } }, seedConnection: false });
    try {
      assert.deepEqual(unseeded.state.connections(), []);
    } finally {
      await unseeded.close();
    }
  });
});

describe('synced records', () => {
  /** @type {import('../server.mjs').Simulator} */
  let sim;
  let now = Date.parse('2025-03-01T12:00:00Z');
  before(async () => {
    sim = await startSimulator({ clock: () => now, syncDurationMs: 5_000, pageSize: { accounting_synced_records: 2 } });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  async function connected() {
    const api = clientFor(sim);
    const { body } = await api.post('/accounting_connections');
    sim.state.authorize(body.id, 'quickbooks');
    return { api, connection: body };
  }

  test('object_type is required (422) and must be an ObjectMatchTypes value', async () => {
    const { api } = await connected();
    const missing = await api.get('/accounting_synced_records');
    assert.equal(missing.status, 422);
    assert.deepEqual(missing.body.detail, [{ loc: ['query', 'object_type'], msg: 'Field required', type: 'missing' }]);
    const wrong = await api.get('/accounting_synced_records?object_type=invoice');
    assert.equal(wrong.status, 422);
    assert.equal(wrong.body.detail[0].type, 'enum');
  });

  test('a sync records every customer it links or creates; ≥ 3 pages by cursor, no repeats, prev goes back', async () => {
    const { api } = await connected();
    const data = defaultData();
    const pages = await walk(api, '/accounting_synced_records', 'object_type=customer&limit=1', '&limit=1&object_type=customer');
    assert.ok(pages.length >= 3, `${pages.length} pages`);
    const ids = pages.flatMap((p) => p.data.map((/** @type {any} */ r) => r.object_id));
    const customers = data.monite.counterparts.filter((/** @type {any} */ c) => (c.organization ?? c.individual)?.is_customer).map((/** @type {any} */ c) => c.id);
    assert.deepEqual(ids, customers);
    assert.ok(!('prev_pagination_token' in pages[0]));
    assert.ok(pages.slice(1).every((p) => typeof p.prev_pagination_token === 'string'));
    assert.ok(!('next_pagination_token' in pages[pages.length - 1]), 'the last page has no next token (absent, not null)');
    const back = await api.get(`/accounting_synced_records?object_type=customer&limit=1&pagination_token=${pages[2].prev_pagination_token}`);
    assert.deepEqual(back.body.data, pages[1].data);

    // records: SyncRecordResource shape, pending until syncDurationMs has passed
    const record = pages[0].data[0];
    for (const field of ['id', 'created_at', 'updated_at', 'last_pulled_at', 'sync_status', 'object_type']) assert.ok(field in record, field);
    assert.equal(record.object_type, 'customer');
    assert.equal(record.platform, 'quickbooks');
    assert.equal(record.sync_status, 'pending');
    now += 5_000;
    const one = await api.get(`/accounting_synced_records/${record.id}`);
    assert.equal(one.body.sync_status, 'done');
    assert.deepEqual(one.body.errors, {});

    // the default page size applies when `limit` is absent (it is not inferred from the token on this endpoint)
    const again = await walk(api, '/accounting_synced_records', 'object_type=customer', '&object_type=customer');
    assert.deepEqual(again.map((p) => p.data.length), [2, 1]);
    const mixed = await api.get(`/accounting_synced_records?object_type=customer&pagination_token=${again[0].next_pagination_token}&limit=5`);
    assert.equal(mixed.body.data.length, 1);
  });

  test('a record added between two page requests does not shift the pages', async () => {
    const { api, connection } = await connected();
    const first = await api.get('/accounting_synced_records?object_type=customer&limit=2');
    assert.equal(first.body.data.length, 2);
    // a new customer + a sync (which creates it in the accounting system) between page 1 and page 2
    const id = 'c1000000-0000-4000-8000-000000000009';
    sim.state.addRecords('counterparts', [
      { id, type: 'organization', organization: { legal_name: 'Zephyr Ltd', is_customer: true, is_vendor: false }, created_at: '2025-03-01T00:00:00+00:00', updated_at: '2025-03-01T00:00:00+00:00' },
    ]);
    assert.equal((await api.post(`/accounting_connections/${connection.id}/sync`)).status, 202);
    const second = await api.get(`/accounting_synced_records?object_type=customer&limit=2&pagination_token=${first.body.next_pagination_token}`);
    const seen = [...first.body.data, ...second.body.data].map((/** @type {any} */ r) => r.object_id);
    assert.equal(new Set(seen).size, seen.length, 'no record twice');
    assert.ok(seen.includes(id), 'the new record appears at the end');
  });

  test('push → 200 SyncRecordResource; unknown record → 404; a token of another list → 422', async () => {
    const { api, connection } = await connected();
    const [record] = sim.state.syncedRecords();
    const pending = await api.post(`/accounting_synced_records/${record.id}/push`);
    assert.equal(pending.status, 200);
    assert.equal(pending.body.id, record.id);
    assert.equal(pending.body.sync_status, 'pending', 'a record still on its way is left as it is');
    now += 5_000;
    const pushed = await api.post(`/accounting_synced_records/${record.id}/push`);
    assert.equal(pushed.body.sync_status, 'done');
    assert.deepEqual(pushed.body, sim.state.syncedRecords().find((r) => r.id === record.id), 'a done record is left as it is');
    assert.equal(sim.counters.pushes, 2);
    assert.equal((await api.get('/accounting_synced_records/0f000000-0000-4000-8000-000000000000')).status, 404);
    const page = await api.get('/counterparts?limit=1');
    const foreign = await api.get(`/accounting_synced_records?object_type=customer&pagination_token=${page.body.next_pagination_token}`);
    assert.equal(foreign.status, 422);
    assert.deepEqual(foreign.body.detail[0].loc, ['query', 'pagination_token']);
    await api.post(`/accounting_connections/${connection.id}/disconnect`);
    assert.equal((await api.post(`/accounting_synced_records/${record.id}/push`)).status, 422, 'nothing to push to once disconnected');
  });
});

describe('sync: the engine plans it, the simulator does it', () => {
  /** @type {import('../server.mjs').Simulator} */
  let sim;
  const t0 = Date.parse('2025-03-01T12:00:00Z');
  let now = t0;
  const data = defaultData({ connected: true });
  const cp = (/** @type {number} */ n) => `c1000000-0000-4000-8000-00000000000${n}`;
  const BILL_OK = 'ba000000-0000-4000-8000-000000000001';
  const BILL_NO_LEDGER = 'ba000000-0000-4000-8000-000000000002';
  const BILL_DRAFT = 'ba000000-0000-4000-8000-000000000003';
  const INVOICE = 'e1000000-0000-4000-8000-000000000001';
  const CREDIT_NOTE = 'e1000000-0000-4000-8000-000000000002';
  const PAYMENT = 'fa000000-0000-4000-8000-000000000001';
  const PAYABLE_PAYMENT = 'fa000000-0000-4000-8000-000000000002';
  const ELIGIBLE = [BILL_OK, INVOICE, CREDIT_NOTE, PAYMENT];
  before(async () => {
    sim = await startSimulator({ data, clock: () => now });
  });
  after(() => sim.close());
  beforeEach(() => {
    now = t0;
    sim.reset();
  });

  /** Synced records by `object_type:object_id`, over the API (every page). @param {ReturnType<typeof clientFor>} api */
  async function records(api) {
    /** @type {Map<string, any>} */
    const out = new Map();
    for (const type of ['customer', 'vendor', 'product', 'bill', 'receivable', 'payment_record']) {
      for (const page of await walk(api, '/accounting_synced_records', `object_type=${type}&limit=3`, `&object_type=${type}&limit=3`)) {
        for (const r of page.data) out.set(`${r.object_type}:${r.object_id}`, r);
      }
    }
    return out;
  }

  test('a seeded connected entity starts unsynced; POST …/sync links, creates, pushes and fails as the plan says', async () => {
    const api = clientFor(sim);
    assert.deepEqual(sim.state.syncedRecords(), []);
    assert.equal((await api.post(`/accounting_connections/${DEFAULT_CONNECTION_ID}/sync`)).status, 202);
    const got = await records(api);

    // Counterparts: matched ones linked to their accounting record, by role (customer and/or vendor).
    for (const [n, type, accountingId] of /** @type {const} */ ([[1, 'customer', '101'], [2, 'vendor', '102'], [3, 'customer', '103'], [4, 'customer', '104']])) {
      const r = got.get(`${type}:${cp(n)}`);
      assert.equal(r?.platform_object_id, accountingId, `${type} ${cp(n)}`);
      assert.equal(r.sync_status, 'done');
      assert.equal(r.platform, 'quickbooks');
    }
    // Blue Harbor had no accounting twin: created in the accounting system, with a new id, and linked.
    const harbor = got.get(`vendor:${cp(5)}`);
    assert.equal(harbor.sync_status, 'done');
    const created = sim.state.accounting().counterparts.find((c) => c.id === harbor.platform_object_id);
    assert.deepEqual(created, { id: harbor.platform_object_id, name: 'Blue Harbor Inc.', kind: 'vendor', address: { country: 'US', city: 'Boston', line1: '1 Harbor Way', postal_code: '02110' } });
    assert.ok(!data.accounting.counterparts.some((c) => c.id === created.id), 'a new id, not one of the seeded ones');

    // Products: matched ones linked; the accounting-only "Gadget" created in Monite (GET /products) and linked.
    assert.equal(got.get('product:b1000000-0000-4000-8000-000000000001')?.platform_object_id, '201');
    assert.equal(got.get('product:b1000000-0000-4000-8000-000000000002')?.platform_object_id, '202');
    assert.equal(got.has('product:b1000000-0000-4000-8000-000000000003'), false, 'no accounting twin: no record');
    const products = (await api.get('/products')).body.data;
    const gadget = products.find((/** @type {any} */ p) => p.name === 'Gadget');
    assert.ok(gadget, 'the product was created in Monite');
    assert.equal(gadget.entity_id, sim.state.entityId);
    assert.equal(got.get(`product:${gadget.id}`)?.platform_object_id, '203');

    // Documents: eligible ones pushed (done, each with its own new platform id), the attempted failure recorded
    // as an error, the out-of-scope ones (draft bill, payment of a payable) without a record.
    const pushed = ELIGIBLE.map((id) => [...got.values()].find((r) => r.object_id === id));
    assert.ok(pushed.every((r) => r?.sync_status === 'done' && typeof r.platform_object_id === 'string'), JSON.stringify(pushed));
    assert.equal(new Set(pushed.map((r) => r.platform_object_id)).size, 4);
    const failed = got.get(`bill:${BILL_NO_LEDGER}`);
    assert.equal(failed.sync_status, 'error');
    assert.equal('platform_object_id' in failed, false, 'a failed push has no platform record');
    assert.deepEqual(failed.errors, { code: 'ledger_account_missing', path: 'line_items[0].ledger_account_id', message: 'line_items[0].ledger_account_id: the line has no ledger account' });
    assert.equal(got.has(`bill:${BILL_DRAFT}`), false);
    assert.equal(got.has(`payment_record:${PAYABLE_PAYMENT}`), false);
    assert.deepEqual(sim.state.lastSync(), {
      counterparts: { linked: 4, created: 1, failed: 0, unchanged: 0 },
      products: { linked: 2, created: 1, failed: 0, unchanged: 0 },
      documents: { pushed: 4, failed: 1, unchanged: 0, out_of_scope: 2 },
      objects: 15,
    });
    assert.equal(sim.counters.syncs, 1);
  });

  test('state.planInput() is what a preview through the API reads; the accounting side is in state.accounting()', async () => {
    sim.state.sync();
    const input = sim.state.planInput();
    const api = clientFor(sim);
    assert.deepEqual(input.monite.counterparts.map((/** @type {any} */ c) => c.id), (await api.get('/counterparts')).body.data.map((/** @type {any} */ c) => c.id));
    assert.deepEqual(input.monite.connection, (await api.get(`/accounting_connections/${DEFAULT_CONNECTION_ID}`)).body);
    assert.deepEqual(input.monite.synced_records.length, sim.state.syncedRecords().length);
    assert.deepEqual({ counterparts: input.accounting.counterparts, products: input.accounting.products }, sim.state.accounting());
    assert.deepEqual(input.policy, data.policy);
    assert.deepEqual(input.monite.payables[0].line_items, (await api.get(`/payables/${BILL_OK}/line_items`)).body.data);
  });

  test('pushFailures: a deterministic share of the pushes fails (error, errors { code, message, path })', async () => {
    const run = async () => {
      sim.reset();
      sim.faults.set({ pushFailures: { share: 0.5 } });
      sim.state.sync();
      return sim.state.syncedRecords().filter((r) => ELIGIBLE.includes(r.object_id)).map((r) => [r.object_id, r.sync_status]).sort();
    };
    const first = await run();
    assert.deepEqual(first.filter(([, status]) => status === 'error').length, 2, 'half of the 4 pushes');
    assert.deepEqual(await run(), first, 'the same pushes fail every time');
    const rejected = sim.state.syncedRecords().find((r) => r.sync_status === 'error' && ELIGIBLE.includes(r.object_id));
    assert.deepEqual(rejected.errors, { code: 'push_rejected', message: 'The accounting system rejected the document (simulated push failure)', path: '' });
    assert.equal(sim.state.lastSync().documents.failed, 3, 'two rejected and the bill without a ledger account');
    assert.equal(sim.state.syncedRecords().filter((r) => r.object_type === 'customer').every((r) => r.sync_status === 'done'), true, 'counterpart links are not pushes');

    sim.reset();
    sim.faults.set({ pushFailures: { ids: [INVOICE, PAYMENT], count: 1, code: '6000', message: 'A business validation error has occurred' } });
    sim.state.sync();
    const status = (/** @type {string} */ id) => sim.state.syncedRecords().find((r) => r.object_id === id)?.sync_status;
    assert.equal(status(INVOICE), 'error', 'named by id');
    assert.equal(status(PAYMENT), 'done', 'count: 1 — the fault cleared after one failure');
    assert.equal(sim.faults.current.pushFailures, undefined);
    assert.deepEqual(sim.state.syncedRecords().find((r) => r.object_id === INVOICE).errors, { code: '6000', message: 'A business validation error has occurred', path: '' });
    assert.throws(() => sim.faults.set({ pushFailures: { share: 2 } }), /share/);
    assert.throws(() => sim.faults.set({ pushFailures: {} }), /share or ids/);
  });

  test('POST …/push re-checks the object with the engine: done only when eligible and the fault spares it', async () => {
    const api = clientFor(sim);
    sim.faults.set({ pushFailures: { ids: [INVOICE] } });
    sim.state.sync();
    const invoice = sim.state.syncedRecords().find((r) => r.object_id === INVOICE);
    assert.equal(invoice.sync_status, 'error');

    now += 1000;
    const still = await api.post(`/accounting_synced_records/${invoice.id}/push`);
    assert.equal(still.status, 200);
    assert.equal(still.body.sync_status, 'error', 'the fault applies to the push too');
    assert.equal(still.body.errors.code, 'push_rejected');

    sim.faults.set({ pushFailures: null });
    now += 1000;
    const pushed = await api.post(`/accounting_synced_records/${invoice.id}/push`);
    assert.equal(pushed.body.sync_status, 'done');
    assert.equal(typeof pushed.body.platform_object_id, 'string');
    assert.deepEqual(pushed.body.errors, {});
    assert.equal(pushed.body.updated_at, '2025-03-01T12:00:02.000000+00:00');
    assert.equal(pushed.body.id, invoice.id, 'the same synced record');

    // Still not eligible (no ledger account on its line): stays an error, with the engine's reasons.
    const bill = sim.state.syncedRecords().find((r) => r.object_id === BILL_NO_LEDGER);
    const again = await api.post(`/accounting_synced_records/${bill.id}/push`);
    assert.equal(again.body.sync_status, 'error');
    assert.equal(again.body.errors.code, 'ledger_account_missing');
    assert.equal(sim.counters.pushes, 3);
  });

  test('drift knobs: renameAccounting, updateAccounting, deleteAccounting change the accounting side', () => {
    sim.state.sync();
    assert.equal(sim.state.renameAccounting('counterparts', '101', 'Acme Holdings Ltd').name, 'Acme Holdings Ltd');
    assert.deepEqual(sim.state.updateAccounting('counterparts', '104', { address: { country: 'IE' } }).address, { country: 'IE', city: 'London', line1: '221B Baker Street', postal_code: 'NW1 6XE' });
    assert.equal(sim.state.deleteAccounting('products', '202').name, 'Widget');
    const side = sim.state.accounting();
    assert.equal(side.counterparts.find((c) => c.id === '101').name, 'Acme Holdings Ltd');
    assert.equal(side.products.some((p) => p.id === '202'), false);
    assert.throws(() => sim.state.deleteAccounting('products', '202'), /no accounting product 202/);
    assert.throws(() => sim.state.renameAccounting(/** @type {any} */ ('vendors'), '101', 'x'), /counterparts or products/);
    sim.reset();
    assert.equal(sim.state.accounting().counterparts.find((c) => c.id === '101').name, 'Acme Limited', 'reset restores the seeded side');
  });

  test('synced records in the data are served as they are; a seeded pending one stays so until the next sync; unknown types are left out', async () => {
    const seeded = [
      { id: '5e000000-0000-4000-8000-000000000001', created_at: '2025-01-02T00:00:00+00:00', updated_at: '2025-01-02T00:00:00+00:00', last_pulled_at: '2025-01-02T00:00:00+00:00',
        object_type: 'customer', object_id: cp(1), platform: 'quickbooks', platform_object_id: '101', sync_status: 'done', errors: {} },
      { id: '5e000000-0000-4000-8000-000000000002', created_at: '2025-01-02T00:00:00+00:00', updated_at: '2025-01-03T00:00:00+00:00', last_pulled_at: '2025-01-03T00:00:00+00:00',
        object_type: 'bill', object_id: BILL_OK, platform: 'quickbooks', sync_status: 'pending', errors: {} },
      { id: '5e000000-0000-4000-8000-000000000003', created_at: '2025-01-02T00:00:00+00:00', updated_at: '2025-01-03T00:00:00+00:00', last_pulled_at: '2025-01-03T00:00:00+00:00',
        object_type: 'journal_entry', object_id: BILL_OK, platform: 'quickbooks', platform_object_id: '9', sync_status: 'done', errors: {} },
    ];
    const other = await startSimulator({ data: { ...data, monite: { ...data.monite, synced_records: seeded } }, clock: () => now, syncDurationMs: 1000 });
    try {
      const api = clientFor(other);
      const customer = (await api.get('/accounting_synced_records?object_type=customer')).body.data;
      assert.equal(customer.length, 1);
      assert.equal(customer[0].id, seeded[0].id);
      assert.equal(customer[0].platform_object_id, '101');
      assert.equal(customer[0].updated_at, '2025-01-02T00:00:00.000000+00:00');
      assert.equal((await api.get(`/accounting_synced_records/${seeded[1].id}`)).body.sync_status, 'pending');
      now += 1000;
      assert.equal((await api.get(`/accounting_synced_records/${seeded[1].id}`)).body.sync_status, 'pending', 'as seeded');
      assert.equal((await api.get(`/accounting_synced_records/${seeded[2].id}`)).status, 404, 'not an ObjectMatchTypes value: left out');
      other.state.sync();
      const bill = (await api.get(`/accounting_synced_records/${seeded[1].id}`)).body;
      assert.deepEqual([bill.sync_status, bill.updated_at], ['done', '2025-01-03T00:00:00.000000+00:00'], 'the next sync finds it done, and leaves it');
    } finally {
      await other.close();
    }
  });
});

describe('pagination of counterparts', () => {
  /** @type {import('../server.mjs').Simulator} */
  let sim;
  before(async () => {
    sim = await startSimulator();
  });
  after(() => sim.close());

  test('limit=2 over 5 counterparts → 3 pages; limit rides in the token; prev tokens', async () => {
    const api = clientFor(sim);
    const pages = await walk(api, '/counterparts', 'limit=2');
    assert.deepEqual(pages.map((p) => p.data.length), [2, 2, 1]);
    assert.deepEqual(pages.flatMap((p) => p.data.map((/** @type {any} */ c) => c.id)), defaultData().monite.counterparts.map((/** @type {any} */ c) => c.id));
    const back = await api.get(`/counterparts?pagination_token=${pages[2].prev_pagination_token}`);
    assert.deepEqual(back.body.data, pages[1].data);
    assert.equal(back.body.next_pagination_token, pages[1].next_pagination_token);
  });

  test('sort and order; filters are kept by the token', async () => {
    const api = clientFor(sim);
    const sorted = await walk(api, '/counterparts', 'limit=2&sort=counterpart_name&order=desc');
    const names = sorted.flatMap((p) => p.data.map((/** @type {any} */ c) => c.organization?.legal_name ?? `${c.individual.first_name} ${c.individual.last_name}`));
    assert.deepEqual(names, ['Nordlicht GmbH', 'Nordlicht GmbH', 'Jane Doe', 'Blue Harbor Inc.', 'Acme Ltd']);
    const vendors = await walk(api, '/counterparts', 'limit=1&is_vendor=true');
    assert.deepEqual(vendors.map((p) => p.data[0].id), defaultData().monite.counterparts.filter((/** @type {any} */ c) => c.organization?.is_vendor).map((/** @type {any} */ c) => c.id));
  });

  test('out-of-range or malformed limit, order, sort, token → 422', async () => {
    const api = clientFor(sim);
    for (const query of ['limit=0', 'limit=101', 'limit=ten', 'order=up', 'sort=city', 'pagination_token=nonsense', 'is_vendor=perhaps']) {
      const res = await api.get(`/counterparts?${query}`);
      assert.equal(res.status, 422, query);
      assert.equal(res.body.detail[0].loc[0], 'query', query);
    }
    assert.equal((await api.get('/counterparts?limit=100')).status, 200);
    assert.equal((await api.get('/receivables?limit=250')).status, 200, 'receivables allow 250');
  });

  test('pageSize sets the default page size', async () => {
    const small = await startSimulator({ pageSize: 2 });
    try {
      const pages = await walk(clientFor(small), '/counterparts', '');
      assert.deepEqual(pages.map((p) => p.data.length), [2, 2, 1]);
      const lines = await walk(clientFor(small), `/payables/${defaultData().monite.payables[0].id}/line_items`, '');
      assert.deepEqual(lines.map((p) => p.data.length), [2]);
    } finally {
      await small.close();
    }
  });
});

describe('rate limiting and faults', () => {
  /** @type {import('../server.mjs').Simulator} */
  let sim;
  let now = Date.parse('2025-03-01T12:00:00.250Z');
  before(async () => {
    sim = await startSimulator({ clock: () => now });
  });
  after(() => sim.close());
  beforeEach(() => sim.reset());

  test('429 with Retry-After in seconds, for `count` requests, then through', async () => {
    const api = clientFor(sim);
    await api.get('/counterparts'); // fetch the token first
    sim.faults.set({ rateLimit: { count: 2, retryAfter: 'seconds', seconds: 3 } });
    for (let i = 0; i < 2; i += 1) {
      const limited = await api.get('/counterparts');
      assert.equal(limited.status, 429);
      assert.equal(limited.res.headers.get('retry-after'), '3');
      assert.equal(typeof limited.body.error.message, 'string');
      assert.ok(limited.res.headers.get('x-request-id'));
    }
    assert.equal((await api.get('/counterparts')).status, 200);
    assert.equal(sim.counters.faults.rateLimited, 2);
  });

  test('429 with Retry-After as an HTTP date at least `seconds` ahead of the clock', async () => {
    const api = clientFor(sim);
    await api.get('/counterparts');
    sim.faults.set({ rateLimit: { count: 1, retryAfter: 'http-date', seconds: 2 } });
    const limited = await api.get('/counterparts');
    assert.equal(limited.status, 429);
    const value = limited.res.headers.get('retry-after') ?? '';
    assert.match(value, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const wait = Date.parse(value) - now;
    assert.ok(wait >= 2000 && wait < 3000, `${wait} ms`);
  });

  test('a rate-limited create is not processed; a path filter limits the fault to one route', async () => {
    const api = clientFor(sim);
    sim.faults.set({ rateLimit: { count: 1, path: '/accounting_connections', method: 'POST' } });
    assert.equal((await api.get('/accounting_connections')).status, 200, 'GET is not limited');
    assert.equal((await api.post('/accounting_connections')).status, 429);
    assert.equal(sim.counters.connectionsCreated, 0);
    assert.equal((await api.post('/accounting_connections')).status, 201);
    assert.equal(sim.counters.connectionsCreated, 1);
  });

  test('a sliding-window rate limit (limit per windowMs)', async () => {
    const api = clientFor(sim);
    await api.get('/counterparts');
    sim.faults.set({ rateLimit: { limit: 2, windowMs: 1000 } });
    assert.equal((await api.get('/counterparts')).status, 200);
    assert.equal((await api.get('/counterparts')).status, 200);
    const third = await api.get('/counterparts');
    assert.equal(third.status, 429);
    assert.equal(third.res.headers.get('retry-after'), '1');
    now += 1000;
    assert.equal((await api.get('/counterparts')).status, 200);
  });

  test('5xx burst: `count` responses with `status` in the error shape, then through', async () => {
    const api = clientFor(sim);
    await api.get('/counterparts');
    sim.faults.set({ fail5xx: { count: 3, status: 503 } });
    for (let i = 0; i < 3; i += 1) {
      const failed = await api.post('/accounting_connections');
      assert.equal(failed.status, 503);
      assert.equal(typeof failed.body.error.message, 'string');
    }
    assert.equal(sim.counters.connectionsCreated, 0, 'failed requests are not processed');
    assert.equal((await api.post('/accounting_connections')).status, 201);
    sim.faults.set({ fail5xx: { count: 1 } });
    assert.equal((await api.get('/counterparts')).status, 500, 'default status 500');
    assert.equal(sim.counters.faults.failed, 4);
  });

  test('dropped connection before processing: the client sees a network error, nothing was created', async () => {
    const api = clientFor(sim);
    await api.get('/counterparts');
    sim.faults.set({ dropConnection: { count: 1, path: '/accounting_connections', method: 'POST' } });
    await assert.rejects(api.post('/accounting_connections'), TypeError);
    assert.equal(sim.counters.connectionsCreated, 0);
    assert.equal(sim.counters.get('POST /v1/accounting_connections'), 1);
    assert.equal((await api.post('/accounting_connections')).status, 201);
  });

  test('dropped connection AFTER processing: network error, yet the connection exists (created once)', async () => {
    const api = clientFor(sim);
    await api.get('/counterparts');
    sim.faults.set({ dropConnection: { count: 1, path: '/accounting_connections', method: 'POST', afterProcessing: true } });
    await assert.rejects(api.post('/accounting_connections'), TypeError);
    assert.equal(sim.counters.connectionsCreated, 1);
    const list = await api.get('/accounting_connections');
    assert.equal(list.body.data.length, 1);
    assert.equal(list.body.data[0].status, 'pending_auth');
    assert.equal((await api.post('/accounting_connections')).status, 422, 'a blind retry meets the one-connection rule');
  });

  test('delayMs holds responses back; faults.clear() and reset() remove faults', async () => {
    const realTime = await startSimulator();
    try {
      const api = clientFor(realTime);
      await api.get('/counterparts');
      realTime.faults.set({ delayMs: 150 });
      const start = performance.now();
      assert.equal((await api.get('/counterparts')).status, 200);
      assert.ok(performance.now() - start >= 140);
      assert.equal(realTime.faults.current.delayMs?.ms, 150);
      realTime.faults.clear();
      assert.deepEqual(realTime.faults.current, {});
      realTime.faults.set({ fail5xx: { count: 5 } });
      realTime.reset();
      assert.equal((await clientFor(realTime).get('/counterparts')).status, 200);
      // a client that gives up during a delay does not break the server
      realTime.faults.set({ delayMs: { ms: 300, count: 1 } });
      await assert.rejects(fetch(`${realTime.apiUrl}/counterparts`, { signal: AbortSignal.timeout(50) }));
      assert.equal((await clientFor(realTime).get('/counterparts')).status, 200);
    } finally {
      await realTime.close();
    }
  });
});

describe('counters', () => {
  test('per METHOD path, per route template, token issuances and connection creations', async () => {
    const sim = await startSimulator();
    try {
      const api = clientFor(sim);
      const { body: connection } = await api.post('/accounting_connections');
      await api.get(`/accounting_connections/${connection.id}`);
      await api.get(`/accounting_connections/${connection.id}`);
      await api.get('/counterparts?limit=1');
      await api.get('/counterparts?limit=2');
      assert.equal(sim.counters.tokensIssued, 1, 'exactly one token request');
      assert.equal(sim.counters.get('POST /v1/auth/token'), 1);
      assert.equal(sim.counters.connectionsCreated, 1);
      assert.equal(sim.counters.get('POST /v1/accounting_connections'), 1);
      assert.equal(sim.counters.get(`GET /v1/accounting_connections/${connection.id}`), 2);
      assert.equal(sim.counters.routes['GET /v1/accounting_connections/{connection_id}'], 2);
      assert.equal(sim.counters.get('GET /v1/counterparts'), 2, 'the query string is not part of the key');
      assert.equal(sim.counters.total, 6);
      await fetch(connection.connection_url);
      assert.equal(sim.counters.get(`GET /connect/${connection.id}`), 1);
      sim.counters.reset();
      assert.equal(sim.counters.total, 0);
      assert.equal(sim.counters.tokensIssued, 0);
    } finally {
      await sim.close();
    }
  });
});

describe('seeds', () => {
  test('a seed makes ids and tokens reproducible', async () => {
    const run = async () => {
      const sim = await startSimulator({ seed: 42, clock: () => Date.parse('2025-03-01T00:00:00Z') });
      try {
        const api = clientFor(sim);
        const token = (await api.token()).body.access_token;
        const created = await api.post('/accounting_connections', { token });
        return [token, created.body.id, created.res.headers.get('x-request-id')];
      } finally {
        await sim.close();
      }
    };
    assert.deepEqual(await run(), await run());
  });

  test('the entity id comes from the data, or DEFAULT_ENTITY_ID', async () => {
    const data = defaultData();
    const sim = await startSimulator({ data });
    try {
      assert.equal(sim.credentials.entityId, DEFAULT_ENTITY_ID);
    } finally {
      await sim.close();
    }
    const bare = await startSimulator({ data: {} });
    try {
      assert.equal(bare.credentials.entityId, DEFAULT_ENTITY_ID);
      assert.deepEqual((await clientFor(bare).get('/counterparts')).body, { data: [] });
    } finally {
      await bare.close();
    }
  });

  test('loadSample({ demo: true }) serves the project sample', { skip: sampleGenerator() ? false : 'target/release/examples/generate not built' }, async () => {
    const data = loadSample({ demo: true });
    const sim = await startSimulator({ data, pageSize: 7 });
    try {
      const api = clientFor(sim);
      assert.notEqual(sim.credentials.entityId, DEFAULT_ENTITY_ID);
      const counterparts = (await walk(api, '/counterparts', '')).flatMap((p) => p.data);
      assert.equal(counterparts.length, data.monite.counterparts.length);
      const rates = (await walk(api, '/accounting_tax_rates', '', '')).flatMap((p) => p.data);
      assert.deepEqual(rates, data.accounting.tax_rates);
      const connections = (await api.get('/accounting_connections')).body.data;
      assert.equal(connections.length, data.monite.connection ? 1 : 0);
    } finally {
      await sim.close();
    }
  });
});
