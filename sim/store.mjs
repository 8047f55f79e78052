// The simulator's in-memory state: per-entity data (served read-only by the Monite endpoints), accounting
// connections, and synced records. Everything that changes state goes through here, so the HTTP routes, the
// connection page and the test helpers (`sim.state`) share one set of rules.
import { isoTime } from './clock.mjs';
import { SEQ } from './pagination.mjs';

/**
 * @typedef {object} EntityData
 * @property {string} id
 * @property {any[]} counterparts     CounterpartResponse, without their `addresses`
 * @property {Map<string, any[]>} addresses   counterpart id → CounterpartAddressResponseWithCounterpartID[]
 * @property {any[]} products
 * @property {any[]} payables         PayableResponseSchema, without their `line_items`
 * @property {Map<string, any[]>} lineItems   payable id → LineItemResponse[]
 * @property {any[]} receivables
 * @property {any[]} paymentRecords
 * @property {any[]} taxRates
 * @property {any[]} ledgerAccounts
 * @property {any} settings           SettingsResponse
 */

/**
 * @typedef {'pending_auth' | 'connected' | 'disconnected' | 'deauthorized'} ConnectionStatus
 * @typedef {object} Connection
 * @property {string} id
 * @property {string} entityId
 * @property {number} createdAt
 * @property {number} updatedAt
 * @property {ConnectionStatus} status
 * @property {string | undefined} platform
 * @property {number | undefined} lastPull
 * @property {{ message: string }[]} errors
 * @property {string} nonce       the connection page's form token (a stand-in for OAuth `state`)
 */

/**
 * @typedef {object} SyncedRecord
 * @property {string} id
 * @property {string} entityId
 * @property {string} connectionId
 * @property {string} objectType
 * @property {string} objectId
 * @property {string | undefined} objectUpdatedAt
 * @property {string} platform
 * @property {string} platformObjectId
 * @property {string} providerObjectId
 * @property {number} createdAt
 * @property {number} updatedAt
 * @property {number} lastPulledAt
 * @property {number} pendingUntil   before this time the record reads `pending`
 * @property {'done' | 'error'} outcome
 * @property {Record<string, unknown>} errors
 */

/**
 * The collections a PlanInput can seed (the `monite.*` lists and `accounting.tax_rates` / `ledger_accounts`).
 * @typedef {'counterparts' | 'products' | 'payables' | 'receivables' | 'payment_records' | 'tax_rates' | 'ledger_accounts'} Collection
 */

/** The accounting platforms the connection page offers (values of the document's `Platform` enum). */
export const PLATFORMS = /** @type {const} */ (['quickbooks', 'xero']);

/**
 * @param {object} options
 * @param {() => number} options.now
 * @param {import('./ids.mjs').IdSource} options.ids
 * @param {number} options.syncDurationMs   how long synced records stay `pending` after a sync
 */
export function createStore({ now, ids, syncDurationMs }) {
  /** @type {Map<string, EntityData>} */
  const entities = new Map();
  /** @type {Map<string, Connection>} */
  const connections = new Map();
  /** @type {Map<string, SyncedRecord>} */
  const syncedRecords = new Map();
  let seq = 0;
  let platformIds = 0;
  /** Base URL of the running server (`http://127.0.0.1:PORT/`), set once it listens. */
  let baseUrl = '';

  /** @template {object} T @param {T} record @returns {T} */
  const sequenced = (record) => Object.assign(record, { [SEQ]: seq++ });

  /**
   * Loads one entity's PlanInput (SPEC §8): `monite.*` for the Monite endpoints, `accounting.tax_rates` and
   * `accounting.ledger_accounts` for theirs, and `monite.connection` (when `withConnection`) as its connection.
   * @param {string} entityId @param {any} data @param {boolean} withConnection
   */
  function addEntity(entityId, data, withConnection) {
    const monite = data?.monite ?? {};
    const accounting = data?.accounting ?? {};
    /** @type {EntityData} */
    const entity = {
      id: entityId,
      counterparts: [],
      addresses: new Map(),
      products: [],
      payables: [],
      lineItems: new Map(),
      receivables: [],
      paymentRecords: [],
      taxRates: [],
      ledgerAccounts: [],
      settings: monite.settings && typeof monite.settings === 'object' ? structuredClone(monite.settings) : {},
    };
    const sources = {
      counterparts: monite.counterparts,
      products: monite.products,
      payables: monite.payables,
      receivables: monite.receivables,
      payment_records: monite.payment_records,
      tax_rates: accounting.tax_rates,
      ledger_accounts: accounting.ledger_accounts,
    };
    for (const [collection, records] of Object.entries(sources)) {
      if (Array.isArray(records)) addRecords(entity, /** @type {Collection} */ (collection), records);
    }
    entities.set(entityId, entity);
    const seeded = monite.connection;
    if (withConnection && seeded && typeof seeded.id === 'string') {
      const at = (/** @type {unknown} */ value, /** @type {number} */ fallback) =>
        typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : fallback;
      const created = at(seeded.created_at, now());
      /** @type {Connection} */
      const connection = sequenced({
        id: seeded.id,
        entityId,
        createdAt: created,
        updatedAt: at(seeded.updated_at, created),
        status: ['pending_auth', 'connected', 'disconnected', 'deauthorized'].includes(seeded.status) ? seeded.status : 'connected',
        platform: typeof seeded.platform === 'string' ? seeded.platform : undefined,
        lastPull: seeded.last_pull ? at(seeded.last_pull, created) : undefined,
        errors: Array.isArray(seeded.errors) ? structuredClone(seeded.errors) : [],
        nonce: ids.token(16),
      });
      connections.set(connection.id, connection);
      if (connection.status === 'connected') sync(connection, { keepLastPull: true });
    }
    return entity;
  }

  /**
   * Appends records to one of an entity's collections (PlanInput shapes: counterparts may carry `addresses`,
   * payables `line_items`, which go to their own endpoints). Appended records sort after the existing ones.
   * @param {EntityData} entity @param {Collection} collection @param {any[]} records
   */
  function addRecords(entity, collection, records) {
    for (const record of structuredClone(records)) {
      if (collection === 'counterparts') {
        const { addresses, ...rest } = record;
        entity.counterparts.push(sequenced(rest));
        const own = Array.isArray(addresses) ? addresses : [];
        entity.addresses.set(rest.id, own.map((a) => sequenced({ ...a, counterpart_id: a.counterpart_id ?? rest.id })));
      } else if (collection === 'payables') {
        const { line_items: lines, ...rest } = record;
        entity.payables.push(sequenced(rest));
        const own = Array.isArray(lines) ? lines : [];
        entity.lineItems.set(rest.id, own.map((line) => sequenced({ ...line, payable_id: line.payable_id ?? rest.id })));
      } else {
        const key = /** @type {const} */ ({ products: 'products', receivables: 'receivables', payment_records: 'paymentRecords', tax_rates: 'taxRates', ledger_accounts: 'ledgerAccounts' })[collection];
        if (!key) throw new TypeError(`unknown collection: ${collection}`);
        entity[key].push(sequenced(record));
      }
    }
  }

  /** @param {string} entityId */
  function connectionsOf(entityId) {
    return [...connections.values()].filter((c) => c.entityId === entityId);
  }

  /**
   * The connection that blocks a new one: connected or waiting for authorization (one system per entity).
   * @param {string} entityId
   */
  function activeConnection(entityId) {
    return connectionsOf(entityId).find((c) => c.status === 'connected' || c.status === 'pending_auth');
  }

  /** @param {string} entityId @returns {Connection} */
  function createConnection(entityId) {
    const t = now();
    /** @type {Connection} */
    const connection = sequenced({
      id: ids.uuid(),
      entityId,
      createdAt: t,
      updatedAt: t,
      status: /** @type {ConnectionStatus} */ ('pending_auth'),
      platform: undefined,
      lastPull: undefined,
      errors: [],
      nonce: ids.token(16),
    });
    connections.set(connection.id, connection);
    return connection;
  }

  /**
   * The entity user's decision on the connection page. Authorizing connects the chosen platform and runs the
   * initial sync (the guide: data is synchronized once the connection is established).
   * @param {Connection} connection @param {'authorize' | 'deny'} decision @param {string} [platform]
   */
  function decide(connection, decision, platform) {
    connection.updatedAt = now();
    if (decision === 'deny') {
      connection.status = 'deauthorized';
      connection.errors = [{ message: 'The entity user denied access to the accounting system.' }];
      return;
    }
    connection.status = 'connected';
    connection.platform = platform;
    connection.errors = [];
    sync(connection);
  }

  /** @param {Connection} connection */
  function disconnect(connection) {
    connection.status = 'disconnected';
    connection.updatedAt = now();
  }

  /**
   * Pulls and pushes "everything": one synced record per entity object and object type (counterparts as
   * `customer` and/or `vendor`, products, bills, receivables, payment records); an object synced before keeps
   * its record, which is refreshed. Records read `pending` for `syncDurationMs`, then `done`.
   * @param {Connection} connection @param {{ keepLastPull?: boolean }} [options]
   * @returns {number} how many records were created or refreshed
   */
  function sync(connection, options = {}) {
    const entity = entities.get(connection.entityId);
    const t = now();
    if (!options.keepLastPull || connection.lastPull === undefined) connection.lastPull = t;
    connection.updatedAt = Math.max(connection.updatedAt, t);
    if (!entity) return 0;
    /** @type {[string, any][]} */
    const objects = [];
    for (const cp of entity.counterparts) {
      const roles = cp.organization ?? cp.individual ?? {};
      if (roles.is_customer) objects.push(['customer', cp]);
      if (roles.is_vendor) objects.push(['vendor', cp]);
    }
    for (const p of entity.products) objects.push(['product', p]);
    for (const p of entity.payables) objects.push(['bill', p]);
    for (const r of entity.receivables) if (r.type !== 'quote') objects.push(['receivable', r]);
    for (const r of entity.paymentRecords) objects.push(['payment_record', r]);
    const existing = new Map(
      [...syncedRecords.values()]
        .filter((r) => r.entityId === connection.entityId)
        .map((r) => [`${r.objectType}:${r.objectId}`, r]),
    );
    const platform = connection.platform ?? 'quickbooks';
    for (const [objectType, object] of objects) {
      const key = `${objectType}:${object.id}`;
      const found = existing.get(key);
      if (found && found.platform === platform) {
        Object.assign(found, { connectionId: connection.id, updatedAt: t, lastPulledAt: t, pendingUntil: t + syncDurationMs });
        found.objectUpdatedAt = object.updated_at;
        continue;
      }
      platformIds += 1;
      /** @type {SyncedRecord} */
      const record = sequenced({
        id: found?.id ?? ids.uuid(),
        entityId: connection.entityId,
        connectionId: connection.id,
        objectType,
        objectId: object.id,
        objectUpdatedAt: object.updated_at,
        platform,
        platformObjectId: platform === 'xero' ? ids.uuid() : String(100 + platformIds),
        providerObjectId: ids.uuid(),
        createdAt: found?.createdAt ?? t,
        updatedAt: t,
        lastPulledAt: t,
        pendingUntil: t + syncDurationMs,
        outcome: /** @type {'done'} */ ('done'),
        errors: {},
      });
      syncedRecords.set(record.id, record);
    }
    return objects.length;
  }

  /** Manual push of one synced record: it is sent again and reads `done`. @param {SyncedRecord} record */
  function push(record) {
    const t = now();
    Object.assign(record, { updatedAt: t, outcome: 'done', errors: {}, pendingUntil: t });
  }

  /** `AccountingConnectionResponse`. @param {Connection} c */
  function connectionView(c) {
    /** @type {Record<string, unknown>} */
    const view = {
      id: c.id,
      created_at: isoTime(c.createdAt),
      updated_at: isoTime(c.updatedAt),
      connection_url: `${baseUrl}connect/${c.id}`,
      errors: structuredClone(c.errors),
      status: c.status,
    };
    if (c.platform !== undefined) view.platform = c.platform;
    if (c.lastPull !== undefined) view.last_pull = isoTime(c.lastPull);
    return view;
  }

  /** `SyncRecordResource`. @param {SyncedRecord} r */
  function syncedRecordView(r) {
    const pending = now() < r.pendingUntil;
    /** @type {Record<string, unknown>} */
    const view = {
      id: r.id,
      created_at: isoTime(r.createdAt),
      updated_at: isoTime(r.updatedAt),
      errors: pending ? {} : structuredClone(r.errors),
      last_pulled_at: isoTime(r.lastPulledAt),
      object_id: r.objectId,
      object_type: r.objectType,
      platform: r.platform,
      platform_object_id: r.platformObjectId,
      platform_updated_at: isoTime(r.updatedAt),
      provider: 'railz',
      provider_object_id: r.providerObjectId,
      provider_updated_at: isoTime(r.updatedAt),
      sync_status: pending ? 'pending' : r.outcome,
    };
    if (r.objectUpdatedAt !== undefined) view.object_updated_at = r.objectUpdatedAt;
    return view;
  }

  return {
    entities,
    connections,
    syncedRecords,
    addEntity,
    addRecords,
    connectionsOf,
    activeConnection,
    createConnection,
    decide,
    disconnect,
    sync,
    push,
    connectionView,
    syncedRecordView,
    /** @param {string} url */
    setBaseUrl(url) {
      baseUrl = url;
    },
    get baseUrl() {
      return baseUrl;
    },
  };
}

/** @typedef {ReturnType<typeof createStore>} Store */
