/**
 * The HTTP transport: one `request()` that adds the API's headers, applies the per-request timeout and
 * the caller's `AbortSignal`, retries what may be retried (see `retry.ts`), re-fetches the token once
 * after a 401, and turns every failure into a typed error. Nothing of the request (headers, body) is
 * ever copied into an error.
 * @module
 */
import { linkedController, raceAbort, throwIfAborted } from './abort.js';
import {
  abortReason,
  ApiError,
  AuthError,
  NetworkError,
  ProtocolError,
  RateLimitError,
  TimeoutError,
  type ValidationIssue,
} from './errors.js';
import { backoffMs, isRetryable, parseRetryAfter, type Failure, type Repeatability, type RetryPolicy } from './retry.js';
import type { ResponseShape } from './shapes.js';

/** The API version this client speaks (`x-monite-version`). */
export const API_VERSION = '2024-05-25';

/** Hands out the current bearer token; `invalidate` drops it after a 401 (only if it is still current). */
export interface TokenSource {
  get(signal?: AbortSignal): Promise<string>;
  invalidate(token: string): void;
}

export interface TransportConfig {
  baseUrl: string;
  entityId: string;
  fetch: typeof globalThis.fetch;
  now: () => number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  retry: RetryPolicy;
  requestTimeoutMs: number;
  /** Replaces every known secret (client secret, tokens) in text that goes into an error. */
  redact: (text: string) => string;
}

/** A query value; arrays become repeated keys (`id__in=a&id__in=b`); null/undefined are left out. */
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the base URL, e.g. `/accounting_connections/${id}`; ids must be encoded by the caller. */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body. */
  body?: unknown;
  signal?: AbortSignal;
  /** Default `idempotent`. */
  repeat?: Repeatability;
  /** Send `Authorization` (default true; false for `/auth/token`). */
  auth?: boolean;
  /** For `once` requests: what the caller should check before sending it again (added to the error). */
  checkBeforeRetry?: string;
  /**
   * The documented shape of a 2xx body: `check(body)` returns what is wrong, or null. A body that does not fit
   * (an empty one included) is a `ProtocolError` at once, not retried. The client's own calls all pass one.
   */
  expect?: ResponseShape;
}

export interface HttpResult<T> {
  status: number;
  data: T;
  requestId: string | null;
}

/** Anything that sends requests like `Transport` (the loaders wrap it to bound concurrency). */
export interface Requester {
  request<T>(options: RequestOptions): Promise<HttpResult<T>>;
}

type Outcome =
  | { ok: true; result: HttpResult<unknown> }
  | { ok: false; failure: Failure; error: Error; retryAfterMs: number | null };

/** Longest API message kept in an error (a proxy's HTML page is not a message). */
const MAX_MESSAGE = 1000;

const ONCE_NOTE = 'not retried because the server may already have processed it';

export class Transport implements Requester {
  readonly #config: TransportConfig;
  #tokens: TokenSource | undefined;

  constructor(config: TransportConfig) {
    this.#config = config;
  }

  /** Set once by the client (the token manager itself needs this transport for `/auth/token`). */
  useTokens(tokens: TokenSource): void {
    this.#tokens = tokens;
  }

  get entityId(): string {
    return this.#config.entityId;
  }

  /** Sends the request, with retries; resolves with the parsed JSON body of a 2xx answer. */
  async request<T>(options: RequestOptions): Promise<HttpResult<T>> {
    const { now, retry, random, sleep } = this.#config;
    const repeat = options.repeat ?? 'idempotent';
    const auth = options.auth ?? true;
    const deadline = now() + retry.totalTimeoutMs;
    let sent = 0;
    let counted = 0;
    let reauthorized = false;
    let last: Error | undefined;
    for (;;) {
      throwIfAborted(options.signal);
      const remaining = deadline - now();
      if (remaining <= 0) {
        throw last ?? this.#timeout('total', retry.totalTimeoutMs, options, sent);
      }
      let token: string | null = null;
      if (auth) {
        if (!this.#tokens) throw new AuthError('no token source configured', 'missing_credentials');
        token = await raceAbort(this.#tokens.get(options.signal), options.signal);
      }
      sent += 1;
      counted += 1;
      const outcome = await this.#send(options, token, sent, repeat, remaining);
      if (outcome.ok) return outcome.result as HttpResult<T>;
      last = outcome.error;

      if (auth && token !== null && outcome.failure.kind === 'status' && outcome.failure.status === 401) {
        const answer = outcome.error as ApiError;
        if (!reauthorized) {
          // A 401 proves the request was not processed, so even a create may be sent again — once.
          reauthorized = true;
          counted -= 1;
          this.#tokens?.invalidate(token);
          continue;
        }
        throw new AuthError(
          `${answer.method} ${answer.path} was refused with HTTP 401 even with a freshly fetched token${answer.apiMessage ? `: ${answer.apiMessage}` : ''}`,
          'unauthorized',
          answer,
        );
      }
      if (!isRetryable(outcome.failure, repeat) || counted >= retry.attempts) throw outcome.error;
      const delay = outcome.retryAfterMs ?? backoffMs(counted, retry, random);
      // Retry-After is honoured as given; when it does not fit in the budget, the error surfaces and
      // carries `retryAfterMs` so the caller can come back later.
      if (now() + delay >= deadline) throw outcome.error;
      await raceAbort(sleep(delay, options.signal), options.signal);
    }
  }

  #url(options: RequestOptions): string {
    const base = this.#config.baseUrl.replace(/\/+$/, '');
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const item of value) params.append(key, String(item));
      else params.append(key, String(value));
    }
    const query = params.toString();
    return `${base}${options.path}${query ? `?${query}` : ''}`;
  }

  #headers(options: RequestOptions, token: string | null): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', 'x-monite-version': API_VERSION };
    // Everything outside /auth/* is scoped to the entity.
    if (!options.path.startsWith('/auth/')) headers['x-monite-entity-id'] = this.#config.entityId;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return headers;
  }

  /** One attempt. Throws only the caller's abort reason; every other failure is an `Outcome`. */
  async #send(options: RequestOptions, token: string | null, attempt: number, repeat: Repeatability, remaining: number): Promise<Outcome> {
    const timeoutMs = Math.min(this.#config.requestTimeoutMs, remaining);
    const kind = timeoutMs < this.#config.requestTimeoutMs ? 'total' : 'request';
    const { controller, dispose } = linkedController(options.signal);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(this.#timeout(kind, timeoutMs, options, attempt, repeat));
    }, timeoutMs);
    const init: RequestInit = {
      method: options.method,
      headers: this.#headers(options, token),
      signal: controller.signal,
    };
    if (options.body !== undefined) init.body = JSON.stringify(options.body);
    const lost = (thrown: unknown): Outcome => {
      if (options.signal?.aborted) throw abortReason(options.signal);
      if (timedOut) return { ok: false, failure: { kind: 'timeout' }, error: this.#timeout(kind, timeoutMs, options, attempt, repeat), retryAfterMs: null };
      return { ok: false, failure: { kind: 'network' }, error: this.#network(thrown, options, attempt, repeat), retryAfterMs: null };
    };
    try {
      let response: Response;
      let text: string;
      try {
        // Raced against the signal so that a fetch that ignores it still times out.
        response = await raceAbort(this.#config.fetch(this.#url(options), init), controller.signal);
        text = await raceAbort(response.text(), controller.signal);
      } catch (thrown) {
        return lost(thrown);
      }
      const requestId = response.headers.get('x-request-id');
      if (response.ok) return this.#success(response.status, text, requestId, options);
      const { apiMessage, details } = this.#readError(text);
      const answer = {
        status: response.status,
        apiMessage,
        details,
        requestId,
        method: options.method,
        path: options.path,
        attempts: attempt,
      };
      const failure: Failure = { kind: 'status', status: response.status };
      const note = repeat === 'once' && (response.status >= 500 || response.status === 408) ? onceNote(options) : undefined;
      if (response.status === 429) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.#config.now());
        return { ok: false, failure, error: new RateLimitError({ ...answer, retryAfterMs }), retryAfterMs };
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.#config.now());
      return { ok: false, failure, error: new ApiError({ ...answer, ...(note ? { note } : {}) }), retryAfterMs };
    } finally {
      clearTimeout(timer);
      dispose();
    }
  }

  /** A 2xx: its JSON body, checked against `options.expect`. Not retried: the request was processed. */
  #success(status: number, text: string, requestId: string | null, options: RequestOptions): Outcome {
    const where = { method: options.method, path: options.path, requestId, status };
    let data: unknown;
    if (text.trim() !== '') {
      try {
        data = JSON.parse(text) as unknown;
      } catch {
        throw new ProtocolError(`the HTTP ${status} answer is not JSON`, where);
      }
    }
    const problem = options.expect?.check(data);
    if (problem) {
      const article = /^[AEIOU]/.test(options.expect?.name ?? '') ? 'an' : 'a';
      throw new ProtocolError(`the HTTP ${status} answer is not ${article} ${options.expect?.name}: ${this.#config.redact(clip(problem))}`, where);
    }
    return { ok: true, result: { status, data, requestId } };
  }

  /** `ErrorSchemaResponse.error.message`, or a 422 `HTTPValidationError.detail` as text (never its `input`). */
  #readError(text: string): { apiMessage: string | null; details: ValidationIssue[] } {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { apiMessage: null, details: [] };
    }
    const redact = (value: string): string => clip(this.#config.redact(value));
    if (!isObject(body)) return { apiMessage: null, details: [] };
    const error = body.error;
    if (isObject(error) && typeof error.message === 'string') return { apiMessage: redact(error.message), details: [] };
    if (Array.isArray(body.detail)) {
      const details: ValidationIssue[] = body.detail.filter(isObject).map((entry) => ({
        loc: Array.isArray(entry.loc) ? entry.loc.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number') : [],
        msg: typeof entry.msg === 'string' ? redact(entry.msg) : '',
        type: typeof entry.type === 'string' ? entry.type : '',
      }));
      const apiMessage = details.map((d) => (d.loc.length > 0 ? `${d.loc.join('.')}: ${d.msg}` : d.msg)).join('; ');
      return { apiMessage: apiMessage === '' ? null : clip(apiMessage), details };
    }
    if (typeof body.detail === 'string') return { apiMessage: redact(body.detail), details: [] };
    if (typeof body.message === 'string') return { apiMessage: redact(body.message), details: [] };
    return { apiMessage: null, details: [] };
  }

  #timeout(kind: 'request' | 'total', timeoutMs: number, options: RequestOptions, attempts: number, repeat?: Repeatability): TimeoutError {
    const what = kind === 'request' ? `no answer within ${timeoutMs} ms` : `out of the ${this.#config.retry.totalTimeoutMs} ms budget`;
    const note = repeat === 'once' ? ` — ${onceNote(options)}` : '';
    return new TimeoutError(`${options.method} ${options.path}: ${what}${note}`, {
      kind,
      timeoutMs,
      method: options.method,
      path: options.path,
      attempts,
    });
  }

  #network(thrown: unknown, options: RequestOptions, attempts: number, repeat: Repeatability): NetworkError {
    const { message, code } = summarize(thrown);
    const note = repeat === 'once' ? ` — ${onceNote(options)}` : '';
    return new NetworkError(`${options.method} ${options.path}: no answer (${this.#config.redact(clip(message))})${note}`, {
      method: options.method,
      path: options.path,
      attempts,
      causeCode: code,
    });
  }
}

function onceNote(options: RequestOptions): string {
  return options.checkBeforeRetry ? `${ONCE_NOTE}; ${options.checkBeforeRetry}` : ONCE_NOTE;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

/** The message and system code of a fetch rejection (undici puts the socket error in `cause`). */
function summarize(thrown: unknown): { message: string; code: string | null } {
  if (!(thrown instanceof Error)) return { message: String(thrown), code: null };
  const cause = (thrown as { cause?: unknown }).cause;
  const own = (thrown as { code?: unknown }).code;
  let message = thrown.message || thrown.name;
  let code = typeof own === 'string' ? own : null;
  if (cause instanceof Error) {
    if (cause.message) message = `${message}: ${cause.message}`;
    const causeCode = (cause as { code?: unknown }).code;
    if (typeof causeCode === 'string') code = causeCode;
  }
  return { message, code };
}
