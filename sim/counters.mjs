// What crossed the simulator, for assertions such as "exactly one token request" or "created once".

/**
 * @typedef {object} Counters
 * @property {Record<string, number>} requests  `METHOD /path` (the path as requested, without the query) → count,
 *   every request including faulted and rejected ones; e.g. `counters.requests['POST /v1/auth/token']`
 * @property {Record<string, number>} routes    `METHOD /v1/template` → count, for matched API routes
 *   (`GET /v1/accounting_connections/{connection_id}`)
 * @property {number} tokensIssued        successful `POST /v1/auth/token`
 * @property {number} connectionsCreated  connections created (201, or processed before a dropped response)
 * @property {number} syncs               syncs started (202 on `…/sync`, and the initial sync on authorization)
 * @property {number} pushes              synced records pushed
 * @property {{ delayed: number, rateLimited: number, failed: number, dropped: number }} faults
 * @property {(key: string) => number} get   `counters.get('GET /v1/counterparts')`, 0 when never seen
 * @property {number} total               every request
 * @property {() => void} reset
 */

/** @returns {Counters} */
export function createCounters() {
  /** @type {Counters} */
  const counters = {
    requests: {},
    routes: {},
    tokensIssued: 0,
    connectionsCreated: 0,
    syncs: 0,
    pushes: 0,
    faults: { delayed: 0, rateLimited: 0, failed: 0, dropped: 0 },
    get(key) {
      return counters.requests[key] ?? 0;
    },
    get total() {
      return Object.values(counters.requests).reduce((sum, n) => sum + n, 0);
    },
    reset() {
      counters.requests = {};
      counters.routes = {};
      counters.tokensIssued = 0;
      counters.connectionsCreated = 0;
      counters.syncs = 0;
      counters.pushes = 0;
      counters.faults = { delayed: 0, rateLimited: 0, failed: 0, dropped: 0 };
    },
  };
  return counters;
}
