// Fault injection, switchable per test: delays, 5xx bursts, rate limiting (429 + Retry-After in either of its
// two forms), dropped connections (before or after the request was processed), token expiry, and pushes to the
// accounting system that fail (`pushFailures`, applied by a sync and by `POST …/push`, not to HTTP requests).
// Request faults apply to the API (`/v1/…`) only, never to the connection page.

/**
 * Which requests a fault applies to. `path` is a path with or without the `/v1` prefix, may use `{name}`
 * placeholders (`/accounting_connections/{id}`), or is a RegExp tested against the full path.
 * @typedef {object} Match
 * @property {string | RegExp} [path]
 * @property {string} [method]
 */

/**
 * @typedef {Match & { ms: number, count?: number, afterProcessing?: boolean }} DelayFault
 *   `afterProcessing`: the request is handled at once and only the response is held back.
 * @typedef {Match & { count?: number, status?: number, message?: string }} FailFault
 *   The next `count` (default 1) matching requests answer `status` (default 500) without being processed.
 * @typedef {Match & { count?: number, retryAfter?: 'seconds' | 'http-date', seconds?: number,
 *   limit?: number, windowMs?: number }} RateLimitFault
 *   Either a burst — the next `count` (default 1) matching requests answer 429 — or, with `limit`, a sliding
 *   window: more than `limit` requests within `windowMs` (default 1000) answer 429. `Retry-After` is
 *   `seconds` (default 1) as a number of seconds, or as an HTTP date when `retryAfter: 'http-date'`.
 * @typedef {Match & { count?: number, afterProcessing?: boolean }} DropFault
 *   The next `count` (default 1) matching requests get their socket destroyed without a response; with
 *   `afterProcessing` the request is handled first (state changes happen, e.g. a connection is created).
 * @typedef {object} PushFailureFault
 *   Pushes of documents (bills, receivables, payment records) that the accounting system rejects, in a sync and
 *   in `POST /accounting_synced_records/{id}/push`. A push fails when its Monite object id is in `ids`, or, with
 *   `share` (0..1), when it is one of that share of the pushes considered since the fault was set, spread evenly
 *   and deterministically (share 0.5: the 2nd, 4th, … push fails; 1: every push). At most `count` pushes fail
 *   (default: no limit), then the fault clears. The failed record gets `errors: { code, message, path: "" }`.
 * @property {number} [share]
 * @property {string[]} [ids]
 * @property {number} [count]
 * @property {string} [code]      default `push_rejected`
 * @property {string} [message]   default: a message saying the accounting system rejected the document
 * @typedef {object} FaultSettings
 * @property {number | DelayFault | null} [delayMs]   a number delays every API request by that many ms
 * @property {FailFault | null} [fail5xx]
 * @property {RateLimitFault | null} [rateLimit]
 * @property {DropFault | null} [dropConnection]
 * @property {PushFailureFault | null} [pushFailures]
 * @property {boolean} [expireTokens]   true: expire every token issued so far, now
 */

export const PUSH_FAILURE_CODE = 'push_rejected';
const PUSH_FAILURE_MESSAGE = 'The accounting system rejected the document (simulated push failure)';

/** @typedef {'delayMs' | 'fail5xx' | 'rateLimit' | 'dropConnection'} FaultKind */
const KINDS = /** @type {const} */ (['delayMs', 'fail5xx', 'rateLimit', 'dropConnection']);

/**
 * @param {object} options
 * @param {() => number} options.now
 * @param {() => void} options.expireTokens
 */
export function createFaults({ now, expireTokens }) {
  /** @type {Partial<Record<FaultKind, any>>} */
  let active = {};
  /** @type {number[]} times of the requests counted by a sliding-window rate limit */
  let window = [];
  /** @type {(Required<Pick<PushFailureFault, 'count' | 'code' | 'message'>> & { share?: number, ids: Set<string>, seen: number }) | null} */
  let pushFailures = null;

  const faults = {
    /**
     * Sets some faults; keys not given keep their setting, a key set to null (or undefined) clears it.
     * @param {FaultSettings} settings
     */
    set(settings) {
      for (const [key, entry] of Object.entries(settings ?? {})) {
        const value = /** @type {any} */ (entry);
        if (key === 'expireTokens') {
          if (value) expireTokens();
          continue;
        }
        if (key === 'pushFailures') {
          if (value === null || value === undefined || value === false) pushFailures = null;
          else pushFailures = pushFailureFault(value);
          continue;
        }
        if (!(/** @type {readonly string[]} */ (KINDS).includes(key))) throw new TypeError(`unknown fault: ${key}`);
        const kind = /** @type {FaultKind} */ (key);
        if (value === null || value === undefined || value === false) {
          delete active[kind];
          continue;
        }
        if (kind === 'delayMs') {
          active.delayMs = typeof value === 'number' ? { ms: value, count: Infinity } : { count: Infinity, ...value };
        } else {
          const fault = { ...value };
          if (kind === 'rateLimit' && fault.limit !== undefined) fault.count = Infinity;
          active[kind] = { count: 1, ...fault };
          if (kind === 'rateLimit') window = [];
        }
      }
      return faults;
    },
    /** Clears every fault. */
    clear() {
      active = {};
      window = [];
      pushFailures = null;
      return faults;
    },
    /** Expires every token issued so far. */
    expireTokens() {
      expireTokens();
      return faults;
    },
    /** The faults in force (a copy; remaining counts included). */
    get current() {
      const current = structuredClone(active);
      if (pushFailures) {
        const { ids, seen, ...rest } = pushFailures;
        return { ...current, pushFailures: { ...rest, ids: [...ids], seen } };
      }
      return current;
    },
    /**
     * Whether the push of one document fails (internal to the store): the `errors` object it records, or null.
     * Consumes one use of the fault when it fails.
     * @param {string} objectId  the Monite object id
     * @returns {{ code: string, message: string, path: string } | null}
     */
    takePushFailure(objectId) {
      const fault = pushFailures;
      if (!fault) return null;
      let fails = fault.ids.has(objectId);
      if (fault.share !== undefined) {
        const k = fault.seen;
        fault.seen += 1;
        if (Math.floor((k + 1) * fault.share + 1e-9) > Math.floor(k * fault.share + 1e-9)) fails = true;
      }
      if (!fails) return null;
      fault.count -= 1;
      if (fault.count <= 0) pushFailures = null;
      return { code: fault.code, message: fault.message, path: '' };
    },
    /**
     * Consumes one use of a fault if it applies to this request (internal to the server).
     * @param {FaultKind} kind @param {string} method @param {string} path
     * @returns {any | null} the fault's settings, or null
     */
    take(kind, method, path) {
      const fault = active[kind];
      if (!fault || !matches(fault, method, path)) return null;
      if (kind === 'rateLimit' && fault.limit !== undefined) {
        const t = now();
        const span = fault.windowMs ?? 1000;
        window = window.filter((at) => at > t - span);
        if (window.length < fault.limit) {
          window.push(t);
          return null;
        }
        return { ...fault, seconds: fault.seconds ?? Math.max(1, Math.ceil((window[0] + span - t) / 1000)) };
      }
      fault.count -= 1;
      if (fault.count <= 0) delete active[kind];
      return fault;
    },
  };
  return faults;
}

/** @param {PushFailureFault} value */
function pushFailureFault(value) {
  if (typeof value !== 'object') throw new TypeError('pushFailures must be { share?, ids?, count?, code?, message? }');
  const { share, ids, count = Infinity, code = PUSH_FAILURE_CODE, message = PUSH_FAILURE_MESSAGE } = value;
  if (share !== undefined && !(typeof share === 'number' && share >= 0 && share <= 1)) throw new TypeError('pushFailures.share must be a number from 0 to 1');
  if (ids !== undefined && !Array.isArray(ids)) throw new TypeError('pushFailures.ids must be an array of Monite object ids');
  if (share === undefined && ids === undefined) throw new TypeError('pushFailures needs share or ids');
  return { ...(share === undefined ? {} : { share }), ids: new Set(ids ?? []), count, code, message, seen: 0 };
}

/** @param {Match} fault @param {string} method @param {string} path */
function matches(fault, method, path) {
  if (fault.method && fault.method.toUpperCase() !== method) return false;
  if (fault.path === undefined) return true;
  if (fault.path instanceof RegExp) return fault.path.test(path);
  const pattern = fault.path.startsWith('/v1/') || fault.path === '/v1' ? fault.path : `/v1${fault.path}`;
  const regex = new RegExp(`^${pattern.split(/\{[^/}]+\}/).map(escape).join('[^/]+')}/?$`);
  return regex.test(path);
}

/** @param {string} text */
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The `Retry-After` value of a rate-limit fault: seconds, or an HTTP date at least that far ahead.
 * @param {{ retryAfter?: string, seconds?: number }} fault @param {number} nowMs
 */
export function retryAfterValue(fault, nowMs) {
  const seconds = fault.seconds ?? 1;
  if (fault.retryAfter === 'http-date') return new Date(Math.ceil((nowMs + seconds * 1000) / 1000) * 1000).toUTCString();
  return String(seconds);
}

/** @typedef {ReturnType<typeof createFaults>} Faults */
