/**
 * The connection flow (guide §7): check for an existing connection, create one, wait until the entity
 * user has authorized it, trigger a sync, disconnect.
 * @module
 */
import { linkedController, raceAbort } from './abort.js';
import { AlreadyConnectedError, ConnectionFailedError, TimeoutError } from './errors.js';
import type { Requester } from './http.js';
import { SHAPES } from './shapes.js';
import type { AccountingConnection, AccountingConnectionList, AccountingMessage, CallOptions } from './types.js';

const BASE = '/accounting_connections';
const at = (id: string): string => `${BASE}/${encodeURIComponent(id)}`;

/** Statuses that hold the entity's one connection slot. */
const ACTIVE = new Set(['connected', 'pending_auth']);

/**
 * `connect()` options. There is no `platform`: `POST /accounting_connections` has no request body in the current
 * API document (an older copy accepted `{ platform }`); the entity user picks QuickBooks or Xero on the
 * `connection_url` page, and the connection's `platform` says which once it is `connected`.
 */
export interface ConnectOptions extends CallOptions {
  /** Disconnect an existing `connected` or `pending_auth` connection first instead of failing. */
  replace?: boolean;
}

export interface WaitOptions extends CallOptions {
  /** Give up after this long (TimeoutError). Default 600 000 (10 minutes: a person has to log in). */
  timeoutMs?: number;
  /** First pause between polls. Default 2 000. */
  intervalMs?: number;
  /** Longest pause between polls (pauses grow by 1.5× up to it). Default 15 000. */
  maxIntervalMs?: number;
  /** Called with each polled state, e.g. to show progress. */
  onPoll?: (connection: AccountingConnection) => void;
}

export interface Clock {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** `GET /accounting_connections` → the `data` array. */
export async function listConnections(http: Requester, options: CallOptions = {}): Promise<AccountingConnection[]> {
  const { data } = await http.request<AccountingConnectionList>({ method: 'GET', path: BASE, signal: options.signal, expect: SHAPES.connectionList });
  return data.data;
}

/** `GET /accounting_connections/{id}`. */
export async function getConnection(http: Requester, id: string, options: CallOptions = {}): Promise<AccountingConnection> {
  return (await http.request<AccountingConnection>({ method: 'GET', path: at(id), signal: options.signal, expect: SHAPES.connection })).data;
}

/**
 * `POST /accounting_connections`, without a body → 201 with `connection_url` and status `pending_auth`. Sent at
 * most once unless the answer is 429 or 401 (see `retry.ts`, `Repeatability`).
 */
export async function createConnection(http: Requester, options: CallOptions = {}): Promise<AccountingConnection> {
  const result = await http.request<AccountingConnection>({
    method: 'POST',
    path: BASE,
    repeat: 'once',
    checkBeforeRetry: 'check listConnections() before creating another',
    signal: options.signal,
    expect: SHAPES.connection,
  });
  return result.data;
}

/** `POST /accounting_connections/{id}/disconnect` → the connection, status `disconnected`. */
export async function disconnect(http: Requester, id: string, options: CallOptions = {}): Promise<AccountingConnection> {
  return (await http.request<AccountingConnection>({ method: 'POST', path: `${at(id)}/disconnect`, signal: options.signal, expect: SHAPES.connection })).data;
}

/** `POST /accounting_connections/{id}/sync` → 202 `{ message }`: pulls from the accounting system now. */
export async function sync(http: Requester, id: string, options: CallOptions = {}): Promise<AccountingMessage> {
  return (await http.request<AccountingMessage>({ method: 'POST', path: `${at(id)}/sync`, signal: options.signal, expect: SHAPES.message })).data;
}

/**
 * Starts a connection: fails with `AlreadyConnectedError` when the entity already has one that is
 * `connected` or `pending_auth` (an entity may connect one accounting system), unless `replace` is set,
 * in which case that one is disconnected first. Returns the new connection (show `connection_url` to the
 * entity user, then `waitUntilConnected(connection.id)`).
 */
export async function connect(http: Requester, options: ConnectOptions = {}): Promise<AccountingConnection> {
  if ((options as { platform?: unknown } | null)?.platform !== undefined) {
    throw new TypeError(
      'connect: there is no platform option — POST /accounting_connections takes no request body in the current API document; ' +
        'the entity user picks QuickBooks or Xero on the connection_url page',
    );
  }
  const existing = await listConnections(http, { signal: options.signal });
  const active = existing.filter((c) => ACTIVE.has(c.status ?? ''));
  // Name the connected one when there is one; a pending one otherwise.
  active.sort((a, b) => Number(b.status === 'connected') - Number(a.status === 'connected'));
  const first = active[0];
  if (first && !options.replace) throw new AlreadyConnectedError(first);
  for (const connection of active) await disconnect(http, connection.id, { signal: options.signal });
  return createConnection(http, { signal: options.signal });
}

/**
 * Polls `GET /accounting_connections/{id}` until `connected` (resolves with it), with pauses growing from
 * `intervalMs` to `maxIntervalMs`. `deauthorized` or `disconnected` → `ConnectionFailedError`; an answer that is
 * not an `AccountingConnectionResponse` → `ProtocolError` at once; past `timeoutMs` → `TimeoutError` (kind
 * `wait`); the signal aborting → its reason. A connection without `status` (the document makes it optional)
 * counts as not yet connected.
 */
export async function waitUntilConnected(http: Requester, clock: Clock, id: string, options: WaitOptions = {}): Promise<AccountingConnection> {
  const timeoutMs = options.timeoutMs ?? 600_000;
  const maxIntervalMs = options.maxIntervalMs ?? 15_000;
  let interval = Math.min(options.intervalMs ?? 2_000, maxIntervalMs);
  const deadline = clock.now() + timeoutMs;
  const timeout = (): TimeoutError =>
    new TimeoutError(`accounting connection ${id} was not connected within ${timeoutMs} ms`, { kind: 'wait', timeoutMs, method: 'GET', path: at(id) });
  // The clock decides between polls; this timer also cuts a request that is in flight at the deadline.
  const { controller, dispose } = linkedController(options.signal);
  const timer = setTimeout(() => controller.abort(timeout()), timeoutMs);
  const signal = controller.signal;
  try {
    for (;;) {
      const connection = await getConnection(http, id, { signal });
      options.onPoll?.(connection);
      const status = connection.status;
      if (status === 'connected') return connection;
      if (status === 'deauthorized' || status === 'disconnected') {
        const messages = (connection.errors ?? []).map((e) => e.message).filter((m): m is string => typeof m === 'string');
        throw new ConnectionFailedError(id, status, connection.platform ?? null, messages);
      }
      const left = deadline - clock.now();
      if (left <= 0) throw timeout();
      await raceAbort(clock.sleep(Math.min(interval, left), signal), signal);
      interval = Math.min(maxIntervalMs, Math.ceil(interval * 1.5));
    }
  } finally {
    clearTimeout(timer);
    dispose();
  }
}
