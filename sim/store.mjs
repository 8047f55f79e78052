// The simulator's in-memory state: per-entity data (served by the Monite endpoints), the entity's accounting
// side (the customers, vendors and items no endpoint serves), accounting connections, and synced records.
// Everything that changes state goes through here, so the HTTP routes, the connection page and the test
// helpers (`sim.state`) share one set of rules. What a sync does is decided by the engine (./sync.mjs).
import { isoTime } from './clock.mjs';
import { isUuid } from './ids.mjs';
import { SEQ } from './pagination.mjs';
import { accountingSide, applyPlan, planSync } from './sync.mjs';

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
 * @property {{ counterparts: any[], products: any[] }} accounting   the accounting system's customers/vendors
 *   and items (PlanInput `accounting.*` shapes): not served, read by the sync, grown by it
 * @property {any} policy             the data's `policy`, used by the sync's plan
 * @property {import('./sync.mjs').SyncReport | undefined} lastSync
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
 * @property {string | undefined} platformObjectId   absent on a failed push
 * @property {string} providerObjectId
 * @property {number} createdAt
 * @property {number} updatedAt
 * @property {number} lastPulledAt
 * @property {number} pendingUntil   before this time the record reads `pending`
 * @property {'done' | 'error'} outcome
 * @property {Record<string, unknown>} errors
 */

/**
 * The collections a PlanInput can seed (the `monite.*` lists, `monite.synced_records` as SyncRecordResource,
 * and `accounting.tax_rates` / `ledger_accounts`).
 * @typedef {'counterparts' | 'products' | 'payables' | 'receivables' | 'payment_records' | 'synced_records' | 'tax_rates' | 'ledger_accounts'} Collection
 */

/** The accounting-side collections `sim.state.accounting()` shows and the drift knobs change. @typedef {'counterparts' | 'products'} AccountingCollection */

/** The document's `ObjectMatchTypes`: the `object_type` values of synced records. */
export const OBJECT_TYPES = ['product', 'customer', 'vendor', 'receivable', 'bill', 'payment_record'];

/** The accounting platforms the connection page offers (values of the document's `Platform` enum). */
export const PLATFORMS = /** @type {const} */ (['quickbooks', 'xero']);

/**
 * @param {object} options
 * @param {() => number} options.now
 * @param {import('./ids.mjs').IdSource} options.ids
 * @param {number} options.syncDurationMs   how long synced records stay `pending` after a sync or a push
 * @param {(objectId: string) => Record<string, unknown> | null} [options.pushFailure]   the `pushFailures` fault
 */
export function createStore({ now, ids, syncDurationMs, pushFailure = () => null }) {
  /** @type {Map<string, EntityData>} */
  const entities = new Map();
  /** @type {Map<string, Connection>} */
  const connections = new Map();
  /** @type {Map<string, SyncedRecord>} */
  const syncedRecords = new Map();
  let seq = 0;
  /** The last numeric id handed out in a QuickBooks-like accounting system (above every seeded numeric id). */
  let platformSeq = 100;
  /** Base URL of the running server (`http://127.0.0.1:PORT/`), set once it listens. */
  let baseUrl = '';

  /** @template {object} T @param {T} record @returns {T} */
  const sequenced = (record) => Object.assign(record, { [SEQ]: seq++ });

  /**
   * Loads one entity's PlanInput (SPEC §8): `monite.*` for the Monite endpoints (`monite.synced_records` as the
   * entity's synced records), `accounting.tax_rates` and `accounting.ledger_accounts` for theirs,
   * `accounting.counterparts` / `products` (and raw QuickBooks/Xero bodies) as the accounting side, `policy` for
   * the sync, and `monite.connection` (when `withConnection`) as its connection — synced at once only with
   * `syncOnSeed` (a seeded entity otherwise starts as before its first sync).
   * @param {string} entityId @param {any} data @param {boolean} withConnection @param {boolean} [syncOnSeed]
   */
  function addEntity(entityId, data, withConnection, syncOnSeed = false) {
    const monite = data?.monite ?? {};
    const accounting = accountingSide(data?.accounting);
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
      accounting: { counterparts: accounting.counterparts, products: accounting.products },
      policy: data?.policy && typeof data.policy === 'object' ? structuredClone(data.policy) : undefined,
      lastSync: undefined,
    };
    for (const record of [...accounting.counterparts, ...accounting.products]) {
      if (/^\d{1,15}$/.test(String(record?.id))) platformSeq = Math.max(platformSeq, Number(record.id));
    }
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
    }
    if (Array.isArray(monite.synced_records)) addRecords(entity, 'synced_records', monite.synced_records);
    const connected = connectionsOf(entityId).find((c) => c.status === 'connected');
    if (connected && syncOnSeed) sync(connected, { keepLastPull: true });
    return entity;
  }

  /**
   * Appends records to one of an entity's collections (PlanInput shapes: counterparts may carry `addresses`,
   * payables `line_items`, which go to their own endpoints). Appended records sort after the existing ones.
   * @param {EntityData} entity @param {Collection} collection @param {any[]} records
   */
  function addRecords(entity, collection, records) {
    for (const record of structuredClone(records)) {
      if (collection === 'synced_records') {
        addSyncedRecord(entity, record);
      } else if (collection === 'counterparts') {
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
   * A seeded synced record (SyncRecordResource): kept as given. One that reads `pending` stays so until the next
   * sync, which finds its push completed (`done`). One of an `object_type` outside the document's
   * `ObjectMatchTypes` is left out: no request of the API can list it.
   * @param {EntityData} entity @param {any} view
   */
  function addSyncedRecord(entity, view) {
    if (!OBJECT_TYPES.includes(view?.object_type)) return;
    const t = now();
    const time = (/** @type {unknown} */ value) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : t);
    const connection = connectionsOf(entity.id)[0];
    /** @type {SyncedRecord} */
    const record = sequenced({
      id: typeof view.id === 'string' ? view.id : ids.uuid(),
      entityId: entity.id,
      connectionId: connection?.id ?? '',
      objectType: String(view.object_type),
      objectId: String(view.object_id),
      objectUpdatedAt: typeof view.object_updated_at === 'string' ? view.object_updated_at : undefined,
      platform: typeof view.platform === 'string' ? view.platform : (connection?.platform ?? 'quickbooks'),
      platformObjectId: typeof view.platform_object_id === 'string' ? view.platform_object_id : undefined,
      providerObjectId: typeof view.provider_object_id === 'string' ? view.provider_object_id : ids.uuid(),
      createdAt: time(view.created_at),
      updatedAt: time(view.updated_at),
      lastPulledAt: time(view.last_pulled_at),
      pendingUntil: view.sync_status === 'pending' ? Infinity : 0,
      outcome: view.sync_status === 'error' ? 'error' : 'done',
      errors: view.errors && typeof view.errors === 'object' ? view.errors : {},
    });
    syncedRecords.set(record.id, record);
  }

  /** @param {string} entityId @returns {SyncedRecord[]} */
  function recordsOf(entityId) {
    return [...syncedRecords.values()].filter((r) => r.entityId === entityId);
  }

  /**
   * The PlanInput the entity's sync is planned with — what a preview through the API sees: the Monite
   * collections as the endpoints serve them (addresses and line items attached), the settings, the connection
   * and the synced records as their endpoints answer, the tax rates and ledger accounts, the accounting side,
   * and the data's policy. `connection` is the one a preview plans against (connected, else pending).
   * @param {EntityData} entity @param {Connection | undefined} connection
   */
  function planInput(entity, connection) {
    const strip = (/** @type {any} */ record) => structuredClone(record);
    /** @type {any} */
    const monite = {
      counterparts: entity.counterparts.map((cp) => ({ ...strip(cp), addresses: (entity.addresses.get(cp.id) ?? []).map(strip) })),
      products: entity.products.map(strip),
      payables: entity.payables.map((p) => ({ ...strip(p), line_items: (entity.lineItems.get(p.id) ?? []).map(strip) })),
      receivables: entity.receivables.map(strip),
      payment_records: entity.paymentRecords.map(strip),
      settings: strip(entity.settings),
      connection: connection ? connectionView(connection) : null,
    };
    // As a preview: the synced records are read when the entity has a connection.
    if (connection) monite.synced_records = recordsOf(entity.id).map(syncedRecordView);
    /** @type {any} */
    const input = {
      monite,
      accounting: { ...structuredClone(entity.accounting), tax_rates: entity.taxRates.map(strip), ledger_accounts: entity.ledgerAccounts.map(strip) },
    };
    if (entity.policy) input.policy = structuredClone(entity.policy);
    return input;
  }

  /** A new id in the connection's accounting system: a number for QuickBooks, a UUID for Xero. @param {string} platform */
  function platformId(platform) {
    if (platform === 'xero') return ids.uuid();
    platformSeq += 1;
    return String(platformSeq);
  }

  /**
   * The store operations a plan is applied through (./sync.mjs). Every record written reads `pending` for
   * `syncDurationMs`.
   * @param {EntityData} entity @param {Connection} connection @returns {import('./sync.mjs').SyncOps}
   */
  function opsFor(entity, connection) {
    const t = now();
    const platform = connection.platform ?? 'quickbooks';
    const index = new Map(recordsOf(entity.id).map((r) => [`${r.objectType}:${r.objectId}`, r]));
    /** @type {Record<string, any[]>} */
    const lists = { counterpart: entity.counterparts, product: entity.products, bill: entity.payables, receivable: entity.receivables, payment_record: entity.paymentRecords };
    return {
      object: (type, id) => lists[type]?.find((o) => o.id === id),
      write(objectType, object, outcome) {
        const key = `${objectType}:${object.id}`;
        const found = index.get(key);
        const platformObjectId = outcome.status === 'done' ? outcome.platformObjectId : undefined;
        const errors = outcome.status === 'error' ? outcome.errors : {};
        if (found) {
          found.lastPulledAt = t;
          found.objectUpdatedAt = object.updated_at;
          const same = found.outcome === outcome.status && found.platformObjectId === platformObjectId &&
            found.platform === platform && JSON.stringify(found.errors) === JSON.stringify(errors);
          if (same) return false;
          Object.assign(found, { connectionId: connection.id, platform, platformObjectId, errors, outcome: outcome.status, updatedAt: t, pendingUntil: t + syncDurationMs });
          return true;
        }
        /** @type {SyncedRecord} */
        const record = sequenced({
          id: ids.uuid(),
          entityId: entity.id,
          connectionId: connection.id,
          objectType,
          objectId: object.id,
          objectUpdatedAt: object.updated_at,
          platform,
          platformObjectId,
          providerObjectId: ids.uuid(),
          createdAt: t,
          updatedAt: t,
          lastPulledAt: t,
          pendingUntil: t + syncDurationMs,
          outcome: outcome.status,
          errors,
        });
        syncedRecords.set(record.id, record);
        index.set(key, record);
        return true;
      },
      createCounterpart(payload) {
        const id = platformId(platform);
        const address = payload?.address && typeof payload.address === 'object'
          ? Object.fromEntries(['country', 'city', 'line1', 'line2', 'postal_code'].filter((k) => payload.address[k] != null).map((k) => [k, payload.address[k]]))
          : undefined;
        entity.accounting.counterparts.push({ id, name: payload.name, kind: payload.kind === 'vendor' ? 'vendor' : 'customer', ...(address ? { address } : {}) });
        return id;
      },
      createProduct(payload) {
        const stamp = isoTime(t);
        /** @type {any} */
        const product = { id: ids.uuid(), created_at: stamp, updated_at: stamp, entity_id: entity.id, name: payload.name, type: payload.type === 'service' ? 'service' : 'product' };
        if (payload.price && typeof payload.price === 'object' && typeof payload.price.currency === 'string') product.price = structuredClone(payload.price);
        if (isUuid(payload.ledger_account_id)) product.ledger_account_id = payload.ledger_account_id;
        entity.products.push(sequenced(product));
        return product;
      },
      pushFailure,
      platformId: () => platformId(platform),
    };
  }

  /**
   * A sync, as the engine plans it over `planInput(…)` (./sync.mjs): links matched counterparts and products,
   * creates the counterparts the plan creates in the accounting side and the products it creates in Monite,
   * pushes eligible documents (`done`, with a new platform id; or `error` under the `pushFailures` fault),
   * records the documents it attempted and could not push as `error`, and leaves out-of-scope documents alone.
   * @param {Connection} connection @param {{ keepLastPull?: boolean }} [options]
   * @returns {import('./sync.mjs').SyncReport | undefined}
   */
  function sync(connection, options = {}) {
    const entity = entities.get(connection.entityId);
    const t = now();
    if (!options.keepLastPull || connection.lastPull === undefined) connection.lastPull = t;
    connection.updatedAt = Math.max(connection.updatedAt, t);
    if (!entity) return undefined;
    // Seeded pushes in flight have completed by now.
    for (const record of recordsOf(entity.id)) if (record.pendingUntil === Infinity) record.pendingUntil = t;
    const plan = planSync(planInput(entity, connection));
    entity.lastSync = applyPlan(opsFor(entity, connection), plan);
    return entity.lastSync;
  }

  /**
   * Manual push of one synced record (`POST …/push`). A record that reads `done` or `pending` is left as it is
   * (already in the accounting system, or on its way). A failed one is checked again by the engine: it becomes
   * `done` only if its object is now eligible (and the `pushFailures` fault spares it), else it stays `error`
   * with the new reasons.
   * @param {SyncedRecord} record @param {Connection} connection
   */
  function push(record, connection) {
    const entity = entities.get(record.entityId);
    if (!entity || now() < record.pendingUntil || record.outcome !== 'error') return;
    const plan = planSync(planInput(entity, connection));
    const report = applyPlan(opsFor(entity, connection), plan, { objectType: record.objectType, objectId: record.objectId });
    if (report.objects === 0) {
      // The object is gone from Monite: there is nothing to push.
      const t = now();
      Object.assign(record, { updatedAt: t, errors: { code: 'object_not_found', message: `${record.objectType} ${record.objectId} no longer exists in Monite`, path: '' } });
    }
  }

  /** @param {string} entityId @param {AccountingCollection} collection @param {string} id */
  function accountingRecord(entityId, collection, id) {
    const entity = entities.get(entityId);
    if (!entity) throw new Error(`no entity ${entityId}`);
    const list = entity.accounting[collection];
    if (!list) throw new TypeError(`unknown accounting collection: ${collection} (counterparts or products)`);
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) throw new Error(`no accounting ${collection.slice(0, -1)} ${id} for entity ${entityId}`);
    return { list, index, record: list[index] };
  }

  /**
   * Changes an accounting record after the sync (drift): a shallow patch, `address` merged.
   * @param {string} entityId @param {AccountingCollection} collection @param {string} id @param {Record<string, any>} patch
   */
  function updateAccounting(entityId, collection, id, patch) {
    const { record } = accountingRecord(entityId, collection, id);
    const { address, ...rest } = structuredClone(patch);
    Object.assign(record, rest);
    if (address !== undefined) record.address = address === null ? undefined : { ...(record.address ?? {}), ...address };
    return structuredClone(record);
  }

  /** Deletes an accounting record (a link to it goes missing). @param {string} entityId @param {AccountingCollection} collection @param {string} id */
  function deleteAccounting(entityId, collection, id) {
    const { list, index, record } = accountingRecord(entityId, collection, id);
    list.splice(index, 1);
    return record;
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
      provider: 'railz',
      provider_object_id: r.providerObjectId,
      provider_updated_at: isoTime(r.updatedAt),
      sync_status: pending ? 'pending' : r.outcome,
    };
    if (r.objectUpdatedAt !== undefined) view.object_updated_at = r.objectUpdatedAt;
    if (r.platformObjectId !== undefined) {
      view.platform_object_id = r.platformObjectId;
      view.platform_updated_at = isoTime(r.updatedAt);
    }
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
    planInput,
    updateAccounting,
    deleteAccounting,
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
