/**
 * The API's JSON shapes the client reads (names and enums from the Monite Partner API document,
 * version 2024-05-25), and the client's options. Records the client only passes through to `planSync`
 * are typed loosely (`ApiRecord`): the engine reads the fields it needs.
 * @module
 */
import type { Issue, PlanInput, Push, SyncPlan } from '../generated/types.js';

/** `ConnectionStatus`. */
export type ConnectionStatus = 'connected' | 'disconnected' | 'deauthorized' | 'pending_auth';

/** `Platform`. */
export type Platform = 'xero' | 'quickbooks' | 'quickbooks_online' | 'quickbooks_online_sandbox';

/** `AccountingConnectionResponse`. */
export interface AccountingConnection {
  id: string;
  created_at: string;
  updated_at: string;
  connection_url: string;
  business_info?: Record<string, unknown>;
  errors?: { message: string }[] | null;
  last_pull?: string | null;
  platform?: string | null;
  status?: ConnectionStatus;
}

/** `AccountingConnectionList`. */
export interface AccountingConnectionList {
  data: AccountingConnection[];
}

/** `AccountingMessageResponse` (the 202 of `POST /accounting_connections/{id}/sync`). */
export interface AccountingMessage {
  message: string;
}

/** `ObjectMatchTypes`: the `object_type` of synced records. */
export type ObjectMatchType = 'product' | 'customer' | 'vendor' | 'receivable' | 'bill' | 'payment_record';

// `SyncStatus` is generated from the engine's Rust type (the plan's `synced.sync_status` is the same enum).
import type { SyncStatus } from '../generated/types.js';
export type { SyncStatus };

/** `SyncRecordResource`: one sync log entry. */
export interface SyncRecord {
  id: string;
  created_at: string;
  updated_at: string;
  last_pulled_at: string;
  object_type: ObjectMatchType;
  sync_status: SyncStatus;
  errors?: Record<string, unknown> | null;
  object_id?: string | null;
  object_updated_at?: string | null;
  platform?: Platform | null;
  platform_object_id?: string | null;
  platform_updated_at?: string | null;
  provider?: string | null;
  provider_object_id?: string | null;
  provider_updated_at?: string | null;
}

/** Any cursor-paginated list: `data`, `next_pagination_token`, `prev_pagination_token`. */
export interface Page<T> {
  data: T[];
  next_pagination_token?: string | null;
  prev_pagination_token?: string | null;
}

/** `SyncRecordResourceList`. */
export type SyncRecordList = Page<SyncRecord>;

/** A record of the API passed through as it is (counterpart, product, payable, …). */
export interface ApiRecord {
  id: string;
  [field: string]: unknown;
}

/** What `POST /auth/token` and a caller's `fetchToken()` return (`AccessTokenResponse`). */
export interface AccessToken {
  access_token: string;
  /** Lifetime in seconds. */
  expires_in: number;
  token_type?: string;
}

/** Retry policy for 408, 429, 5xx and network failures. */
export interface RetryOptions {
  /** Most times one request is sent, first try included. Default 4. */
  attempts?: number;
  /** Backoff base: the n-th retry waits a random time in [0, min(maxDelayMs, baseDelayMs·2ⁿ⁻¹)). Default 500. */
  baseDelayMs?: number;
  /** Cap of one computed backoff (not of `Retry-After`, which is honoured as given). Default 20 000. */
  maxDelayMs?: number;
  /** Budget of one call with all its retries and waits; no retry is scheduled past it. Default 60 000. */
  totalTimeoutMs?: number;
}

/** `createClient` options. */
export interface ClientOptions {
  /** Default `https://api.sandbox.monite.com/v1`. */
  baseUrl?: string;
  /** Sent as `x-monite-entity-id` on every call outside `/auth/*`. */
  entityId: string;
  /**
   * Returns a token (from your backend). The only way in a browser: a client secret never goes into
   * browser code. Called again shortly before expiry and once after a 401; concurrent calls share one
   * call, which is why it receives no `AbortSignal` (one caller's abort must not fail the others).
   */
  fetchToken?: () => Promise<AccessToken>;
  /** Partner client id for `grant_type: client_credentials` (server-side only). */
  clientId?: string;
  /** Partner client secret (server-side only; refused in a browser unless `allowClientCredentialsInBrowser`). */
  clientSecret?: string;
  /** With `clientId`/`clientSecret`: ask for an `entity_user` token for this entity user instead of a partner token. */
  entityUserId?: string;
  /** Allows `clientId`/`clientSecret` where `window.document` exists (e.g. Electron main-like test setups). */
  allowClientCredentialsInBrowser?: boolean;
  /** A `fetch` implementation. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Clock in milliseconds since the epoch (token expiry, budgets, `Retry-After` dates). Default `Date.now`. */
  now?: () => number;
  /** Uniform random in [0, 1) for backoff jitter. Default `Math.random`. */
  random?: () => number;
  /** Waits `ms` (for backoff and polling); must settle early or reject when `signal` aborts. Default `setTimeout`. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  retry?: RetryOptions;
  /** Timeout of one HTTP request, body included. Default 30 000. */
  requestTimeoutMs?: number;
  /** Page size for list loaders (1–100). Default 100. */
  pageSize?: number;
  /** Parallel requests of per-record loaders (addresses, line items). Default 4. */
  concurrency?: number;
  /**
   * The engine's `planSync`, used by `previewSync`. Injected so that this module does not load the
   * WebAssembly itself; the package entry points pass their own.
   */
  planSync?: (input: PlanInput) => SyncPlan;
}

/** Every public method accepts an `AbortSignal`. */
export interface CallOptions {
  signal?: AbortSignal;
}

// --- re-sync: pushing again what failed ------------------------------------------------------------

/** The plan's document sections (`push.bills`, …): the ones whose results carry `synced` (SPEC §3.0). */
export type RepushSection = 'bills' | 'invoices' | 'credit_notes' | 'payment_records';

/** The part of a `SyncPlan` that `pushFailed` reads (its document sections): any plan `previewSync()` returns. */
export interface RepushablePlan {
  push: Pick<Push, RepushSection>;
}

/** `pushFailed` options. */
export interface PushFailedOptions extends CallOptions {
  /** Pushes in flight at once (1–16). Default: the client's `concurrency` (4). */
  concurrency?: number;
  /** Only these sections. Default: all four. */
  sections?: ReadonlyArray<RepushSection>;
}

/** A document `pushFailed` looked at: where it is in the plan and its synced record. */
export interface RepushTarget {
  section: RepushSection;
  monite_id: string;
  /** The synced record pushed (`synced.record_id` of the plan). */
  record_id: string;
}

/** Pushed: the API answered with the record `done` (or `pending`: on its way). */
export interface RepushedRecord extends RepushTarget {
  record: SyncRecord;
}

/** Not pushed. */
export interface RepushFailure extends RepushTarget {
  /**
   * Why: `PushRejectedError` (answered, still `error`: `apiErrors` says why), or the request's error
   * (`ApiError`, `RateLimitError`, `AuthError`, `NetworkError`, `TimeoutError`, `ProtocolError`, the abort reason).
   */
  error: Error;
  /**
   * The push may have been processed even so (no answer, a timeout, a 5xx or 408, an unreadable answer, an
   * abort in flight): it was not sent again — check `getSyncedRecord(record_id)` before pushing it again.
   */
  ambiguous: boolean;
  /** The record as the API answered (for `PushRejectedError`), else null. */
  record: SyncRecord | null;
}

/** Not sent: still not eligible (its `errors` say why), or the signal aborted before its turn. */
export interface RepushSkip {
  section: RepushSection;
  monite_id: string;
  record_id: string | null;
  reason: 'not_eligible' | 'aborted';
  errors: Issue[];
}

/**
 * What `pushFailed` did, per document whose last push failed (`last_push_failed`), in plan order: each is in
 * exactly one of `pushed`, `failed`, `skipped`.
 */
export interface PushFailedReport {
  pushed: RepushedRecord[];
  failed: RepushFailure[];
  skipped: RepushSkip[];
  /** The signal aborted while the helper ran (what was not sent is `skipped` with reason `aborted`). */
  aborted: boolean;
}
