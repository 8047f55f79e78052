// A stateful local simulator of the Monite Partner API's accounting surface (version 2024-05-25), for tests
// and the demo. Plain `node:http`, in memory, loopback only. See sim/README.md for the endpoints and for the
// decisions taken where the API document is silent.
//
//   import { startSimulator } from './sim/server.mjs';
//   const sim = await startSimulator();
//   const client = createClient({ baseUrl: `${sim.url}v1`, ...sim.credentials });
//   ...
//   await sim.close();
import { createServer } from 'node:http';
import { admit, API_VERSION } from './admission.mjs';
import { createAuth } from './auth.mjs';
import { normalizeClock } from './clock.mjs';
import { createConnectPages } from './connect-page.mjs';
import { createCounters } from './counters.mjs';
import { createFaults, retryAfterValue } from './faults.mjs';
import { cors, MAX_BODY_BYTES, preflight, readBody } from './http.mjs';
import { createIds } from './ids.mjs';
import { listSpec } from './lists.mjs';
import { apiError, write } from './respond.mjs';
import { createRouter } from './router.mjs';
import { accountingRoutes } from './routes/accounting.mjs';
import { authRoutes } from './routes/auth.mjs';
import { connectionRoutes } from './routes/connections.mjs';
import { moniteRoutes } from './routes/monite.mjs';
import { syncedRecordRoutes } from './routes/synced-records.mjs';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_ENTITY_ID,
  DEFAULT_ENTITY_USER_ID,
  defaultData,
  entityIdOf,
} from './seed.mjs';
import { createStore } from './store.mjs';

export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_CONNECTION_ID, DEFAULT_ENTITY_ID, DEFAULT_ENTITY_USER_ID, defaultData } from './seed.mjs';
export { loadSample, sampleGenerator } from './seed.mjs';

export { API_VERSION } from './admission.mjs';

/**
 * @typedef {object} SimulatorOptions
 * @property {number} [port]                 0 (default) picks a free port
 * @property {string} [host]                 a loopback address only (default 127.0.0.1)
 * @property {number | string} [seed]        makes ids, tokens and request ids reproducible
 * @property {any} [data]                    a PlanInput (SPEC §8) for the main entity; default: `defaultData()`
 * @property {string} [entityId]             the main entity's id; default: the data's `entity_id`, else DEFAULT_ENTITY_ID
 * @property {Record<string, any>} [entities]   more entities: id → PlanInput
 * @property {boolean} [seedConnection]      load `data.monite.connection` as the entity's connection (default true)
 * @property {boolean} [seedSync]            run a sync at start for a seeded `connected` connection (default false:
 *   the entity starts as before its first sync, so a first preview is a first-sync preview)
 * @property {import('./clock.mjs').ClockOption} [clock]
 * @property {number} [tokenTtlSeconds]      default 1800
 * @property {import('./lists.mjs').PageSizeOption} [pageSize]   default page sizes (when a request sends no `limit`)
 * @property {string} [clientId]             accepted partner credentials (defaults: DEFAULT_CLIENT_ID / _SECRET)
 * @property {string} [clientSecret]
 * @property {Record<string, string>} [entityUsers]   entity user id → entity id, for the `entity_user` grant
 *   (default: DEFAULT_ENTITY_USER_ID → the main entity)
 * @property {number} [syncDurationMs]       synced records read `pending` this long after a sync (default 0)
 */

/**
 * @typedef {object} Simulator
 * @property {string} url        `http://127.0.0.1:PORT/` — the API is under `${url}v1`
 * @property {string} apiUrl     `${url}v1`, the client's base URL
 * @property {{ clientId: string, clientSecret: string, entityId: string, entityUserId: string }} credentials
 * @property {() => Promise<void>} close
 * @property {SimulatorState} state
 * @property {import('./faults.mjs').Faults} faults
 * @property {import('./counters.mjs').Counters} counters
 * @property {() => void} reset  back to the seeded state: data, connections, tokens, faults and counters
 */

/**
 * @typedef {object} SimulatorState
 * @property {string} entityId
 * @property {() => string[]} entityIds
 * @property {(entityId?: string) => any[]} connections     AccountingConnectionResponse views
 * @property {(id: string) => any} connection
 * @property {(id: string, platform?: 'quickbooks' | 'xero') => any} authorize   what the page's Authorize does
 * @property {(id: string) => any} deny                     what the page's Deny does
 * @property {(entityId?: string) => any[]} syncedRecords   SyncRecordResource views
 * @property {(entityId?: string) => { counterparts: any[], products: any[] }} accounting
 *   the accounting side no endpoint serves (PlanInput `accounting.counterparts` / `products`), as the last sync left it
 * @property {(collection: import('./store.mjs').AccountingCollection, id: string, name: string, entityId?: string) => any} renameAccounting
 *   renames an accounting record (drift after a sync)
 * @property {(collection: import('./store.mjs').AccountingCollection, id: string, patch: Record<string, any>, entityId?: string) => any} updateAccounting
 *   patches an accounting record (`address` merged), e.g. `{ address: { country: 'FR' } }`
 * @property {(collection: import('./store.mjs').AccountingCollection, id: string, entityId?: string) => any} deleteAccounting
 *   deletes an accounting record (a link to it goes missing)
 * @property {(entityId?: string) => any} planInput        the PlanInput a sync of the entity would be planned with now
 * @property {(entityId?: string) => import('./sync.mjs').SyncReport | undefined} lastSync   counts of the entity's last sync
 * @property {(entityId?: string) => import('./sync.mjs').SyncReport | undefined} sync
 *   what `POST /accounting_connections/{id}/sync` does, for the entity's connected connection (Error if none)
 * @property {(entityId: string, data: any) => void} addEntity
 * @property {(collection: import('./store.mjs').Collection, records: any[], entityId?: string) => void} addRecords
 *   appends records (PlanInput shapes) to an entity's collection, e.g. to change data between two page requests
 * @property {() => number} tokenCount
 * @property {() => import('./store.mjs').Store} store      the raw store (advanced)
 */

/**
 * Starts the simulator and resolves once it listens.
 * @param {SimulatorOptions} [options]
 * @returns {Promise<Simulator>}
 */
export async function startSimulator(options = {}) {
  const {
    port = 0,
    host = '127.0.0.1',
    seed,
    tokenTtlSeconds = 1800,
    pageSize,
    clientId = DEFAULT_CLIENT_ID,
    clientSecret = DEFAULT_CLIENT_SECRET,
    seedConnection = true,
    seedSync = false,
    syncDurationMs = 0,
  } = options;
  if (!isLoopback(host)) throw new Error(`the simulator listens on loopback only, not on ${host}`);
  const now = normalizeClock(options.clock);
  const data = options.data ?? defaultData();
  const entityId = options.entityId ?? entityIdOf(data) ?? DEFAULT_ENTITY_ID;
  const entityUsers = options.entityUsers ?? { [DEFAULT_ENTITY_USER_ID]: entityId };
  const counters = createCounters();

  /** Everything `reset()` rebuilds. */
  function build() {
    const ids = createIds(seed);
    const store = createStore({ now, ids, syncDurationMs, pushFailure: (objectId) => faults.takePushFailure(objectId) });
    const auth = createAuth({ now, ids, ttlSeconds: tokenTtlSeconds, clientId, clientSecret, entityUsers });
    return { ids, store, auth, pages: createConnectPages(store, counters) };
  }
  let current = build();
  const faults = createFaults({ now, expireTokens: () => current.auth.expireAll() });
  const router = createRouter([...authRoutes, ...connectionRoutes, ...syncedRecordRoutes, ...moniteRoutes, ...accountingRoutes]);
  /** @type {Record<string, import('./pagination.mjs').ListSpec>} */
  const specs = {};
  const list = (/** @type {string} */ name) => (specs[name] ??= listSpec(name, pageSize));

  /** @type {Set<{ timer: NodeJS.Timeout, done: () => void }>} */
  const sleepers = new Set();
  const sleep = (/** @type {number} */ ms) =>
    new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          sleepers.delete(entry);
          resolve(undefined);
        }, ms),
        done: () => resolve(undefined),
      };
      sleepers.add(entry);
    });

  function seedEntities() {
    current.store.addEntity(entityId, data, seedConnection, seedSync);
    for (const [id, entityData] of Object.entries(options.entities ?? {})) current.store.addEntity(id, entityData, seedConnection, seedSync);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    const { ids, store, auth, pages } = current;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const path = url.pathname;
    counters.requests[`${method} ${path}`] = (counters.requests[`${method} ${path}`] ?? 0) + 1;
    /** @type {Record<string, string>} */
    const base = { 'x-request-id': ids.uuid(), ...cors(req) };
    const body = await readBody(req);
    if (body === null) return write(res, apiError(413, `Request body larger than ${MAX_BODY_BYTES} bytes`), base);

    if (method === 'OPTIONS' && req.headers['access-control-request-method']) {
      return write(res, { status: 204, headers: preflight(req) }, base);
    }
    const connect = /^\/connect\/([^/]+)\/?$/.exec(path);
    if (connect) return write(res, pages.handle(method, decodeSafe(connect[1]), body), base);
    if (path === '/' && method === 'GET') {
      return write(res, { status: 200, html: `<!doctype html><title>ledgerbridge API simulator</title><p>Monite API simulator (version ${API_VERSION}) — API at <code>/v1</code>.</p>` }, base);
    }
    if (!path.startsWith('/v1/')) return write(res, apiError(404, 'Not Found'), base);

    const found = router.find(method, path.slice(3));
    if (!found) return write(res, apiError(404, 'Not Found'), base);
    if (!('route' in found)) return write(res, apiError(405, 'Method Not Allowed', { allow: found.allowed.join(', ') }), base);
    const { route, params } = found;
    const routeKey = `${method} /v1${route.template}`;
    counters.routes[routeKey] = (counters.routes[routeKey] ?? 0) + 1;

    // Faults, in this order: delay, drop, 429, 5xx. A 429 or 5xx answers without processing the request.
    const delay = faults.take('delayMs', method, path);
    if (delay) counters.faults.delayed += 1;
    if (delay && !delay.afterProcessing) await sleep(delay.ms);
    const drop = faults.take('dropConnection', method, path);
    if (drop && !drop.afterProcessing) {
      counters.faults.dropped += 1;
      return void req.socket.destroy();
    }
    if (!drop) {
      const limited = faults.take('rateLimit', method, path);
      if (limited) {
        counters.faults.rateLimited += 1;
        return write(res, apiError(429, 'Too many requests', { 'retry-after': retryAfterValue(limited, now()) }), base);
      }
      const failure = faults.take('fail5xx', method, path);
      if (failure) {
        counters.faults.failed += 1;
        const status = failure.status ?? 500;
        return write(res, apiError(status, failure.message ?? 'Internal Server Error'), base);
      }
    }

    let response;
    try {
      const checked = admit({ route, req, rawBody: body, store, auth });
      response = checked.admitted
        ? route.handle({ store, auth, counters, list, params, query: url.searchParams, ...checked.admitted })
        : checked.response;
    } catch (error) {
      console.error('simulator: handler failed:', error);
      response = apiError(500, 'Internal Server Error');
    }
    if (delay?.afterProcessing) await sleep(delay.ms);
    if (drop) {
      counters.faults.dropped += 1;
      return void req.socket.destroy();
    }
    write(res, response, base);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('simulator: request failed:', error);
      if (!res.headersSent) write(res, apiError(500, 'Internal Server Error'), {});
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const hostPart = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  const url = `http://${hostPart}:${address.port}/`;
  current.store.setBaseUrl(url);
  seedEntities();

  /** @type {SimulatorState} */
  const state = {
    entityId,
    entityIds: () => [...current.store.entities.keys()],
    connections: (id = entityId) => current.store.connectionsOf(id).map(current.store.connectionView),
    connection(id) {
      const c = current.store.connections.get(id);
      return c && current.store.connectionView(c);
    },
    authorize(id, platform = 'quickbooks') {
      const c = pendingConnection(id);
      current.store.decide(c, 'authorize', platform);
      counters.syncs += 1;
      return current.store.connectionView(c);
    },
    deny(id) {
      const c = pendingConnection(id);
      current.store.decide(c, 'deny');
      return current.store.connectionView(c);
    },
    syncedRecords: (id = entityId) =>
      [...current.store.syncedRecords.values()].filter((r) => r.entityId === id).map(current.store.syncedRecordView),
    accounting(id = entityId) {
      return structuredClone(entityOf(id).accounting);
    },
    renameAccounting: (collection, id, name, entity = entityId) => current.store.updateAccounting(entity, collection, id, { name }),
    updateAccounting: (collection, id, patch, entity = entityId) => current.store.updateAccounting(entity, collection, id, patch),
    deleteAccounting: (collection, id, entity = entityId) => current.store.deleteAccounting(entity, collection, id),
    planInput(id = entityId) {
      const all = current.store.connectionsOf(id);
      const connection = all.find((c) => c.status === 'connected') ?? all.find((c) => c.status === 'pending_auth');
      return current.store.planInput(entityOf(id), connection);
    },
    lastSync: (id = entityId) => structuredClone(entityOf(id).lastSync),
    sync(id = entityId) {
      const connection = current.store.connectionsOf(id).find((c) => c.status === 'connected');
      if (!connection) throw new Error(`entity ${id} has no connected accounting connection`);
      const report = current.store.sync(connection);
      counters.syncs += 1;
      return structuredClone(report);
    },
    addEntity(id, entityData) {
      current.store.addEntity(id, entityData, seedConnection, seedSync);
    },
    addRecords(collection, records, id = entityId) {
      current.store.addRecords(entityOf(id), collection, records);
    },
    tokenCount: () => current.auth.size,
    store: () => current.store,
  };

  /** @param {string} id */
  function entityOf(id) {
    const entity = current.store.entities.get(id);
    if (!entity) throw new Error(`no entity ${id}`);
    return entity;
  }

  /** @param {string} id */
  function pendingConnection(id) {
    const c = current.store.connections.get(id);
    if (!c) throw new Error(`no connection ${id}`);
    if (c.status !== 'pending_auth') throw new Error(`connection ${id} is ${c.status}, not pending_auth`);
    return c;
  }

  return {
    url,
    apiUrl: `${url}v1`,
    credentials: { clientId, clientSecret, entityId, entityUserId: Object.keys(entityUsers)[0] ?? DEFAULT_ENTITY_USER_ID },
    state,
    faults,
    counters,
    reset() {
      current = build();
      current.store.setBaseUrl(url);
      seedEntities();
      faults.clear();
      counters.reset();
    },
    close() {
      for (const entry of sleepers) {
        clearTimeout(entry.timer);
        entry.done();
      }
      sleepers.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** @param {string} host */
function isLoopback(host) {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** @param {string} text */
function decodeSafe(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
