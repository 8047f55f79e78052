/**
 * The errors the API client throws. Every one extends `LedgerbridgeError` (so `err.code` is stable) and
 * carries what a caller needs to act on it — HTTP status, the API's own message, `x-request-id` — and
 * never a token or the client secret: messages are built only from the method, the path, the status and
 * the API's message (with any known secret redacted), never from request headers or the body of
 * `POST /auth/token`.
 *
 * ```ts
 * try { await client.connect() } catch (e) {
 *   if (e instanceof AlreadyConnectedError) ask(`Replace the ${e.platform} connection?`);
 *   else if (e instanceof ApiError) report(e.status, e.apiMessage, e.requestId);
 * }
 * ```
 * @module
 */
import { LedgerbridgeError } from '../errors.js';

/** Where a failed HTTP call went, shared by the errors below. */
export interface RequestInfo {
  /** HTTP method, e.g. `GET`. */
  method: string;
  /** Path below the base URL, without the query string, e.g. `/accounting_connections`. */
  path: string;
}

/** One entry of a 422 `HTTPValidationError.detail`, without the `input` the API may echo. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** Details of an HTTP answer that was not a success. */
export interface ApiErrorInit extends RequestInfo {
  status: number;
  /** `error.message` of an `ErrorSchemaResponse`, or the 422 `detail` entries as text; null when absent. */
  apiMessage: string | null;
  /** The 422 `detail` entries (`loc`, `msg`, `type` only); empty otherwise. */
  details?: ValidationIssue[];
  /** The `x-request-id` response header, for Monite support; null when absent. */
  requestId: string | null;
  /** How many times the request was sent. */
  attempts: number;
  /** Appended to the message (e.g. why a create was not retried). */
  note?: string;
}

function describeAnswer(init: ApiErrorInit): string {
  const said = init.apiMessage ? `: ${init.apiMessage}` : '';
  const id = init.requestId ? ` (x-request-id ${init.requestId})` : '';
  const note = init.note ? ` — ${init.note}` : '';
  return `${init.method} ${init.path} failed with HTTP ${init.status}${said}${id}${note}`;
}

/** The API answered with an error status (after any retries). */
export class ApiError extends LedgerbridgeError {
  readonly status: number;
  readonly apiMessage: string | null;
  readonly details: ValidationIssue[];
  readonly requestId: string | null;
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  constructor(init: ApiErrorInit, code = 'api_error') {
    super(describeAnswer(init), code);
    this.name = 'ApiError';
    this.status = init.status;
    this.apiMessage = init.apiMessage;
    this.details = init.details ?? [];
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
  }
}

/** HTTP 429 that was not retried further (attempts or time budget used up, or `Retry-After` too far away). */
export class RateLimitError extends ApiError {
  /** What `Retry-After` asked for, in milliseconds from when the answer arrived; null when absent. */
  readonly retryAfterMs: number | null;
  constructor(init: ApiErrorInit & { retryAfterMs: number | null }) {
    super(init, 'rate_limited');
    this.name = 'RateLimitError';
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Why authentication failed, as `AuthError.code`. */
export type AuthErrorCode =
  | 'unauthorized'
  | 'token_request_failed'
  | 'invalid_token_response'
  | 'missing_credentials'
  | 'client_credentials_in_browser';

/**
 * No usable token: `POST /auth/token` refused the credentials, the caller's `fetchToken()` failed or
 * returned no token, the API answered 401 again after one fresh token, or client credentials were given
 * in a browser. `status` and `requestId` are set when an HTTP answer caused it.
 */
export class AuthError extends LedgerbridgeError {
  declare readonly code: AuthErrorCode;
  readonly status: number | null;
  readonly apiMessage: string | null;
  readonly requestId: string | null;
  readonly method: string | null;
  readonly path: string | null;
  constructor(
    message: string,
    code: AuthErrorCode,
    init: Partial<Pick<ApiErrorInit, 'status' | 'apiMessage' | 'requestId' | 'method' | 'path'>> = {},
  ) {
    super(message, code);
    this.name = 'AuthError';
    this.status = init.status ?? null;
    this.apiMessage = init.apiMessage ?? null;
    this.requestId = init.requestId ?? null;
    this.method = init.method ?? null;
    this.path = init.path ?? null;
  }
}

/** What ran out of time, as `TimeoutError.kind`. */
export type TimeoutKind = 'request' | 'total' | 'wait';

/**
 * Out of time: one HTTP request (`requestTimeoutMs`), the whole call with its retries
 * (`retry.totalTimeoutMs`), or `waitUntilConnected`'s `timeoutMs`.
 */
export class TimeoutError extends LedgerbridgeError {
  readonly kind: TimeoutKind;
  readonly timeoutMs: number;
  readonly method: string | null;
  readonly path: string | null;
  readonly attempts: number;
  constructor(message: string, init: { kind: TimeoutKind; timeoutMs: number; method?: string; path?: string; attempts?: number }) {
    super(message, 'timeout');
    this.name = 'TimeoutError';
    this.kind = init.kind;
    this.timeoutMs = init.timeoutMs;
    this.method = init.method ?? null;
    this.path = init.path ?? null;
    this.attempts = init.attempts ?? 0;
  }
}

/**
 * The request got no HTTP answer (`fetch` rejected: DNS, refused or dropped connection, TLS). The
 * original error is summarised in the message and `causeCode` (e.g. `ECONNRESET`), not attached, so that
 * nothing from the request can leak through it.
 */
export class NetworkError extends LedgerbridgeError {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  /** The system error code of the failure when the runtime gave one (`ECONNREFUSED`, …); else null. */
  readonly causeCode: string | null;
  constructor(message: string, init: RequestInfo & { attempts: number; causeCode: string | null }) {
    super(message, 'network_error');
    this.name = 'NetworkError';
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
    this.causeCode = init.causeCode;
  }
}

/** `connect()` found a connection that is `connected` or `pending_auth`, and `replace` was not set. */
export class AlreadyConnectedError extends LedgerbridgeError {
  /** The connected platform (`xero`, `quickbooks_online`, …); null while a connection is still `pending_auth`. */
  readonly platform: string | null;
  readonly connectionId: string;
  readonly status: string;
  constructor(connection: { id: string; platform?: string | null; status?: string | null }) {
    const status = connection.status ?? 'connected';
    const what =
      status === 'pending_auth'
        ? `a connection waiting for authorization (${connection.id})`
        : `a connection to ${connection.platform ?? 'an accounting system'} (${connection.id})`;
    super(
      `the entity already has ${what}; an entity can connect only one accounting system — pass { replace: true } to disconnect it first`,
      'already_connected',
    );
    this.name = 'AlreadyConnectedError';
    this.platform = connection.platform ?? null;
    this.connectionId = connection.id;
    this.status = status;
  }
}

/** `waitUntilConnected()` saw the connection end as `deauthorized` or `disconnected` instead of `connected`. */
export class ConnectionFailedError extends LedgerbridgeError {
  readonly connectionId: string;
  readonly status: 'deauthorized' | 'disconnected';
  readonly platform: string | null;
  /** `errors[].message` of the connection, when the API gave any. */
  readonly apiMessages: string[];
  constructor(connectionId: string, status: 'deauthorized' | 'disconnected', platform: string | null, apiMessages: string[]) {
    const said = apiMessages.length > 0 ? `: ${apiMessages.join('; ')}` : '';
    super(`accounting connection ${connectionId} is ${status}${said}`, 'connection_failed');
    this.name = 'ConnectionFailedError';
    this.connectionId = connectionId;
    this.status = status;
    this.platform = platform;
    this.apiMessages = apiMessages;
  }
}

/**
 * A success answer the client cannot use: a body that is not JSON, one that does not have the documented
 * shape the client relies on (the message names the schema and the first field that is wrong: a connection
 * without `id`, a `status` outside `ConnectionStatus`, a list without a `data` array, …), or a pagination
 * token that repeats (which would loop forever). Thrown at once, never retried: the request was processed.
 */
export class ProtocolError extends LedgerbridgeError {
  readonly method: string;
  readonly path: string;
  readonly requestId: string | null;
  /** The HTTP status of the answer, when one caused it. */
  readonly status: number | null;
  constructor(message: string, init: RequestInfo & { requestId?: string | null; status?: number }) {
    super(`${init.method} ${init.path}: ${message}${init.requestId ? ` (x-request-id ${init.requestId})` : ''}`, 'protocol_error');
    this.name = 'ProtocolError';
    this.method = init.method;
    this.path = init.path;
    this.requestId = init.requestId ?? null;
    this.status = init.status ?? null;
  }
}

/**
 * `POST /accounting_synced_records/{id}/push` was answered, but the synced record is still `error`: the
 * accounting system (or Monite's re-check) rejected the document again. `apiErrors` is the record's `errors`
 * object as the API gave it; the message flattens it (`key: value`, keys sorted).
 */
export class PushRejectedError extends LedgerbridgeError {
  readonly recordId: string;
  readonly apiErrors: Record<string, unknown>;
  constructor(recordId: string, apiErrors: Record<string, unknown> | null | undefined) {
    const errors = apiErrors && typeof apiErrors === 'object' ? apiErrors : {};
    const text = Object.keys(errors)
      .sort()
      .map((key) => `${key}: ${typeof errors[key] === 'string' ? errors[key] : JSON.stringify(errors[key])}`)
      .join('; ');
    super(`synced record ${recordId} was pushed again and is still in error${text ? ` (${text})` : ''}`, 'push_rejected');
    this.name = 'PushRejectedError';
    this.recordId = recordId;
    this.apiErrors = errors;
  }
}

/** The reason an aborted signal carries, or a standard `AbortError` when it carries none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
