/**
 * The Monite API client (SPEC §6): tokens, the accounting connection flow, sync logs, loaders for every
 * collection the plan needs, and `previewSync`. Retries, timeouts and `AbortSignal` on every call; every
 * failure a typed error without secrets.
 *
 * ```ts
 * const client = createClient({ entityId, fetchToken: () => fetch('/api/monite-token').then((r) => r.json()), planSync });
 * const connection = await client.connect();            // AlreadyConnectedError if one exists
 * showLink(connection.connection_url);                   // the entity user authorizes there
 * await client.waitUntilConnected(connection.id, { signal });
 * const plan = await client.previewSync({ accounting: { counterparts: pulledCustomersAndVendors } });
 * ```
 * @module
 */
import type { PlanInput, SyncPlan } from '../generated/types.js';
import { defaultSleep } from './abort.js';
import * as connections from './connections.js';
import { AuthError } from './errors.js';
import { Transport, type RequestOptions } from './http.js';
import * as loaders from './loaders.js';
import { previewSync, type PlanSync } from './preview.js';
import { pushFailed } from './repush.js';
import { retryPolicy } from './retry.js';
import * as records from './synced-records.js';
import { callbackSource, clientCredentialsSource, createRedactor, isBrowserLike, TokenManager } from './token.js';
import type {
  AccountingConnection,
  AccountingMessage,
  ApiRecord,
  CallOptions,
  ClientOptions,
  PushFailedOptions,
  PushFailedReport,
  RepushablePlan,
  SyncRecord,
  SyncRecordList,
} from './types.js';

export * from './errors.js';
export type * from './types.js';
export type { ConnectOptions, WaitOptions } from './connections.js';
export type { SyncedRecordsOptions } from './synced-records.js';
export type { LoadPlanInputOptions } from './loaders.js';
export type { PlanSync } from './preview.js';
export type { QueryValue, RequestOptions } from './http.js';
export { API_VERSION } from './http.js';

/** The sandbox; pass `baseUrl: 'https://api.monite.com/v1'` for production. */
export const DEFAULT_BASE_URL = 'https://api.sandbox.monite.com/v1';

function positive(name: string, value: number | undefined, fallback: number, max = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new TypeError(`${name} must be a positive number${max < Infinity ? ` up to ${max}` : ''}`);
  }
  return value;
}

/**
 * A client for one entity. Credentials are kept in closures, never on the object (`JSON.stringify(client)`
 * shows only `baseUrl` and `entityId`).
 */
export class MoniteClient {
  readonly baseUrl: string;
  readonly entityId: string;
  readonly #http: Transport;
  readonly #clock: connections.Clock;
  readonly #loaders: loaders.LoaderContext;
  readonly #planSync: PlanSync | undefined;

  constructor(options: ClientOptions) {
    if (typeof options !== 'object' || options === null) throw new TypeError('createClient: options are required');
    if (typeof options.entityId !== 'string' || options.entityId === '') throw new TypeError('createClient: entityId is required');
    const fetchImpl = options.fetch ?? (globalThis.fetch as typeof globalThis.fetch | undefined);
    if (typeof fetchImpl !== 'function') throw new TypeError('createClient: no fetch available; pass options.fetch');
    if (options.clientSecret !== undefined && isBrowserLike() && !options.allowClientCredentialsInBrowser) {
      // Checked before anything else uses the secret: it must not ship in browser code at all.
      throw new AuthError(
        'client credentials are refused in a browser: a client secret must never reach browser code — pass fetchToken() that asks your backend for a token',
        'client_credentials_in_browser',
      );
    }
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.entityId = options.entityId;
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? defaultSleep;
    const redactor = createRedactor();
    this.#http = new Transport({
      baseUrl: this.baseUrl,
      entityId: this.entityId,
      // Called unbound: some fetch implementations (browsers) throw "Illegal invocation" on another `this`.
      fetch: (input, init) => fetchImpl(input, init),
      now,
      random: options.random ?? Math.random,
      sleep,
      retry: retryPolicy(options.retry),
      requestTimeoutMs: positive('requestTimeoutMs', options.requestTimeoutMs, 30_000),
      redact: redactor.redact,
    });
    let source;
    if (typeof options.fetchToken === 'function') {
      source = callbackSource(options.fetchToken, redactor.redact);
    } else if (options.clientId && options.clientSecret) {
      source = clientCredentialsSource(this.#http, {
        clientId: options.clientId,
        clientSecret: options.clientSecret,
        ...(options.entityUserId ? { entityUserId: options.entityUserId } : {}),
      });
    } else {
      throw new AuthError('createClient: pass fetchToken(), or clientId and clientSecret (server-side only)', 'missing_credentials');
    }
    if (options.clientSecret) redactor.add(options.clientSecret);
    this.#http.useTokens(new TokenManager(source, now, redactor.add));
    this.#clock = { now, sleep };
    this.#loaders = {
      http: this.#http,
      entityId: this.entityId,
      pageSize: Math.floor(positive('pageSize', options.pageSize, 100, 100)),
      concurrency: Math.max(1, Math.floor(positive('concurrency', options.concurrency, 4))),
    };
    this.#planSync = options.planSync;
  }

  // --- connections -------------------------------------------------------------------------------

  /** `GET /accounting_connections` → every connection of the entity (any status). */
  listConnections(options?: CallOptions): Promise<AccountingConnection[]> {
    return connections.listConnections(this.#http, options);
  }
  /** `GET /accounting_connections/{id}`. */
  getConnection(id: string, options?: CallOptions): Promise<AccountingConnection> {
    return connections.getConnection(this.#http, id, options);
  }
  /**
   * Creates a connection (201, status `pending_auth`, with `connection_url` for the entity user).
   * `AlreadyConnectedError` when one is `connected` or `pending_auth`, unless `replace: true` (then it is
   * disconnected first). The create is never sent twice unless the API answered 429 or 401.
   */
  connect(options?: connections.ConnectOptions): Promise<AccountingConnection> {
    return connections.connect(this.#http, options);
  }
  /** Polls until `connected`; `ConnectionFailedError`, `TimeoutError` or the abort reason otherwise. */
  waitUntilConnected(id: string, options?: connections.WaitOptions): Promise<AccountingConnection> {
    return connections.waitUntilConnected(this.#http, this.#clock, id, options);
  }
  /** `POST /accounting_connections/{id}/sync` (202): pull from the accounting system now. */
  sync(id: string, options?: CallOptions): Promise<AccountingMessage> {
    return connections.sync(this.#http, id, options);
  }
  /** `POST /accounting_connections/{id}/disconnect` → the connection, status `disconnected`. */
  disconnect(id: string, options?: CallOptions): Promise<AccountingConnection> {
    return connections.disconnect(this.#http, id, options);
  }

  // --- sync logs -----------------------------------------------------------------------------------

  /**
   * Every synced record of one `objectType`, following `next_pagination_token`.
   *
   * ```ts
   * for await (const record of client.syncedRecords({ objectType: 'bill' })) if (record.sync_status === 'error') …
   * ```
   */
  syncedRecords(options: records.SyncedRecordsOptions): AsyncGenerator<SyncRecord, void, undefined> {
    return records.syncedRecords(this.#http, options);
  }
  /** The same, page by page (`data`, `next_pagination_token`, `prev_pagination_token`). */
  syncedRecordPages(options: records.SyncedRecordsOptions): AsyncGenerator<SyncRecordList, void, undefined> {
    return records.syncedRecordPages(this.#http, options);
  }
  /** `GET /accounting_synced_records/{id}`. */
  getSyncedRecord(id: string, options?: CallOptions): Promise<SyncRecord> {
    return records.getSyncedRecord(this.#http, id, options);
  }
  /** `POST /accounting_synced_records/{id}/push` (sent once unless 429/401: a repeat could duplicate the document). */
  pushSyncedRecord(id: string, options?: CallOptions): Promise<SyncRecord> {
    return records.pushSyncedRecord(this.#http, id, options);
  }
  /**
   * Pushes again every document of `plan` (from `previewSync()`) whose last push failed and that is eligible
   * now (`last_push_failed`, `eligible: true`): `POST /accounting_synced_records/{synced.record_id}/push`, at
   * most `concurrency` at once, each sent once (see `pushSyncedRecord`). Resolves with what happened to each —
   * also when a push fails or the signal aborts (the report is the only record of what was sent); throws only
   * a `TypeError` for a value that is not a plan.
   *
   * ```ts
   * const report = await client.pushFailed(await client.previewSync({ accounting }));
   * for (const f of report.failed) console.warn(f.monite_id, f.error.message, f.ambiguous ? '(check before retrying)' : '');
   * ```
   */
  pushFailed(plan: RepushablePlan, options: PushFailedOptions = {}): Promise<PushFailedReport> {
    return pushFailed(this.#http, plan, { ...options, defaultConcurrency: Math.min(this.#loaders.concurrency, 16) });
  }

  // --- loaders and the preview ----------------------------------------------------------------------

  /** Counterparts, each with its `addresses`. */
  loadCounterparts(options?: CallOptions): Promise<ApiRecord[]> {
    return loaders.loadCounterparts(this.#loaders, options);
  }
  loadProducts(options?: CallOptions): Promise<ApiRecord[]> {
    return loaders.loadProducts(this.#loaders, options);
  }
  /** Payables, each with its `line_items`. */
  loadPayables(options?: CallOptions): Promise<ApiRecord[]> {
    return loaders.loadPayables(this.#loaders, options);
  }
  loadReceivables(options?: CallOptions): Promise<ApiRecord[]> {
    return loaders.loadReceivables(this.#loaders, options);
  }
  loadPaymentRecords(options?: CallOptions): Promise<ApiRecord[]> {
    return loaders.loadPaymentRecords(this.#loaders, options);
  }
  loadTaxRates(options?: CallOptions): Promise<ApiRecord[]> {
    return loaders.loadTaxRates(this.#loaders, options);
  }
  loadLedgerAccounts(options?: CallOptions): Promise<ApiRecord[]> {
    return loaders.loadLedgerAccounts(this.#loaders, options);
  }
  loadSettings(options?: CallOptions): Promise<Record<string, unknown>> {
    return loaders.loadSettings(this.#loaders, options);
  }
  /** Synced records of all six object types (every page). */
  loadSyncedRecords(options?: CallOptions): Promise<SyncRecord[]> {
    return loaders.loadSyncedRecords(this.#loaders, options);
  }
  /** `connectionId`'s connection, else the connected one, else the pending one, else null. */
  loadConnection(options?: CallOptions & { connectionId?: string }): Promise<AccountingConnection | null> {
    return loaders.loadConnection(this.#loaders, options);
  }
  /**
   * Everything `planSync` reads, as a `PlanInput`. The API does not expose the accounting system's
   * customers, vendors and items: pass them (or raw QuickBooks/Xero bodies) as `accounting`.
   */
  loadPlanInput(options?: loaders.LoadPlanInputOptions): Promise<PlanInput> {
    return loaders.loadPlanInput(this.#loaders, options);
  }
  /**
   * `planSync(await loadPlanInput(options))`. With a connection, the synced records make it a re-sync
   * preview (SPEC §3.0); `{ syncedRecords: false }` previews as a first sync.
   */
  previewSync(options?: loaders.LoadPlanInputOptions): Promise<SyncPlan> {
    return previewSync(this.#loaders, this.#planSync, options);
  }

  /**
   * Any other endpoint, with the same headers, retries and errors; resolves with the JSON body.
   * `path` is below the base URL (`/payables/${encodeURIComponent(id)}`).
   */
  async request<T = unknown>(options: RequestOptions): Promise<T> {
    return (await this.#http.request<T>(options)).data;
  }
}

/** A client for one entity (see `ClientOptions`). Throws `AuthError` for missing or browser-exposed credentials. */
export function createClient(options: ClientOptions): MoniteClient {
  return new MoniteClient(options);
}
