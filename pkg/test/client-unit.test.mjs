// Unit tests of the API client (pkg/src/client) against a fake `fetch`, with an injected clock, sleep and
// random, so retries, Retry-After, polling and token expiry are checked exactly and without waiting.
// Run after `tsc -p pkg/tsconfig.json`: node --test pkg/test/client-unit.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inspect } from 'node:util';
import {
  AlreadyConnectedError,
  ApiError,
  AuthError,
  ConnectionFailedError,
  createClient,
  MoniteClient,
  NetworkError,
  ProtocolError,
  RateLimitError,
  TimeoutError,
} from '../esm/client/index.js';
import { LedgerbridgeError } from '../esm/errors.js';
import { DOCUMENTED_DEFAULT_LIMITS, limitsSent } from './support/limits.mjs';

const BASE = 'https://api.example.test/v1';
const ENTITY = 'ent-7f3c';
const CLIENT_ID = 'cid-0a1b2c';
const SECRET = 'sECRET-client-secret-9f8e7d6c';
const tokenValue = (n) => `access-token-${n}-QWxhZGRpbjpvcGVu`;

/**
 * A fake API. `on(method, path, ...answers)` queues answers for a route; the last one repeats. An answer
 * is `{ status, body, headers }`, a function `(req) => answer`, `'network'` (fetch rejects) or `'hang'`
 * (no answer until the request's signal aborts). `/auth/token` answers with a fresh token unless overridden.
 */
function fakeApi({ tokenLifetime = 1800 } = {}) {
  const routes = new Map();
  const calls = [];
  const sleeps = [];
  const state = { t: 1_700_000_000_000, tokens: 0 };
  const on = (method, path, ...answers) => {
    routes.set(`${method} ${path}`, answers);
  };
  const answer = async (req) => {
    const key = `${req.method} ${req.path}`;
    let queue = routes.get(key);
    if (!queue && req.path === '/auth/token') {
      state.tokens += 1;
      return { status: 200, body: { access_token: tokenValue(state.tokens), expires_in: tokenLifetime, token_type: 'Bearer' } };
    }
    if (!queue) return { status: 404, body: { error: { message: `no route ${key}` } } };
    let next = queue.length > 1 ? queue.shift() : queue[0];
    if (typeof next === 'function') next = await next(req);
    return next;
  };
  const fetch = async (url, init = {}) => {
    const u = new URL(url);
    const req = {
      method: init.method ?? 'GET',
      path: u.pathname.replace(/^\/v1/, ''),
      query: Object.fromEntries(u.searchParams),
      headers: new Headers(init.headers),
      body: init.body === undefined ? undefined : JSON.parse(init.body),
      signal: init.signal,
    };
    calls.push(req);
    const out = await answer(req);
    if (out === 'network') throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    if (out === 'hang') {
      return new Promise((_, reject) => {
        const abort = () => reject(init.signal.reason);
        if (init.signal.aborted) abort();
        init.signal.addEventListener('abort', abort, { once: true });
      });
    }
    const status = out.status ?? 200;
    const body = out.body === undefined || status === 204 ? null : JSON.stringify(out.body);
    return new Response(body, { status, headers: { 'content-type': 'application/json', ...out.headers } });
  };
  return {
    on,
    calls,
    sleeps,
    state,
    fetch,
    now: () => state.t,
    advance: (ms) => {
      state.t += ms;
    },
    sleep: async (ms) => {
      sleeps.push(ms);
      state.t += ms;
    },
    /** Requests other than the token's, as `METHOD /path`. */
    routeCalls: () => calls.filter((c) => c.path !== '/auth/token').map((c) => `${c.method} ${c.path}`),
    tokenCalls: () => calls.filter((c) => c.path === '/auth/token').length,
  };
}

function clientFor(api, options = {}) {
  return createClient({
    baseUrl: BASE,
    entityId: ENTITY,
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    fetch: api.fetch,
    now: api.now,
    sleep: api.sleep,
    random: () => 0.5,
    retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, totalTimeoutMs: 60_000 },
    ...options,
  });
}

const connection = (over = {}) => ({
  id: 'conn-1',
  created_at: '2024-06-08T19:52:22.557280+00:00',
  updated_at: '2024-06-08T19:52:22.557291+00:00',
  connection_url: 'https://sites.railz.ai/ste-bac47d52',
  errors: null,
  last_pull: '2024-06-08T19:52:22.557307+00:00',
  platform: null,
  status: 'pending_auth',
  ...over,
});

/** Fails if any secret shows up anywhere in the error. */
function assertNoSecrets(err, secrets) {
  const views = {
    json: JSON.stringify(err),
    stack: String(err.stack),
    string: String(err),
    inspect: inspect(err, { showHidden: true, depth: 10 }),
    props: JSON.stringify(Object.getOwnPropertyNames(err).map((k) => err[k])),
  };
  for (const secret of secrets) {
    for (const [view, text] of Object.entries(views)) assert.ok(!text.includes(secret), `${view} of ${err.name} contains a secret: ${text}`);
  }
}

async function rejection(promise) {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  assert.fail('expected a rejection');
}

// --- headers and tokens ------------------------------------------------------------------------------

test('every call sends Authorization, x-monite-version and (outside /auth/*) x-monite-entity-id', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { body: { data: [] } });
  api.on('GET', `/entities/${ENTITY}/settings`, { body: { accounting: null } });
  const client = clientFor(api);
  await client.listConnections();
  await client.loadSettings();

  const [token, list, settings] = api.calls;
  assert.equal(token.method, 'POST');
  assert.equal(token.path, '/auth/token');
  assert.equal(token.headers.get('x-monite-version'), '2024-05-25');
  assert.equal(token.headers.get('x-monite-entity-id'), null);
  assert.equal(token.headers.get('authorization'), null);
  assert.equal(token.headers.get('content-type'), 'application/json');
  assert.deepEqual(token.body, { grant_type: 'client_credentials', client_id: CLIENT_ID, client_secret: SECRET });

  for (const req of [list, settings]) {
    assert.equal(req.headers.get('authorization'), `Bearer ${tokenValue(1)}`);
    assert.equal(req.headers.get('x-monite-version'), '2024-05-25');
    assert.equal(req.headers.get('x-monite-entity-id'), ENTITY);
  }
  assert.equal(api.tokenCalls(), 1, 'the token is cached');
});

test('the token is refreshed shortly before it expires', async () => {
  const api = fakeApi({ tokenLifetime: 1800 });
  api.on('GET', '/accounting_connections', { body: { data: [] } });
  const client = clientFor(api);
  await client.listConnections();
  api.advance(1700_000); // 100 s left: not yet due (margin 60 s)
  await client.listConnections();
  assert.equal(api.tokenCalls(), 1);
  api.advance(50_000); // 50 s left: due
  await client.listConnections();
  assert.equal(api.tokenCalls(), 2);
  assert.equal(api.calls.at(-1).headers.get('authorization'), `Bearer ${tokenValue(2)}`);
});

test('single flight: 10 concurrent calls with an expired token make exactly one token request', async () => {
  const api = fakeApi({ tokenLifetime: 60 });
  api.on('GET', '/accounting_connections', { body: { data: [] } });
  const client = clientFor(api);
  await client.listConnections();
  assert.equal(api.tokenCalls(), 1);
  api.advance(61_000);
  await Promise.all(Array.from({ length: 10 }, () => client.listConnections()));
  assert.equal(api.tokenCalls(), 2, 'one refresh for ten callers');
  const lists = api.calls.filter((c) => c.path === '/accounting_connections').slice(1);
  assert.equal(lists.length, 10);
  for (const req of lists) assert.equal(req.headers.get('authorization'), `Bearer ${tokenValue(2)}`);
});

test('single flight with fetchToken(): concurrent first calls share one callback call', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { body: { data: [] } });
  let calls = 0;
  const client = clientFor(api, {
    clientId: undefined,
    clientSecret: undefined,
    fetchToken: async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { access_token: tokenValue(100 + calls), expires_in: 900 };
    },
  });
  await Promise.all(Array.from({ length: 10 }, () => client.listConnections()));
  assert.equal(calls, 1);
  assert.equal(api.tokenCalls(), 0, 'no /auth/token with fetchToken()');
});

test('a 401 re-fetches the token once and retries once', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { status: 401, body: { error: { message: 'Token expired' } } }, { body: { data: [] } });
  const client = clientFor(api);
  assert.deepEqual(await client.listConnections(), []);
  assert.equal(api.tokenCalls(), 2);
  const lists = api.calls.filter((c) => c.path === '/accounting_connections');
  assert.equal(lists.length, 2);
  assert.equal(lists[1].headers.get('authorization'), `Bearer ${tokenValue(2)}`);
  assert.deepEqual(api.sleeps, [], 'no backoff before the re-authorized retry');
});

test('a second 401 surfaces as AuthError after exactly one re-fetch', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { status: 401, body: { error: { message: 'Not authorized' } }, headers: { 'x-request-id': 'req-401' } });
  const client = clientFor(api);
  const err = await rejection(client.listConnections());
  assert.ok(err instanceof AuthError);
  assert.ok(err instanceof LedgerbridgeError);
  assert.equal(err.code, 'unauthorized');
  assert.equal(err.status, 401);
  assert.equal(err.requestId, 'req-401');
  assert.equal(err.apiMessage, 'Not authorized');
  assert.equal(api.tokenCalls(), 2);
  assert.equal(api.routeCalls().length, 2);
});

test('a refused token request is an AuthError; fetchToken() failures and bad tokens too', async () => {
  const api = fakeApi();
  api.on('POST', '/auth/token', { status: 401, body: { error: { message: 'Invalid client credentials' } }, headers: { 'x-request-id': 'req-t' } });
  const err = await rejection(clientFor(api).listConnections());
  assert.ok(err instanceof AuthError);
  assert.equal(err.code, 'token_request_failed');
  assert.equal(err.status, 401);
  assert.equal(err.requestId, 'req-t');
  assert.equal(api.tokenCalls(), 1, '4xx on the token is not retried');

  const api2 = fakeApi();
  const bad = clientFor(api2, { clientId: undefined, clientSecret: undefined, fetchToken: async () => ({ token: 'x' }) });
  const err2 = await rejection(bad.listConnections());
  assert.ok(err2 instanceof AuthError);
  assert.equal(err2.code, 'invalid_token_response');

  const failing = clientFor(api2, {
    clientId: undefined,
    clientSecret: undefined,
    fetchToken: async () => {
      throw new Error('backend down');
    },
  });
  const err3 = await rejection(failing.listConnections());
  assert.equal(err3.code, 'token_request_failed');
  assert.match(err3.message, /backend down/);

  assert.throws(() => createClient({ entityId: ENTITY, fetch: api.fetch }), (e) => e instanceof AuthError && e.code === 'missing_credentials');
});

// --- retries -------------------------------------------------------------------------------------------

test('429 with Retry-After in seconds waits exactly that long', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { status: 429, headers: { 'retry-after': '3' }, body: { error: { message: 'Too many requests' } } }, { body: { data: [] } });
  await clientFor(api).listConnections();
  assert.deepEqual(api.sleeps, [3000]);
  assert.equal(api.routeCalls().length, 2);
});

test('429 with Retry-After as an HTTP date waits until that date', async () => {
  const api = fakeApi();
  api.state.t = Date.UTC(2025, 0, 15, 12, 0, 0); // a whole second: HTTP dates have no milliseconds
  const at = new Date(api.state.t + 7000).toUTCString();
  api.on('GET', '/accounting_connections', { status: 429, headers: { 'retry-after': at } }, { body: { data: [] } });
  await clientFor(api).listConnections();
  assert.deepEqual(api.sleeps, [7000]);
});

test('429 whose Retry-After does not fit in the budget surfaces as RateLimitError with retryAfterMs', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { status: 429, headers: { 'retry-after': '120', 'x-request-id': 'req-rl' }, body: { error: { message: 'Slow down' } } });
  const err = await rejection(clientFor(api, { retry: { totalTimeoutMs: 30_000 } }).listConnections());
  assert.ok(err instanceof RateLimitError);
  assert.ok(err instanceof ApiError);
  assert.equal(err.status, 429);
  assert.equal(err.retryAfterMs, 120_000);
  assert.equal(err.requestId, 'req-rl');
  assert.deepEqual(api.sleeps, []);
});

test('a burst of 5xx is retried with exponential backoff and full jitter, within bounds', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { status: 503 }, { status: 502 }, { status: 500, body: { error: { message: 'x' } } }, { body: { data: [] } });
  await clientFor(api).listConnections(); // attempts 4, base 100, max 1000, random 0.5
  assert.deepEqual(api.sleeps, [50, 100, 200]);
  assert.equal(api.routeCalls().length, 4);

  // Full jitter: any random in [0, 1) stays under min(maxDelayMs, base·2ⁿ⁻¹).
  const api2 = fakeApi();
  api2.on('GET', '/accounting_connections', { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { body: { data: [] } });
  await clientFor(api2, { random: () => 0.999, retry: { attempts: 6, baseDelayMs: 100, maxDelayMs: 300, totalTimeoutMs: 60_000 } }).listConnections();
  assert.deepEqual(api2.sleeps, [99, 199, 299, 299, 299]);
});

test('408 and network errors are retried for reads', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { status: 408 }, 'network', { body: { data: [] } });
  await clientFor(api).listConnections();
  assert.equal(api.routeCalls().length, 3);
});

test('a permanent 5xx surfaces as ApiError with the API message and request id, after the configured attempts', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections/conn-9', { status: 500, body: { error: { message: 'Internal failure' } }, headers: { 'x-request-id': 'req-42' } });
  const err = await rejection(clientFor(api).getConnection('conn-9'));
  assert.ok(err instanceof ApiError);
  assert.equal(err.name, 'ApiError');
  assert.equal(err.code, 'api_error');
  assert.equal(err.status, 500);
  assert.equal(err.apiMessage, 'Internal failure');
  assert.equal(err.requestId, 'req-42');
  assert.equal(err.method, 'GET');
  assert.equal(err.path, '/accounting_connections/conn-9');
  assert.equal(err.attempts, 4);
  assert.match(err.message, /GET \/accounting_connections\/conn-9 failed with HTTP 500: Internal failure \(x-request-id req-42\)/);
  assert.equal(api.routeCalls().length, 4);
});

test('retries stop at the total time budget', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { status: 503 });
  const client = clientFor(api, { random: () => 0.999, retry: { attempts: 10, baseDelayMs: 1000, maxDelayMs: 10_000, totalTimeoutMs: 2500 } });
  const err = await rejection(client.listConnections());
  assert.ok(err instanceof ApiError);
  assert.equal(err.status, 503);
  assert.deepEqual(api.sleeps, [999], 'the second backoff (1998 ms) would pass the 2500 ms budget');
  assert.ok(api.sleeps.reduce((a, b) => a + b, 0) <= 2500);
});

test('422 detail becomes the message, without the input the API echoes; not retried', async () => {
  const api = fakeApi();
  api.on('POST', '/accounting_connections', {
    status: 422,
    body: { detail: [{ loc: ['header', 'x-monite-entity-id'], msg: 'Entity already connected', type: 'connection_already_exists', input: { client_secret: SECRET } }] },
  });
  api.on('GET', '/accounting_connections', { body: { data: [] } });
  const err = await rejection(clientFor(api).connect());
  assert.ok(err instanceof ApiError);
  assert.equal(err.status, 422);
  assert.equal(err.apiMessage, 'header.x-monite-entity-id: Entity already connected');
  assert.deepEqual(err.details, [{ loc: ['header', 'x-monite-entity-id'], msg: 'Entity already connected', type: 'connection_already_exists' }]);
  assertNoSecrets(err, [SECRET]);
  assert.equal(api.routeCalls().filter((c) => c === 'POST /accounting_connections').length, 1);
});

// --- timeouts and abort ------------------------------------------------------------------------------

test('a request that does not answer in requestTimeoutMs is a TimeoutError (retried for reads)', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', 'hang');
  const client = clientFor(api, { requestTimeoutMs: 20, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1, totalTimeoutMs: 60_000 } });
  const err = await rejection(client.listConnections());
  assert.ok(err instanceof TimeoutError);
  assert.equal(err.kind, 'request');
  assert.equal(err.timeoutMs, 20);
  assert.equal(api.routeCalls().length, 2);
});

test('a fetch that ignores the signal still times out', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', () => new Promise(() => {}));
  const client = clientFor(api, { requestTimeoutMs: 20, retry: { attempts: 1 } });
  assert.ok((await rejection(client.listConnections())) instanceof TimeoutError);
});

test('an AbortSignal cancels a request with its reason; an aborted signal sends nothing', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', 'hang');
  const client = clientFor(api);
  await client.loadSettings().catch(() => {}); // warm the token
  const before = api.calls.length;

  const controller = new AbortController();
  const reason = new Error('user navigated away');
  setTimeout(() => controller.abort(reason), 5);
  assert.equal(await rejection(client.listConnections({ signal: controller.signal })), reason);

  const aborted = AbortSignal.abort();
  const err = await rejection(client.listConnections({ signal: aborted }));
  assert.equal(err.name, 'AbortError');
  assert.equal(api.calls.length, before + 1, 'only the first call was sent');
});

test('an abort during a backoff wait ends it at once', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { status: 503 });
  const controller = new AbortController();
  const client = clientFor(api, { sleep: () => new Promise(() => {}) }); // a sleep that never ends nor listens
  setTimeout(() => controller.abort(new Error('stop')), 5);
  const err = await rejection(client.listConnections({ signal: controller.signal }));
  assert.equal(err.message, 'stop');
});

// --- connect -------------------------------------------------------------------------------------------

test('create is not retried after a network error, a 5xx or a timeout', async () => {
  for (const failure of ['network', { status: 500, body: { error: { message: 'boom' } } }, { status: 503 }, 'hang']) {
    const api = fakeApi();
    api.on('GET', '/accounting_connections', { body: { data: [] } });
    api.on('POST', '/accounting_connections', failure, { status: 201, body: connection() });
    const err = await rejection(clientFor(api, { requestTimeoutMs: 20 }).connect());
    const expected = failure === 'network' ? NetworkError : failure === 'hang' ? TimeoutError : ApiError;
    assert.ok(err instanceof expected, `${inspect(failure)} → ${err.name}`);
    assert.match(err.message, /not retried because the server may already have processed it; check listConnections\(\)/);
    assert.equal(api.routeCalls().filter((c) => c === 'POST /accounting_connections').length, 1);
    assert.deepEqual(api.sleeps, []);
  }
});

test('create is retried after a 429 (proof it was not processed)', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { body: { data: [] } });
  api.on('POST', '/accounting_connections', { status: 429, headers: { 'retry-after': '2' } }, { status: 201, body: connection() });
  const created = await clientFor(api).connect();
  assert.equal(created.status, 'pending_auth');
  assert.equal(created.connection_url, 'https://sites.railz.ai/ste-bac47d52');
  assert.deepEqual(api.routeCalls(), ['GET /accounting_connections', 'POST /accounting_connections', 'POST /accounting_connections']);
  assert.deepEqual(api.sleeps, [2000]);
  assert.equal(api.calls.at(-1).body, undefined, 'no body: the document defines none');
});

test('connect fails with AlreadyConnectedError naming the platform, without creating anything', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', {
    body: { data: [connection({ id: 'old', status: 'disconnected' }), connection({ id: 'conn-x', status: 'connected', platform: 'xero' })] },
  });
  const err = await rejection(clientFor(api).connect());
  assert.ok(err instanceof AlreadyConnectedError);
  assert.equal(err.code, 'already_connected');
  assert.equal(err.platform, 'xero');
  assert.equal(err.connectionId, 'conn-x');
  assert.match(err.message, /xero/);
  assert.deepEqual(api.routeCalls(), ['GET /accounting_connections']);

  const pending = fakeApi();
  pending.on('GET', '/accounting_connections', { body: { data: [connection({ id: 'conn-p' })] } });
  const err2 = await rejection(clientFor(pending).connect());
  assert.ok(err2 instanceof AlreadyConnectedError);
  assert.equal(err2.status, 'pending_auth');
  assert.equal(err2.platform, null);
});

test('connect({ replace: true }) disconnects the existing connection, then creates', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { body: { data: [connection({ id: 'conn-q', status: 'connected', platform: 'quickbooks_online' })] } });
  api.on('POST', '/accounting_connections/conn-q/disconnect', { body: connection({ id: 'conn-q', status: 'disconnected', platform: 'quickbooks_online' }) });
  api.on('POST', '/accounting_connections', { status: 201, body: connection({ id: 'conn-new' }) });
  const created = await clientFor(api).connect({ replace: true });
  assert.equal(created.id, 'conn-new');
  assert.deepEqual(api.routeCalls(), ['GET /accounting_connections', 'POST /accounting_connections/conn-q/disconnect', 'POST /accounting_connections']);
  assert.equal(api.calls.at(-1).body, undefined);
});

test('sync (202) and disconnect (200)', async () => {
  const api = fakeApi();
  api.on('POST', '/accounting_connections/conn-1/sync', { status: 202, body: { message: 'Synchronization started' } });
  api.on('POST', '/accounting_connections/conn-1/disconnect', { body: connection({ status: 'disconnected' }) });
  const client = clientFor(api);
  assert.deepEqual(await client.sync('conn-1'), { message: 'Synchronization started' });
  assert.equal((await client.disconnect('conn-1')).status, 'disconnected');
});

// --- waiting for authorization -------------------------------------------------------------------------

test('waitUntilConnected polls with growing pauses until connected', async () => {
  const api = fakeApi();
  const pending = { body: connection() };
  api.on('GET', '/accounting_connections/conn-1', pending, pending, pending, { body: connection({ status: 'connected', platform: 'xero' }) });
  const seen = [];
  const result = await clientFor(api).waitUntilConnected('conn-1', { intervalMs: 1000, maxIntervalMs: 2000, onPoll: (c) => seen.push(c.status) });
  assert.equal(result.status, 'connected');
  assert.equal(result.platform, 'xero');
  assert.deepEqual(api.sleeps, [1000, 1500, 2000]);
  assert.deepEqual(seen, ['pending_auth', 'pending_auth', 'pending_auth', 'connected']);
});

test('waitUntilConnected: deauthorized or disconnected → ConnectionFailedError', async () => {
  for (const status of ['deauthorized', 'disconnected']) {
    const api = fakeApi();
    api.on('GET', '/accounting_connections/conn-1', { body: connection() }, { body: connection({ status, errors: [{ message: 'User revoked access' }] }) });
    const err = await rejection(clientFor(api).waitUntilConnected('conn-1', { intervalMs: 10 }));
    assert.ok(err instanceof ConnectionFailedError);
    assert.equal(err.status, status);
    assert.equal(err.connectionId, 'conn-1');
    assert.deepEqual(err.apiMessages, ['User revoked access']);
  }
});

test('waitUntilConnected: past timeoutMs → TimeoutError, never sleeping beyond the deadline', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections/conn-1', { body: connection() });
  const err = await rejection(clientFor(api).waitUntilConnected('conn-1', { timeoutMs: 5000, intervalMs: 1000, maxIntervalMs: 4000 }));
  assert.ok(err instanceof TimeoutError);
  assert.equal(err.kind, 'wait');
  assert.equal(err.timeoutMs, 5000);
  assert.deepEqual(api.sleeps, [1000, 1500, 2250, 250]);
  assert.equal(api.routeCalls().length, 5, 'one last poll at the deadline');
});

test('waitUntilConnected: the deadline also cuts a poll that is in flight', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections/conn-1', 'hang');
  const client = clientFor(api);
  await client.loadSettings().catch(() => {}); // warm the token
  const err = await rejection(client.waitUntilConnected('conn-1', { timeoutMs: 30 }));
  assert.ok(err instanceof TimeoutError);
  assert.equal(err.kind, 'wait');
});

test('waitUntilConnected: abort → the signal reason (or an AbortError)', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections/conn-1', { body: connection() });
  const client = clientFor(api);
  const controller = new AbortController();
  const reason = new Error('the user closed the dialog');
  let polls = 0;
  const err = await rejection(
    client.waitUntilConnected('conn-1', {
      intervalMs: 10,
      signal: controller.signal,
      onPoll: () => {
        if (++polls === 2) controller.abort(reason);
      },
    }),
  );
  assert.equal(err, reason);
  assert.equal(polls, 2);

  const plain = new AbortController();
  setTimeout(() => plain.abort(), 5);
  const slow = clientFor(api, { sleep: () => new Promise(() => {}) });
  const err2 = await rejection(slow.waitUntilConnected('conn-1', { signal: plain.signal }));
  assert.equal(err2.name, 'AbortError');
});

// --- sync logs and pagination --------------------------------------------------------------------------

const syncRecord = (id) => ({
  id,
  created_at: '2024-06-09T10:00:00Z',
  updated_at: '2024-06-09T10:00:00Z',
  last_pulled_at: '2024-06-09T10:00:00Z',
  object_type: 'bill',
  sync_status: 'done',
});

test('syncedRecords follows next_pagination_token over 3 pages, sending limit and object_type with every page', async () => {
  const api = fakeApi();
  const pages = {
    first: { data: [syncRecord('r1'), syncRecord('r2')], next_pagination_token: 'tok-b', prev_pagination_token: null },
    'tok-b': { data: [syncRecord('r3'), syncRecord('r4')], next_pagination_token: 'tok-c', prev_pagination_token: 'tok-a' },
    'tok-c': { data: [syncRecord('r5')], next_pagination_token: null, prev_pagination_token: 'tok-b' },
  };
  api.on('GET', '/accounting_synced_records', (req) => ({ body: pages[req.query.pagination_token ?? 'first'] }));
  const client = clientFor(api);
  const ids = [];
  for await (const record of client.syncedRecords({ objectType: 'bill', limit: 2, filters: { order: 'asc' } })) ids.push(record.id);
  assert.deepEqual(ids, ['r1', 'r2', 'r3', 'r4', 'r5']);
  const queries = api.calls.filter((c) => c.path === '/accounting_synced_records').map((c) => c.query);
  assert.deepEqual(queries, [
    { order: 'asc', object_type: 'bill', limit: '2' },
    // object_type is required by the document on every request, next pages included.
    { object_type: 'bill', pagination_token: 'tok-b', limit: '2' },
    { object_type: 'bill', pagination_token: 'tok-c', limit: '2' },
  ]);

  let pageCount = 0;
  for await (const page of client.syncedRecordPages({ objectType: 'bill', limit: 2 })) {
    pageCount += 1;
    assert.ok(Array.isArray(page.data));
  }
  assert.equal(pageCount, 3);
});

test('a repeating pagination token is a ProtocolError, not an endless loop', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_synced_records', { body: { data: [syncRecord('r1')], next_pagination_token: 'same' } });
  const iterate = async () => {
    for await (const _ of clientFor(api).syncedRecords({ objectType: 'bill' }));
  };
  await assert.rejects(iterate, ProtocolError);
});

test('getSyncedRecord and pushSyncedRecord; a failed push is not sent twice', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_synced_records/r%2F1', { body: syncRecord('r/1') });
  api.on('POST', '/accounting_synced_records/r1/push', { body: { ...syncRecord('r1'), sync_status: 'pending' } });
  api.on('POST', '/accounting_synced_records/r2/push', { status: 502 });
  const client = clientFor(api);
  assert.equal((await client.getSyncedRecord('r/1')).id, 'r/1');
  assert.equal((await client.pushSyncedRecord('r1')).sync_status, 'pending');
  const err = await rejection(client.pushSyncedRecord('r2'));
  assert.ok(err instanceof ApiError);
  assert.match(err.message, /getSyncedRecord/);
  assert.equal(api.routeCalls().filter((c) => c === 'POST /accounting_synced_records/r2/push').length, 1);
  await assert.rejects(async () => client.syncedRecords({}).next(), TypeError);
});

// --- loaders and previewSync ---------------------------------------------------------------------------

/** A paginated route over `records`, `size` per page, tokens `p1`, `p2`, … */
function paged(records, size) {
  return (req) => {
    const start = req.query.pagination_token ? Number(req.query.pagination_token.slice(1)) * size : 0;
    const next = start + size < records.length ? `p${start / size + 1}` : null;
    return { body: { data: records.slice(start, start + size), next_pagination_token: next, prev_pagination_token: null } };
  };
}

function planApi({ connected = true } = {}) {
  const api = fakeApi();
  const counterparts = Array.from({ length: 5 }, (_, i) => ({ id: `cp-${i}`, type: 'organization', organization: { legal_name: `Org ${i}` } }));
  api.on('GET', '/counterparts', paged(counterparts, 2));
  for (const cp of counterparts) {
    api.on('GET', `/counterparts/${cp.id}/addresses`, { body: { data: [{ id: `addr-${cp.id}`, counterpart_id: cp.id, country: 'DE', city: 'Berlin', line1: 'Str 1', postal_code: '10115' }] } });
  }
  api.on('GET', '/products', paged([{ id: 'prod-1', name: 'Widget', type: 'product' }], 2));
  api.on('GET', '/payables', paged([{ id: 'pay-1', status: 'new' }, { id: 'pay-2', status: 'draft' }], 1));
  api.on('GET', '/payables/pay-1/line_items', paged([{ id: 'li-1' }, { id: 'li-2' }, { id: 'li-3' }], 1));
  api.on('GET', '/payables/pay-2/line_items', paged([], 1));
  api.on('GET', '/receivables', paged([{ id: 'inv-1', type: 'invoice', status: 'draft' }], 2));
  api.on('GET', '/payment_records', paged([], 2));
  api.on('GET', '/accounting_tax_rates', paged([{ id: 'tr-1', effective_tax_rate: 1900 }], 2));
  api.on('GET', '/ledger_accounts', paged([{ id: 'la-1', name: 'Sales' }], 2));
  api.on('GET', `/entities/${ENTITY}/settings`, { body: { accounting: { ledger_account_ids: { products: 'la-1' } } } });
  api.on('GET', '/accounting_connections', { body: { data: [connection({ status: connected ? 'connected' : 'pending_auth', platform: connected ? 'xero' : null })] } });
  // Three bill records and one customer record, two per page: the token names the type it came from.
  const synced = { bill: ['r1', 'r2', 'r3'].map(syncRecord), customer: [{ ...syncRecord('r4'), object_type: 'customer' }] };
  api.on('GET', '/accounting_synced_records', (req) => {
    const type = req.query.object_type;
    const records = synced[type] ?? [];
    const start = req.query.pagination_token ? Number(req.query.pagination_token.split(':')[1]) : 0;
    const next = start + 2 < records.length ? `${type}:${start + 2}` : null;
    return { body: { data: records.slice(start, start + 2), next_pagination_token: next } };
  });
  return api;
}

test('loadPlanInput loads every collection, following pagination, into a PlanInput', async () => {
  const api = planApi();
  const extra = { counterparts: [{ id: 'acc-1', name: 'Org 1', kind: 'vendor' }] };
  const input = await clientFor(api, { pageSize: 2 }).loadPlanInput({ accounting: extra, policy: { direction: 'purchase' } });
  assert.deepEqual(input.monite.counterparts.map((c) => c.id), ['cp-0', 'cp-1', 'cp-2', 'cp-3', 'cp-4']);
  assert.equal(input.monite.counterparts[3].addresses[0].city, 'Berlin');
  assert.deepEqual(input.monite.payables.map((p) => p.line_items.map((l) => l.id)), [['li-1', 'li-2', 'li-3'], []]);
  assert.equal(input.monite.products.length, 1);
  assert.equal(input.monite.receivables[0].id, 'inv-1');
  assert.deepEqual(input.monite.payment_records, []);
  assert.equal(input.monite.settings.accounting.ledger_account_ids.products, 'la-1');
  assert.equal(input.monite.connection.status, 'connected');
  assert.deepEqual(input.accounting.tax_rates, [{ id: 'tr-1', effective_tax_rate: 1900 }]);
  assert.deepEqual(input.accounting.ledger_accounts, [{ id: 'la-1', name: 'Sales' }]);
  assert.deepEqual(input.accounting.counterparts, extra.counterparts);
  assert.deepEqual(input.policy, { direction: 'purchase' });
  const counterpartPages = api.calls.filter((c) => c.path === '/counterparts');
  assert.equal(counterpartPages.length, 3);
  assert.ok(counterpartPages.every((c) => c.query.limit === '2'));
  // The synced records of all six types, every page with object_type and limit.
  assert.deepEqual(input.monite.synced_records.map((r) => r.id), ['r4', 'r1', 'r2', 'r3']);
  const synced = api.calls.filter((c) => c.path === '/accounting_synced_records');
  assert.equal(synced.length, 7, 'one page per type, and a second one for the bills');
  assert.ok(synced.every((c) => c.query.limit === '2' && typeof c.query.object_type === 'string'), JSON.stringify(synced.map((c) => c.query)));
  assert.deepEqual([...new Set(synced.map((c) => c.query.object_type))].sort(), ['bill', 'customer', 'payment_record', 'product', 'receivable', 'vendor']);
});

test('loadPlanInput({ syncedRecords: false }) sends no synced-record request and passes none', async () => {
  const api = planApi();
  const input = await clientFor(api).loadPlanInput({ syncedRecords: false });
  assert.equal('synced_records' in input.monite, false);
  assert.ok(!api.routeCalls().some((c) => c.includes('/accounting_synced_records')));
});

test('loadPlanInput without a connected system skips tax rates and ledger accounts', async () => {
  const api = planApi({ connected: false });
  const input = await clientFor(api).loadPlanInput({ accounting: { ledger_accounts: [{ id: 'mine' }] } });
  assert.equal(input.monite.synced_records.length, 4, 'a pending connection still reads synced records');
  assert.deepEqual(input.accounting.tax_rates, []);
  assert.deepEqual(input.accounting.ledger_accounts, [{ id: 'mine' }]);
  assert.ok(!api.routeCalls().some((c) => c.includes('/accounting_tax_rates') || c.includes('/ledger_accounts')));
});

test('loadPlanInput fails fast with the first error', async () => {
  const api = planApi();
  api.on('GET', '/products', { status: 404, body: { error: { message: 'Entity not found' } } });
  const err = await rejection(clientFor(api).loadPlanInput());
  assert.ok(err instanceof ApiError);
  assert.equal(err.status, 404);
  assert.equal(err.path, '/products');
});

test('previewSync = planSync(await loadPlanInput()) with the injected planSync', async () => {
  const api = planApi();
  let received;
  const plan = { pull: {}, push: {}, summary: {}, errors: [] };
  const client = clientFor(api, {
    planSync: (input) => {
      received = input;
      return plan;
    },
  });
  assert.equal(await client.previewSync(), plan);
  assert.equal(received.monite.counterparts.length, 5);
  await assert.rejects(clientFor(api).previewSync(), TypeError);
});

// --- the API document: no body on connect, each list's limit bounds, the documented response shapes --------

test('document: connect() sends POST /accounting_connections without a body; { platform } is a TypeError before any request', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', { body: { data: [] } });
  api.on('POST', '/accounting_connections', { status: 201, body: connection() });
  const client = clientFor(api);
  await client.connect();
  const create = api.calls.at(-1);
  assert.equal(`${create.method} ${create.path}`, 'POST /accounting_connections');
  assert.equal(create.body, undefined, 'the current document defines no request body (the entity user picks the platform on connection_url)');
  assert.equal(create.headers.get('content-type'), null);

  const sent = api.calls.length;
  for (const platform of ['xero', 'quickbooks_online']) {
    const err = await rejection(client.connect({ platform }));
    assert.ok(err instanceof TypeError, `${err.name}: ${err.message}`);
    assert.match(err.message, /platform/);
    assert.match(err.message, /connection_url/);
  }
  assert.equal(api.calls.length, sent, 'nothing was sent');
});

test('document: syncedRecords sends limit 1–250 (default 250) on every page; any other limit is a TypeError before any request', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_synced_records', (req) => ({
    body: { data: [syncRecord(`r-${req.query.pagination_token ?? 'first'}`)], next_pagination_token: req.query.pagination_token ? null : 'tok-2' },
  }));
  const client = clientFor(api);
  const drain = async (options) => {
    for await (const _ of client.syncedRecords({ objectType: 'bill', ...options }));
  };
  await drain({});
  await drain({ limit: 250 });
  await drain({ limit: 1 });
  const limits = api.calls.filter((c) => c.path === '/accounting_synced_records').map((c) => c.query.limit);
  assert.deepEqual(limits, ['250', '250', '250', '250', '1', '1']);

  const sent = api.calls.length;
  for (const limit of [0, 251, 1.5, -1, '10', Number.NaN, null]) {
    const err = await rejection(drain({ limit }));
    assert.ok(err instanceof TypeError, `limit ${String(limit)}: ${err.name}`);
    assert.match(err.message, /limit .*1–250/);
  }
  const pages = await rejection((async () => {
    for await (const _ of client.syncedRecordPages({ objectType: 'customer', limit: 0 }));
  })());
  assert.ok(pages instanceof TypeError);
  assert.equal(api.calls.length, sent, 'nothing was sent');
});

test("document: the loaders send each list's documented default limit; pageSize sets every list or one, within its bounds", async () => {
  const api = planApi();
  await clientFor(api).loadPlanInput();
  assert.deepEqual(limitsSent(api.calls), DOCUMENTED_DEFAULT_LIMITS);

  const sized = planApi();
  await clientFor(sized, { pageSize: { receivables: 250, accounting_synced_records: 1, line_items: 2 } }).loadPlanInput();
  assert.deepEqual(limitsSent(sized.calls), {
    ...DOCUMENTED_DEFAULT_LIMITS,
    '/receivables': '250',
    '/accounting_synced_records': '1',
    '/payables/{payable_id}/line_items': '2',
  });

  const one = planApi();
  await clientFor(one, { pageSize: 3 }).loadPlanInput();
  assert.deepEqual(limitsSent(one.calls), Object.fromEntries(Object.keys(DOCUMENTED_DEFAULT_LIMITS).map((k) => [k, '3'])));

  for (const [pageSize, pattern] of [
    [0, /pageSize/],
    [101, /counterparts.*1–100/],
    [2.5, /pageSize/],
    ['ten', /pageSize/],
    [{ counterparts: 101 }, /counterparts.*1–100/],
    [{ receivables: 251 }, /receivables.*1–250/],
    [{ accounting_synced_records: 0 }, /accounting_synced_records.*1–250/],
    [{ counterpart: 5 }, /counterpart\b.*not a list/],
  ]) {
    assert.throws(() => clientFor(fakeApi(), { pageSize }), (e) => e instanceof TypeError && pattern.test(e.message), JSON.stringify(pageSize));
  }
});

test('document: a 200 that is not a connection makes waitUntilConnected fail at once with a ProtocolError, not poll until its timeout', async () => {
  const notConnections = [
    { data: [connection({ status: 'connected' })] },
    {},
    [],
    'connected',
    { ...connection(), status: 'authorized' },
    { ...connection(), id: 42 },
  ];
  for (const body of notConnections) {
    const api = fakeApi();
    api.on('GET', '/accounting_connections/conn-1', { body, headers: { 'x-request-id': 'req-shape' } });
    const err = await rejection(clientFor(api).waitUntilConnected('conn-1', { timeoutMs: 60_000, intervalMs: 1000 }));
    assert.ok(err instanceof ProtocolError, `${JSON.stringify(body)} → ${err.name}: ${err.message}`);
    assert.equal(err.code, 'protocol_error');
    assert.equal(err.method, 'GET');
    assert.equal(err.path, '/accounting_connections/conn-1');
    assert.equal(err.requestId, 'req-shape');
    assert.equal(err.status, 200);
    assert.match(err.message, /^GET \/accounting_connections\/conn-1: the HTTP 200 answer is not an AccountingConnectionResponse: .+ \(x-request-id req-shape\)$/);
    assert.equal(api.routeCalls().length, 1, 'one poll, no more');
    assert.deepEqual(api.sleeps, []);
  }
});

test('document: every answer the client reads is checked against its documented shape (ProtocolError with method, path, request id, what)', async () => {
  const ok = (body, status = 200) => ({ status, body });
  const cases = [
    ['listConnections', 'GET', '/accounting_connections', { data: [connection({ status: 'gone' })] }, (c) => c.listConnections(), /AccountingConnectionList: data\[0\]\.status must be one of connected, disconnected, deauthorized, pending_auth \(got "gone"\)/],
    ['listConnections', 'GET', '/accounting_connections', { connections: [] }, (c) => c.listConnections(), /data must be an array \(got nothing\)/],
    ['getConnection', 'GET', '/accounting_connections/conn-1', { ...connection(), connection_url: null }, (c) => c.getConnection('conn-1'), /connection_url must be a string \(got null\)/],
    ['getConnection', 'GET', '/accounting_connections/conn-1', { ...connection(), errors: 'none' }, (c) => c.getConnection('conn-1'), /errors must be an array/],
    ['connect', 'POST', '/accounting_connections', { message: 'created' }, (c) => c.connect(), /AccountingConnectionResponse: id must be a non-empty string \(got nothing\)/],
    ['disconnect', 'POST', '/accounting_connections/conn-1/disconnect', { status: 'disconnected' }, (c) => c.disconnect('conn-1'), /AccountingConnectionResponse: id/],
    ['sync', 'POST', '/accounting_connections/conn-1/sync', {}, (c) => c.sync('conn-1'), /AccountingMessageResponse: message must be a string/],
    ['syncedRecords', 'GET', '/accounting_synced_records', { data: [{ ...syncRecord('r1'), sync_status: 'failed' }] }, (c) => c.syncedRecords({ objectType: 'bill' }).next(), /SyncRecordResourceList: data\[0\]\.sync_status must be one of pending, error, done \(got "failed"\)/],
    ['syncedRecords', 'GET', '/accounting_synced_records', { data: [{ ...syncRecord('r1'), object_type: 'invoice' }] }, (c) => c.syncedRecords({ objectType: 'bill' }).next(), /data\[0\]\.object_type must be one of/],
    ['syncedRecords', 'GET', '/accounting_synced_records', { data: [], next_pagination_token: 7 }, (c) => c.syncedRecords({ objectType: 'bill' }).next(), /next_pagination_token must be a string \(got a number\)/],
    ['getSyncedRecord', 'GET', '/accounting_synced_records/r1', { ...syncRecord('r1'), id: '' }, (c) => c.getSyncedRecord('r1'), /SyncRecordResource: id must be a non-empty string \(got an empty string\)/],
    ['pushSyncedRecord', 'POST', '/accounting_synced_records/r1/push', { id: 'r1', sync_status: 'done' }, (c) => c.pushSyncedRecord('r1'), /SyncRecordResource: created_at must be a string/],
    ['loadCounterparts', 'GET', '/counterparts', { data: [{ name: 'no id' }] }, (c) => c.loadCounterparts(), /CounterpartPaginationResponse: data\[0\]\.id must be a non-empty string/],
    ['loadProducts', 'GET', '/products', { data: 'none' }, (c) => c.loadProducts(), /ProductServicePaginationResponse: data must be an array \(got a string\)/],
    ['loadPayables', 'GET', '/payables', null, (c) => c.loadPayables(), /PayablePaginationResponse: the body must be an object \(got null\)/],
    ['loadReceivables', 'GET', '/receivables', {}, (c) => c.loadReceivables(), /ReceivablePaginationResponse: data must be an array/],
    ['loadPaymentRecords', 'GET', '/payment_records', { data: [7] }, (c) => c.loadPaymentRecords(), /PaymentRecordResponseList: data\[0\] must be an object \(got a number\)/],
    ['loadTaxRates', 'GET', '/accounting_tax_rates', { data: {} }, (c) => c.loadTaxRates(), /AccountingTaxRateListResponse: data must be an array \(got an object\)/],
    ['loadLedgerAccounts', 'GET', '/ledger_accounts', { data: [{ id: 5 }] }, (c) => c.loadLedgerAccounts(), /LedgerAccountListResponse: data\[0\]\.id/],
    ['loadSettings', 'GET', `/entities/${ENTITY}/settings`, [], (c) => c.loadSettings(), /SettingsResponse: the body must be an object \(got an array\)/],
  ];
  for (const [method, verb, path, body, call, pattern] of cases) {
    const api = fakeApi();
    api.on('GET', '/accounting_connections', { body: { data: [] } });
    api.on(verb, path, { status: verb === 'POST' && path === '/accounting_connections' ? 201 : 200, body, headers: { 'x-request-id': `req-${method}` } });
    const err = await rejection(call(clientFor(api, { retry: { attempts: 1 } })));
    assert.ok(err instanceof ProtocolError, `${method}: ${err.name}: ${err.message}`);
    assert.equal(err.method, verb, method);
    assert.equal(err.path, path, method);
    assert.equal(err.requestId, `req-${method}`, method);
    assert.match(err.message, pattern, method);
    assert.equal(api.calls.filter((c) => c.method === verb && c.path === path).length, 1, `${method}: a 2xx is not retried`);
    assertNoSecrets(err, [SECRET, tokenValue(1)]);
  }

  // A counterpart's addresses and a payable's line items too.
  const sub = fakeApi();
  sub.on('GET', '/counterparts', ok({ data: [{ id: 'cp-1' }] }));
  sub.on('GET', '/counterparts/cp-1/addresses', ok({ addresses: [] }));
  const addresses = await rejection(clientFor(sub).loadCounterparts());
  assert.ok(addresses instanceof ProtocolError);
  assert.match(addresses.message, /^GET \/counterparts\/cp-1\/addresses: the HTTP 200 answer is not a CounterpartAddressResourceList: data must be an array/);
  sub.on('GET', '/payables', ok({ data: [{ id: 'pay-1' }] }));
  sub.on('GET', '/payables/pay-1/line_items', ok({ data: [{ quantity: 1 }] }));
  const lines = await rejection(clientFor(sub).loadPayables());
  assert.ok(lines instanceof ProtocolError);
  assert.match(lines.message, /LineItemPaginationResponse: data\[0\]\.id/);
});

test('document: a token answer without access_token/expires_in is a ProtocolError; a value in a shape error is redacted', async () => {
  for (const body of [{ expires_in: 60, token_type: 'Bearer' }, { access_token: '', expires_in: 60 }, { access_token: tokenValue(7), expires_in: '60' }]) {
    const api = fakeApi();
    api.on('POST', '/auth/token', { body, headers: { 'x-request-id': 'req-token' } });
    const err = await rejection(clientFor(api).listConnections());
    assert.ok(err instanceof ProtocolError, `${JSON.stringify(body)} → ${err.name}`);
    assert.equal(err.path, '/auth/token');
    assert.equal(err.requestId, 'req-token');
    assert.match(err.message, /AccessTokenResponse: (access_token|expires_in)/);
    assertNoSecrets(err, [SECRET, tokenValue(7)]);
    assert.equal(api.routeCalls().length, 0, 'no API call without a token');
  }
  // An enum value that echoes the bearer token never reaches the message.
  const echo = fakeApi();
  echo.on('GET', '/accounting_connections/conn-1', { body: connection({ status: tokenValue(1) }) });
  const err = await rejection(clientFor(echo).getConnection('conn-1'));
  assert.ok(err instanceof ProtocolError);
  assert.match(err.message, /status must be one of .* \(got "\[redacted\]"\)/);
  assertNoSecrets(err, [SECRET, tokenValue(1)]);
});

test('document: valid answers with the nulls of the guide\'s examples are accepted', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections/conn-1', { body: connection({ errors: null, platform: null, last_pull: null }) });
  api.on('GET', '/accounting_connections', { body: { data: [connection({ status: undefined })] } });
  api.on('GET', '/accounting_synced_records', { body: { data: [{ ...syncRecord('r1'), errors: null, object_id: null, platform: null }], next_pagination_token: null, prev_pagination_token: null } });
  const client = clientFor(api);
  assert.equal((await client.getConnection('conn-1')).platform, null);
  assert.equal((await client.listConnections())[0].status, undefined);
  assert.equal((await client.syncedRecords({ objectType: 'bill' }).next()).value.id, 'r1');
});

// --- secrets -------------------------------------------------------------------------------------------

test('no error carries the token or the client secret', async () => {
  const secrets = [SECRET, tokenValue(1), tokenValue(2)];
  const errors = [];

  // The token endpoint echoes the secret in its message and a 422 input.
  const a = fakeApi();
  a.on('POST', '/auth/token', { status: 400, body: { error: { message: `bad secret ${SECRET}` } } });
  errors.push(await rejection(clientFor(a).listConnections()));
  const b = fakeApi();
  b.on('POST', '/auth/token', { status: 422, body: { detail: [{ loc: ['body', 'client_secret'], msg: `bad ${SECRET}`, type: 'x', input: SECRET }] } });
  errors.push(await rejection(clientFor(b).listConnections()));
  const c = fakeApi();
  c.on('POST', '/auth/token', { status: 500, body: { error: { message: `secret=${SECRET}` } } });
  errors.push(await rejection(clientFor(c, { retry: { attempts: 1 } }).listConnections()));

  // The API echoes the bearer token; the network layer puts it in its message.
  const d = fakeApi();
  d.on('GET', '/accounting_connections', (req) => ({ status: 500, body: { error: { message: `got ${req.headers.get('authorization')}` } } }));
  d.on('GET', '/accounting_connections/x', () => {
    throw new TypeError(`connect failed for Bearer ${tokenValue(1)}`);
  });
  d.on('GET', '/accounting_connections/y', { status: 401, body: { error: { message: `expired ${tokenValue(1)} ${tokenValue(2)}` } } });
  const client = clientFor(d, { retry: { attempts: 1 } });
  errors.push(await rejection(client.listConnections()));
  errors.push(await rejection(client.getConnection('x')));
  errors.push(await rejection(client.getConnection('y')));

  // The 401 path invalidated token 1; check the messages still say something useful.
  assert.deepEqual(
    errors.map((e) => e.name),
    ['AuthError', 'AuthError', 'ApiError', 'ApiError', 'NetworkError', 'AuthError'],
  );
  assert.match(errors[3].message, /got Bearer \[redacted\]/);
  assert.equal(errors[4].causeCode, null);
  for (const err of errors) {
    assert.ok(err instanceof Error);
    assertNoSecrets(err, secrets);
  }
  assert.ok(!JSON.stringify(client).includes(SECRET));
  assert.ok(!inspect(client, { showHidden: true, depth: 10 }).includes(SECRET));
});

test('a network error keeps the system error code', async () => {
  const api = fakeApi();
  api.on('GET', '/accounting_connections', 'network');
  const err = await rejection(clientFor(api, { retry: { attempts: 2, baseDelayMs: 1 } }).listConnections());
  assert.ok(err instanceof NetworkError);
  assert.equal(err.causeCode, 'ECONNRESET');
  assert.equal(err.attempts, 2);
  assert.match(err.message, /socket hang up/);
});

// --- browser -------------------------------------------------------------------------------------------

test('client credentials are refused in a browser-like environment', async () => {
  const api = fakeApi();
  globalThis.window = { document: {} };
  try {
    assert.throws(
      () => clientFor(api),
      (err) => {
        assert.ok(err instanceof AuthError);
        assert.equal(err.code, 'client_credentials_in_browser');
        assertNoSecrets(err, [SECRET]);
        return true;
      },
    );
    assert.ok(clientFor(api, { allowClientCredentialsInBrowser: true }) instanceof MoniteClient);
    const viaBackend = clientFor(api, {
      clientId: undefined,
      clientSecret: undefined,
      fetchToken: async () => ({ access_token: tokenValue(9), expires_in: 600 }),
    });
    api.on('GET', '/accounting_connections', { body: { data: [] } });
    await viaBackend.listConnections();
    assert.equal(api.calls.at(-1).headers.get('authorization'), `Bearer ${tokenValue(9)}`);
  } finally {
    delete globalThis.window;
  }
  assert.ok(clientFor(api) instanceof MoniteClient, 'allowed again outside the browser');
});
