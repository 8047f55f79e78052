/**
 * The retry rules: which failures are retried for which kind of request, how long to wait (exponential
 * backoff with full jitter, or the server's `Retry-After`), and the defaults.
 * @module
 */
import type { RetryOptions } from './types.js';

/** The retry options with every default filled in. */
export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 20_000, totalTimeoutMs: 60_000 };

/** Fills in defaults and rejects nonsense (a negative budget would disable every call). */
export function retryPolicy(options: RetryOptions | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY, ...definedOnly(options ?? {}) };
  for (const [name, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new TypeError(`retry.${name} must be a non-negative number`);
    }
  }
  policy.attempts = Math.max(1, Math.floor(policy.attempts));
  return policy;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * How a request may be repeated:
 * - `idempotent`: repeating it leaves the same state (reads, disconnect, sync, the token): retried on
 *   408, 429, 5xx, network errors and request timeouts.
 * - `once`: the request makes something each time it is processed — `POST /accounting_connections`
 *   creates a connection, `POST /accounting_synced_records/{id}/push` sends a document to the
 *   accounting system — so it is retried only on 429, the one answer that proves it was not processed
 *   (and once after a 401, which proves the same). A 5xx, a 408, a timeout or a dropped connection may
 *   come after the server did the work; sending it again could make a second connection or a duplicate
 *   document in QuickBooks/Xero. Those failures surface to the caller, who can look before retrying.
 */
export type Repeatability = 'idempotent' | 'once';

/** What went wrong in one attempt, as far as retrying is concerned. */
export type Failure = { kind: 'status'; status: number } | { kind: 'network' } | { kind: 'timeout' };

/** Whether `failure` may be retried for a request of kind `repeat`. */
export function isRetryable(failure: Failure, repeat: Repeatability): boolean {
  if (failure.kind === 'status' && failure.status === 429) return true;
  if (repeat === 'once') return false;
  if (failure.kind !== 'status') return true;
  return failure.status === 408 || (failure.status >= 500 && failure.status <= 599);
}

/** Full-jitter backoff before retry number `retry` (1 for the first retry). */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/**
 * `Retry-After` in milliseconds from `now`: delta-seconds (`120`) or an HTTP date
 * (`Wed, 21 Oct 2015 07:28:00 GMT`, which may lie in the past: 0). Null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (text === '') return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
