// End-to-end tests of the API client: the built package (`ledgerbridge`, as a user imports it) against the real
// API simulator (sim/server.mjs) on 127.0.0.1, port 0. Every request the client sends and every response the
// simulator returns passes through a recording `fetch` that, when pkg/test/support/contract.mjs is present and
// finds the API document, validates both against it (see the last test for the counts).
//
//   node_modules/.bin/tsc -p pkg/tsconfig.json   # when pkg/esm is older than pkg/src
//   node --test pkg/test/client-e2e.test.mjs
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import {
  AlreadyConnectedError,
  ApiError,
  AuthError,
  ConnectionFailedError,
  createClient,
  LedgerbridgeError,
  NetworkError,
  planSync,
  RateLimitError,
  TimeoutError,
} from 'ledgerbridge';
import { defaultData, loadSample, sampleGenerator } from '../../sim/server.mjs';
import { delay, fakeSleep, setupSuite, submitConnectionPage } from './support/e2e.mjs';
import { DOCUMENTED_DEFAULT_LIMITS, limitsSent } from './support/limits.mjs';

const { h, secret: SECRET, withSim, clientFor, checkNoSecrets, checkContract } = await setupSuite();

const line = (e) => `${e.method} ${e.path} ${e.network ? 'dropped' : e.status}`;
const lines = (log, from = 0) => log.slice(from).map(line);
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const OBJECT_TYPES = ['customer', 'vendor', 'product', 'bill', 'receivable', 'payment_record'];

// ---------------------------------------------------------------------------------------------------------
// The connection flow

test('happy path: token → connect → Authorize on the connection page → waitUntilConnected → sync 202 → synced records → disconnect', () =>
  withSim({}, async (sim) => {
    const { client, log } = clientFor(sim);

    const connection = await client.connect();
    assert.equal(connection.status, 'pending_auth');
    assert.ok(connection.connection_url.startsWith(sim.url), connection.connection_url);
    assert.deepEqual(lines(log), ['POST /auth/token 200', 'GET /accounting_connections 200', 'POST /accounting_connections 201']);

    // The entity user opens the link and authorizes Xero.
    const page = await submitConnectionPage(connection.connection_url, 'Authorize', 'xero');
    assert.deepEqual(page.platforms, ['quickbooks', 'xero']);
    assert.equal(page.status, 303);
    assert.match(page.finalHtml, /data-status="connected"/);
    assert.match(page.finalHtml, /Xero/);

    const polled = [];
    const connected = await client.waitUntilConnected(connection.id, { intervalMs: 10, timeoutMs: 5000, onPoll: (c) => polled.push(c.status) });
    assert.equal(connected.id, connection.id);
    assert.equal(connected.status, 'connected');
    assert.equal(connected.platform, 'xero');
    assert.deepEqual(polled, ['connected']);
    assert.equal(sim.counters.syncs, 1, 'authorization ran the initial sync');

    const started = await client.sync(connection.id);
    assert.equal(typeof started.message, 'string');
    assert.equal(line(log.at(-1)), `POST /accounting_connections/${connection.id}/sync 202`);
    assert.equal(sim.counters.syncs, 2);

    for (const objectType of OBJECT_TYPES) {
      const listed = [];
      for await (const record of client.syncedRecords({ objectType })) listed.push(record);
      const expected = sim.state.syncedRecords().filter((r) => r.object_type === objectType);
      // The default data's bills and receivables were issued before this new connection: out of the sync's
      // scope (predates_connection), so they get no synced record; everything else is linked, created or pushed.
      if (objectType === 'bill' || objectType === 'receivable') assert.equal(expected.length, 0, `no ${objectType} records`);
      else assert.ok(expected.length > 0, `the sync made ${objectType} records`);
      assert.deepEqual(listed.sort(byId), expected.sort(byId), objectType);
      assert.ok(listed.every((r) => r.platform === 'xero'), `${objectType} records are on xero`);
    }

    const disconnected = await client.disconnect(connection.id);
    assert.equal(disconnected.status, 'disconnected');
    assert.equal(sim.state.connection(connection.id).status, 'disconnected');
    assert.equal(sim.counters.tokensIssued, 1, 'one token for the whole flow');
    assert.equal(sim.counters.connectionsCreated, 1);
    assert.ok(!JSON.stringify(client).includes(SECRET), 'the client object does not serialize its secret');
  }));

test('connect() with a connected entity → AlreadyConnectedError naming the platform; nothing created', () =>
  withSim({}, async (sim) => {
    const { client, log } = clientFor(sim);
    const first = await client.connect();
    sim.state.authorize(first.id, 'xero');
    const mark = log.length;

    const error = await h.failure(client.connect(), AlreadyConnectedError);
    assert.ok(error instanceof LedgerbridgeError);
    assert.equal(error.code, 'already_connected');
    assert.equal(error.platform, 'xero');
    assert.equal(error.status, 'connected');
    assert.equal(error.connectionId, first.id);
    assert.match(error.message, /xero/);
    assert.match(error.message, /replace: true/);
    assert.deepEqual(lines(log, mark), ['GET /accounting_connections 200'], 'the create is not even sent');
    assert.equal(sim.counters.connectionsCreated, 1);
  }));

test('connect() with a pending connection → AlreadyConnectedError (status pending_auth, no platform yet)', () =>
  withSim({}, async (sim) => {
    const { client } = clientFor(sim);
    const first = await client.connect();
    const error = await h.failure(client.connect(), AlreadyConnectedError);
    assert.equal(error.status, 'pending_auth');
    assert.equal(error.platform, null);
    assert.equal(error.connectionId, first.id);
    assert.equal(sim.counters.connectionsCreated, 1);
  }));

test('connect({ replace: true }) disconnects the existing connection, then creates a new one', () =>
  withSim({}, async (sim) => {
    const { client, log } = clientFor(sim);
    const first = await client.connect();
    sim.state.authorize(first.id, 'quickbooks');
    const mark = log.length;

    const second = await client.connect({ replace: true });
    assert.deepEqual(lines(log, mark), [
      'GET /accounting_connections 200',
      `POST /accounting_connections/${first.id}/disconnect 200`,
      'POST /accounting_connections 201',
    ]);
    assert.notEqual(second.id, first.id);
    assert.equal(second.status, 'pending_auth');
    assert.equal(sim.state.connection(first.id).status, 'disconnected');
    assert.equal(sim.counters.connectionsCreated, 2);
    assert.equal(sim.counters.routes['POST /v1/accounting_connections/{connection_id}/disconnect'], 1);
    assert.deepEqual(
      sim.state.connections().map((c) => [c.id, c.status]).sort(),
      [[first.id, 'disconnected'], [second.id, 'pending_auth']].sort(),
    );
  }));

test('waitUntilConnected', async (t) => {
  await t.test('polls until the entity user authorizes on the page (pauses grow 1.5× up to the cap)', () =>
    withSim({}, async (sim) => {
      let url = '';
      const sleep = fakeSleep(async (_ms, index) => {
        if (index === 1) await submitConnectionPage(url, 'Authorize', 'quickbooks');
      });
      const { client } = clientFor(sim, { sleep: sleep.sleep });
      const connection = await client.connect();
      url = connection.connection_url;
      const polled = [];
      const connected = await client.waitUntilConnected(connection.id, { intervalMs: 1000, maxIntervalMs: 1200, onPoll: (c) => polled.push(c.status) });
      assert.equal(connected.status, 'connected');
      assert.equal(connected.platform, 'quickbooks');
      assert.deepEqual(polled, ['pending_auth', 'pending_auth', 'connected']);
      assert.deepEqual(sleep.calls, [1000, 1200]);
    }));

  await t.test('Deny on the page → ConnectionFailedError (deauthorized, with the API message)', () =>
    withSim({}, async (sim) => {
      let url = '';
      const sleep = fakeSleep(async (_ms, index) => {
        if (index === 0) await submitConnectionPage(url, 'Deny');
      });
      const { client } = clientFor(sim, { sleep: sleep.sleep });
      const connection = await client.connect();
      url = connection.connection_url;
      const error = await h.failure(client.waitUntilConnected(connection.id, { intervalMs: 500 }), ConnectionFailedError);
      assert.equal(error.status, 'deauthorized');
      assert.equal(error.connectionId, connection.id);
      assert.equal(error.code, 'connection_failed');
      assert.ok(error.apiMessages.some((m) => /denied/i.test(m)), error.apiMessages.join('; '));
      assert.equal(sim.state.connection(connection.id).status, 'deauthorized');
    }));

  await t.test('nobody answers → TimeoutError (kind wait) at timeoutMs on the client clock', () =>
    withSim({}, async (sim) => {
      let t0 = Date.now();
      const sleep = fakeSleep((ms) => {
        t0 += ms;
      });
      const { client } = clientFor(sim, { sleep: sleep.sleep, now: () => t0 });
      const connection = await client.connect();
      const error = await h.failure(client.waitUntilConnected(connection.id, { timeoutMs: 10_000, intervalMs: 1000 }), TimeoutError);
      assert.equal(error.kind, 'wait');
      assert.equal(error.timeoutMs, 10_000);
      assert.deepEqual(sleep.calls, [1000, 1500, 2250, 3375, 1875], 'growing pauses, the last one cut at the deadline');
      assert.equal(sim.counters.get(`GET /v1/accounting_connections/${connection.id}`), 6);
      assert.equal(sim.state.connection(connection.id).status, 'pending_auth');
    }));

  await t.test('the deadline also cuts a poll that is in flight (real timer)', () =>
    withSim({}, async (sim) => {
      const { client } = clientFor(sim);
      const connection = await client.connect();
      sim.faults.set({ delayMs: { ms: 3000, path: '/accounting_connections/{id}', method: 'GET' } });
      const started = Date.now();
      const error = await h.failure(client.waitUntilConnected(connection.id, { timeoutMs: 200, intervalMs: 20 }), TimeoutError);
      const took = Date.now() - started;
      assert.equal(error.kind, 'wait');
      assert.ok(took >= 190 && took < 1500, `gave up after ${took} ms`);
    }));

  await t.test('an AbortSignal stops polling with its reason, between polls and during one', () =>
    withSim({}, async (sim) => {
      const { client, log } = clientFor(sim);
      const connection = await client.connect();

      const controller = new AbortController();
      const reason = new Error('user closed the dialog');
      let polls = 0;
      const error = await h.failure(
        client.waitUntilConnected(connection.id, {
          intervalMs: 20,
          signal: controller.signal,
          onPoll: () => {
            polls += 1;
            if (polls === 2) controller.abort(reason);
          },
        }),
      );
      assert.equal(error, reason);
      const count = log.length;
      await delay(100);
      assert.equal(log.length, count, 'no poll after the abort');

      // Aborted while a poll is in flight (the simulator holds the answer for 3 s).
      sim.faults.set({ delayMs: { ms: 3000, path: '/accounting_connections/{id}', method: 'GET' } });
      const inFlight = new AbortController();
      const started = Date.now();
      setTimeout(() => inFlight.abort(), 50);
      const aborted = await h.failure(client.waitUntilConnected(connection.id, { intervalMs: 20, signal: inFlight.signal }));
      assert.equal(aborted.name, 'AbortError');
      assert.ok(Date.now() - started < 1000, 'the in-flight request was cut');

      // Already aborted: nothing is sent.
      const before = log.length;
      const early = await h.failure(client.waitUntilConnected(connection.id, { signal: AbortSignal.abort(reason) }));
      assert.equal(early, reason);
      assert.equal(log.length, before);
    }));
});

test('sync(): 202 on a connected connection; 422 on a pending one, surfaced as ApiError and not retried', () =>
  withSim({}, async (sim) => {
    const { client, log } = clientFor(sim);
    const connection = await client.connect();

    const refused = await h.failure(client.sync(connection.id), ApiError);
    assert.equal(refused.status, 422);
    assert.equal(refused.attempts, 1);
    assert.deepEqual(refused.details.map((d) => d.type), ['connection_not_connected']);
    assert.match(refused.apiMessage, /not connected/);
    assert.equal(refused.requestId, log.at(-1).requestId);

    sim.state.authorize(connection.id, 'quickbooks');
    const message = await client.sync(connection.id);
    assert.equal(typeof message.message, 'string');
    assert.equal(log.at(-1).status, 202);
    assert.equal(sim.counters.routes['POST /v1/accounting_connections/{connection_id}/sync'], 2);
  }));

// ---------------------------------------------------------------------------------------------------------
// Pagination

test('synced records over ≥ 3 pages with a small limit', () =>
  withSim({}, async (sim) => {
    const { client, log } = clientFor(sim);
    const connection = await client.connect();
    sim.state.authorize(connection.id, 'xero');
    const expected = sim.state.syncedRecords().filter((r) => r.object_type === 'customer').sort(byId);
    assert.equal(expected.length, 3);
    const mark = log.length;

    const pages = [];
    for await (const page of client.syncedRecordPages({ objectType: 'customer', limit: 1 })) pages.push(page);
    assert.equal(pages.length, 3);
    assert.ok(pages.every((p) => p.data.length === 1));
    assert.equal(pages.at(-1).next_pagination_token, undefined, 'the last page has no next token');
    assert.deepEqual(pages.flatMap((p) => p.data).sort(byId), expected);
    const queries = log.slice(mark).map((e) => e.query);
    assert.deepEqual(queries[0], { object_type: 'customer', limit: '1' });
    // `object_type` is required on every request (the document), `limit` must be re-sent with the token.
    for (const q of queries.slice(1)) {
      assert.equal(q.limit, '1');
      assert.equal(q.object_type, 'customer');
      assert.equal(typeof q.pagination_token, 'string');
    }
  }));

test('the loaders follow pagination (pageSize 2 over the counterparts, products and payables)', () =>
  withSim({}, async (sim) => {
    const { client, log } = clientFor(sim, { pageSize: 2 });
    const counterparts = await client.loadCounterparts();
    const products = await client.loadProducts();
    const data = defaultData();
    assert.deepEqual(counterparts.map((c) => c.id).sort(), data.monite.counterparts.map((c) => c.id).sort());
    assert.deepEqual(products.map((p) => p.id).sort(), data.monite.products.map((p) => p.id).sort());
    assert.equal(log.filter((e) => e.path === '/counterparts').length, 3);
    assert.equal(log.filter((e) => e.path === '/products').length, 2);
    for (const c of counterparts) assert.ok(Array.isArray(c.addresses) && c.addresses.length > 0, `addresses of ${c.id}`);
  }));

test("the document's limits: each list's default is sent and the simulator serves it; a limit out of bounds fails before any request", () =>
  withSim({ seedSync: true, data: defaultData({ connected: true }) }, async (sim) => {
    const { client, log } = clientFor(sim);
    await client.loadPlanInput({ accounting: sim.state.accounting() });
    assert.deepEqual(limitsSent(log), DOCUMENTED_DEFAULT_LIMITS);
    assert.ok(log.every((e) => e.status === 200), lines(log).join('\n'));

    // The maximum of the synced records is 250 (the schema), not the 0–250 of the parameter's description.
    const all = [];
    for await (const record of client.syncedRecords({ objectType: 'vendor', limit: 250 })) all.push(record);
    assert.equal(all.length, sim.state.syncedRecords().filter((r) => r.object_type === 'vendor').length);
    const before = sim.counters.total;
    await h.failure(async () => {
      for await (const _ of client.syncedRecords({ objectType: 'vendor', limit: 0 }));
    }, TypeError);
    await h.failure(async () => client.syncedRecordPages({ objectType: 'vendor', limit: 251 }).next(), TypeError);
    assert.equal(sim.counters.total, before, 'nothing reached the simulator');
    assert.throws(() => clientFor(sim, { pageSize: { ledger_accounts: 251 } }), TypeError);
  }));

test('connect() sends no body, as the document defines none (the simulator refuses one: sim/test); { platform } is a TypeError', () =>
  withSim({}, async (sim) => {
    const { client, log } = clientFor(sim);
    await h.failure(client.connect({ platform: 'xero' }), TypeError);
    assert.equal(sim.counters.total, 0, 'nothing was sent');
    const connection = await client.connect();
    assert.equal(connection.status, 'pending_auth');
    assert.deepEqual(lines(log).slice(-2), ['GET /accounting_connections 200', 'POST /accounting_connections 201']);
    assert.equal(sim.counters.connectionsCreated, 1);
  }));

// ---------------------------------------------------------------------------------------------------------
// Tokens

test('tokens: one token request for 10 concurrent calls (fresh client, token expired on the client clock, token expired on the server)', () =>
  withSim({}, async (sim) => {
    let skew = 0;
    const { client, log } = clientFor(sim, { now: () => Date.now() + skew });

    const first = await Promise.all(Array.from({ length: 10 }, () => client.listConnections()));
    assert.equal(first.length, 10);
    assert.equal(sim.counters.tokensIssued, 1, 'fresh client: one token for 10 concurrent calls');

    // The client's clock says the token has expired (31 min later): one shared refresh, no 401.
    skew = 31 * 60 * 1000;
    let mark = log.length;
    await Promise.all(Array.from({ length: 10 }, () => client.listConnections()));
    assert.equal(sim.counters.tokensIssued, 2, 'expired on the client clock: exactly one more token request');
    assert.equal(log.slice(mark).filter((e) => e.path === '/auth/token').length, 1);
    assert.equal(log.slice(mark).filter((e) => e.status === 401).length, 0);

    // The server expires every token while the client still thinks its token good: ten 401s, one refresh.
    sim.faults.expireTokens();
    mark = log.length;
    const results = await Promise.all(Array.from({ length: 10 }, () => client.listConnections()));
    assert.ok(results.every((r) => Array.isArray(r)));
    assert.equal(sim.counters.tokensIssued, 3, 'expired on the server: exactly one more token request');
    assert.equal(log.slice(mark).filter((e) => e.status === 401).length, 10);
    assert.equal(log.slice(mark).filter((e) => e.path === '/accounting_connections' && e.status === 200).length, 10);
  }));

test('401 mid-way through a load → one token re-fetch, the request is sent again, the load completes', () =>
  withSim({}, async (sim) => {
    let sent = 0;
    const base = (input, init) => {
      sent += 1;
      if (sent === 5) sim.faults.expireTokens();
      return fetch(input, init);
    };
    const { client, log } = clientFor(sim, { pageSize: 1, concurrency: 1 }, { base });
    const counterparts = await client.loadCounterparts();
    assert.equal(counterparts.length, defaultData().monite.counterparts.length);
    assert.equal(sim.counters.tokensIssued, 2);
    const unauthorized = log.findIndex((e) => e.status === 401);
    assert.ok(unauthorized > 0);
    assert.equal(log.filter((e) => e.status === 401).length, 1);
    assert.deepEqual(lines(log).slice(unauthorized, unauthorized + 3), [
      `${log[unauthorized].method} ${log[unauthorized].path} 401`,
      'POST /auth/token 200',
      `${log[unauthorized].method} ${log[unauthorized].path} 200`,
    ]);
    assert.deepEqual(log[unauthorized + 2].query, log[unauthorized].query, 'the same request again');
  }));

test('a token the API keeps refusing → one re-fetch, then AuthError (unauthorized)', () =>
  withSim({}, async (sim) => {
    let calls = 0;
    const bogus = `bogus-token-${randomUUID()}`;
    h.tokens.add(bogus);
    const log = [];
    const client = createClient({
      baseUrl: sim.apiUrl,
      entityId: sim.credentials.entityId,
      fetch: h.recordingFetch({ log }),
      fetchToken: async () => {
        calls += 1;
        return { access_token: bogus, expires_in: 1800 };
      },
    });
    const error = await h.failure(client.listConnections(), AuthError);
    assert.equal(error.code, 'unauthorized');
    assert.equal(error.status, 401);
    assert.equal(calls, 2, 'fetchToken called once, and once more after the 401');
    assert.deepEqual(lines(log), ['GET /accounting_connections 401', 'GET /accounting_connections 401']);
    assert.equal(error.requestId, log.at(-1).requestId);
  }));

test('wrong client secret → AuthError (token_request_failed), not retried', () =>
  withSim({}, async (sim) => {
    const wrong = `wrong-secret-${randomUUID()}`;
    h.secrets.add(wrong);
    const { client, log } = clientFor(sim, { clientSecret: wrong });
    const error = await h.failure(client.listConnections(), AuthError);
    assert.equal(error.code, 'token_request_failed');
    assert.equal(error.status, 401);
    assert.deepEqual(lines(log), ['POST /auth/token 401']);
  }));

// ---------------------------------------------------------------------------------------------------------
// Retries

test('429: Retry-After in seconds and as an HTTP date are honoured; a 429 on the create is retried once, not duplicated', async (t) => {
  await t.test('Retry-After: 3 (seconds)', () =>
    withSim({}, async (sim) => {
      const sleep = fakeSleep();
      const { client, log } = clientFor(sim, { sleep: sleep.sleep });
      sim.faults.set({ rateLimit: { count: 1, retryAfter: 'seconds', seconds: 3, path: '/accounting_connections', method: 'GET' } });
      assert.deepEqual(await client.listConnections(), []);
      assert.deepEqual(lines(log), ['POST /auth/token 200', 'GET /accounting_connections 429', 'GET /accounting_connections 200']);
      assert.equal(log[1].retryAfter, '3');
      assert.deepEqual(sleep.calls, [3000]);
      assert.equal(sim.counters.faults.rateLimited, 1);
    }));

  await t.test('Retry-After: <HTTP date 2 s ahead>', () =>
    withSim({}, async (sim) => {
      const sleep = fakeSleep();
      const { client, log } = clientFor(sim, { sleep: sleep.sleep });
      sim.faults.set({ rateLimit: { count: 1, retryAfter: 'http-date', seconds: 2, path: '/accounting_connections', method: 'GET' } });
      await client.listConnections();
      assert.match(log[1].retryAfter, /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      assert.equal(sleep.calls.length, 1);
      // The date is rounded up to a whole second (simulator), and read against the client's clock a moment later.
      assert.ok(sleep.calls[0] >= 1900 && sleep.calls[0] <= 3000, `waited ${sleep.calls[0]} ms`);
    }));

  await t.test('429 on POST /accounting_connections is retried (it proves nothing was created)', () =>
    withSim({}, async (sim) => {
      const sleep = fakeSleep();
      const { client, log } = clientFor(sim, { sleep: sleep.sleep });
      sim.faults.set({ rateLimit: { count: 1, seconds: 1, path: '/accounting_connections', method: 'POST' } });
      const connection = await client.connect();
      assert.equal(connection.status, 'pending_auth');
      assert.deepEqual(lines(log).slice(-2), ['POST /accounting_connections 429', 'POST /accounting_connections 201']);
      assert.deepEqual(sleep.calls, [1000]);
      assert.equal(sim.counters.connectionsCreated, 1);
    }));

  await t.test('Retry-After beyond the call budget → RateLimitError carrying retryAfterMs, no wait', () =>
    withSim({}, async (sim) => {
      const sleep = fakeSleep();
      const { client, log } = clientFor(sim, { sleep: sleep.sleep, retry: { totalTimeoutMs: 5000 } });
      sim.faults.set({ rateLimit: { count: 1, seconds: 30, path: '/accounting_connections', method: 'GET' } });
      const error = await h.failure(client.listConnections(), RateLimitError);
      assert.equal(error.status, 429);
      assert.equal(error.retryAfterMs, 30_000);
      assert.equal(error.requestId, log.at(-1).requestId);
      assert.deepEqual(sleep.calls, []);
    }));
});

test('5xx: a burst is retried with bounded backoff; a permanent 5xx surfaces as ApiError with the API message and x-request-id', async (t) => {
  // 500, the 5xx the document lists for these operations (a 502/503 would fail the contract check; the unit
  // tests cover the other 5xx codes).
  await t.test('three 500s, then 200', () =>
    withSim({}, async (sim) => {
      const sleep = fakeSleep();
      const { client, log } = clientFor(sim, { sleep: sleep.sleep, random: () => 0.5, retry: { attempts: 4, baseDelayMs: 100 } });
      sim.faults.set({ fail5xx: { count: 3, status: 500, path: '/accounting_connections', method: 'GET' } });
      assert.deepEqual(await client.listConnections(), []);
      assert.deepEqual(lines(log).slice(1), [
        'GET /accounting_connections 500',
        'GET /accounting_connections 500',
        'GET /accounting_connections 500',
        'GET /accounting_connections 200',
      ]);
      assert.deepEqual(sleep.calls, [50, 100, 200], 'full jitter at 0.5 of 100·2ⁿ⁻¹');
      assert.equal(sim.counters.faults.failed, 3);
    }));

  await t.test('a 500 that does not go away', () =>
    withSim({}, async (sim) => {
      const sleep = fakeSleep();
      const { client, log } = clientFor(sim, { sleep: sleep.sleep, retry: { attempts: 4 } });
      sim.faults.set({ fail5xx: { count: 100, status: 500, message: 'Ledger store unavailable', path: '/accounting_connections', method: 'GET' } });
      const error = await h.failure(client.listConnections(), ApiError);
      assert.equal(error.name, 'ApiError');
      assert.equal(error.status, 500);
      assert.equal(error.apiMessage, 'Ledger store unavailable');
      assert.equal(error.attempts, 4);
      assert.equal(error.method, 'GET');
      assert.equal(error.path, '/accounting_connections');
      assert.ok(error.requestId, 'x-request-id is kept');
      assert.equal(error.requestId, log.at(-1).requestId, 'the request id of the last answer');
      assert.ok(error.message.includes('Ledger store unavailable') && error.message.includes(error.requestId), error.message);
      assert.equal(sim.counters.get('GET /v1/accounting_connections'), 4, 'exactly `attempts` requests');
      assert.equal(sleep.calls.length, 3);
      assert.ok(sleep.calls.every((ms, i) => ms >= 0 && ms < 500 * 2 ** i), `backoff within bounds: ${sleep.calls}`);
      assert.equal(sim.faults.current.fail5xx.count, 96);
    }));

  await t.test('a 500 on the create is not retried (the server may have created it)', () =>
    withSim({}, async (sim) => {
      const sleep = fakeSleep();
      const { client } = clientFor(sim, { sleep: sleep.sleep });
      sim.faults.set({ fail5xx: { count: 1, status: 500, path: '/accounting_connections', method: 'POST' } });
      const error = await h.failure(client.connect(), ApiError);
      assert.equal(error.status, 500);
      assert.equal(error.attempts, 1);
      assert.match(error.message, /not retried/);
      assert.equal(sim.counters.get('POST /v1/accounting_connections'), 1);
      assert.deepEqual(sleep.calls, []);
    }));
});

test('a dropped connection after the create was processed: created once, a typed error, and the next connect() sees it', () =>
  withSim({}, async (sim) => {
    const sleep = fakeSleep();
    const { client, log } = clientFor(sim, { sleep: sleep.sleep });
    sim.faults.set({ dropConnection: { count: 1, path: '/accounting_connections', method: 'POST', afterProcessing: true } });

    const error = await h.failure(client.connect(), NetworkError);
    assert.equal(error.code, 'network_error');
    assert.equal(error.method, 'POST');
    assert.equal(error.path, '/accounting_connections');
    assert.equal(error.attempts, 1);
    assert.match(error.message, /listConnections/);
    assert.equal(sim.counters.connectionsCreated, 1);
    assert.equal(sim.counters.get('POST /v1/accounting_connections'), 1, 'the create was sent once');
    assert.equal(sim.counters.faults.dropped, 1);
    assert.deepEqual(sleep.calls, []);
    assert.equal(log.at(-1).network, true);

    const existing = await client.listConnections();
    assert.equal(existing.length, 1);
    assert.equal(existing[0].status, 'pending_auth');
    const again = await h.failure(client.connect(), AlreadyConnectedError);
    assert.equal(again.connectionId, existing[0].id);
    assert.equal(sim.counters.connectionsCreated, 1);
  }));

test('a dropped connection on a read is retried', () =>
  withSim({}, async (sim) => {
    const sleep = fakeSleep();
    const { client, log } = clientFor(sim, { sleep: sleep.sleep });
    sim.faults.set({ dropConnection: { count: 1, path: '/accounting_connections', method: 'GET' } });
    assert.deepEqual(await client.listConnections(), []);
    assert.deepEqual(lines(log).slice(1), ['GET /accounting_connections dropped', 'GET /accounting_connections 200']);
    assert.equal(sleep.calls.length, 1);
  }));

// ---------------------------------------------------------------------------------------------------------
// Browser-like environments

test('client credentials are refused in a browser-like environment unless allowClientCredentialsInBrowser', () =>
  withSim({}, async (sim) => {
    const had = Object.prototype.hasOwnProperty.call(globalThis, 'window');
    const previous = globalThis.window;
    globalThis.window = { document: {} };
    try {
      const error = await h.failure(() => clientFor(sim), AuthError);
      assert.equal(error.code, 'client_credentials_in_browser');
      assert.match(error.message, /fetchToken/);

      const { client } = clientFor(sim, { allowClientCredentialsInBrowser: true });
      assert.deepEqual(await client.listConnections(), []);

      // The browser way: a token from the backend.
      const token = await (await fetch(`${sim.apiUrl}/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-monite-version': '2024-05-25' },
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: sim.credentials.clientId, client_secret: SECRET }),
      })).json();
      h.tokens.add(token.access_token);
      const browser = createClient({ baseUrl: sim.apiUrl, entityId: sim.credentials.entityId, fetch: h.recordingFetch(), fetchToken: async () => token });
      assert.deepEqual(await browser.listConnections(), []);
    } finally {
      if (had) globalThis.window = previous;
      else delete globalThis.window;
    }
  }));

// ---------------------------------------------------------------------------------------------------------
// previewSync

test('previewSync() deep-equals planSync on the same data loaded directly', async (t) => {
  const generator = sampleGenerator();
  await t.test('the demo sample (a connected entity)', { skip: generator ? false : 'sample generator not built' }, () => {
    const data = loadSample({ demo: true });
    return withSim({ data: loadSample({ demo: true }) }, async (sim) => {
      const { client, log } = clientFor(sim, { pageSize: 7 });
      const accounting = { counterparts: data.accounting.counterparts, products: data.accounting.products };
      const viaApi = await client.previewSync({ accounting, ...(data.policy ? { policy: data.policy } : {}) });
      assert.deepEqual(viaApi, planSync(data));
      assert.ok(log.filter((e) => e.path === '/counterparts').length >= 3, 'counterparts came over several pages');
      assert.ok(log.some((e) => e.path === '/accounting_tax_rates'), 'tax rates were loaded from the API');
    });
  });

  await t.test('the default data, once connected (and synced by the authorization)', () =>
    withSim({}, async (sim) => {
      const { client } = clientFor(sim, { pageSize: 2 });
      const connection = await client.connect();
      sim.state.authorize(connection.id, 'quickbooks');
      // The initial sync created a counterpart in the accounting system and a product in Monite, and left synced
      // records: the preview reads them all, and plans what the simulator itself plans with.
      const viaApi = await client.previewSync({ accounting: sim.state.accounting() });
      assert.deepEqual(viaApi, planSync(sim.state.planInput()));
    }));
});

// ---------------------------------------------------------------------------------------------------------
// Last: secrets, and the contract summary

test('no error thrown in this suite carries the client secret or a token (message, stack, JSON, inspect)', (t) =>
  checkNoSecrets(t, { errors: 15, tokens: 10 }));

test('contract: every request sent and every response received matched the API document', (t) => checkContract(t, { minimum: 100 }));
