// What a sync does to the simulated entity, decided by the real engine: `planSync` (from the package, the same
// function a preview calls) over the PlanInput the entity's data, its accounting side, its synced records and
// its connection make, then the plan applied — matched counterparts and products linked, counterparts created
// in the accounting system, products created in Monite, eligible documents pushed (or failed by the
// `pushFailures` fault), the others recorded as `error`. `POST /accounting_synced_records/{id}/push` applies
// the same plan to one object. The store owns the state; this module only decides, through `ops`.

/**
 * The engine, from the built package (the workspace links `pkg/`). Loaded once; when the package is not built
 * the simulator still starts and serves, and only a sync or a push (or seeding raw accounting bodies) says why
 * it cannot plan.
 * @type {typeof import('ledgerbridge') | undefined}
 */
let engine;
/** @type {unknown} */
let engineMissing;
try {
  engine = await import('ledgerbridge');
} catch (error) {
  engineMissing = error;
}

function need() {
  if (engine) return engine;
  const reason = engineMissing instanceof Error ? engineMissing.message : String(engineMissing);
  throw new Error(`the simulator plans its syncs with the engine: build the package first (node scripts/build.mjs); ${reason}`);
}

/** `planSync` of the package. @param {any} input @returns {any} */
export function planSync(input) {
  return need().planSync(input);
}

/** Reasons that put a document out of the sync's scope: it is not attempted and gets no synced record. */
const OUT_OF_SCOPE = new Set(['status_not_pushable', 'predates_connection', 'not_a_receivable_payment']);
/** A document whose counting record says it went (or is going): nothing to do. */
const HELD = new Set(['already_pushed', 'push_in_progress']);
/** Blocked by an existing link: Monite keeps the link, so the record is left as it is. */
const KEPT_LINK = new Set(['duplicate_link', 'linked_record_missing']);

/** Plan sections of documents → the synced-record `object_type` of their family. */
const DOCUMENT_SECTIONS = /** @type {const} */ ([
  ['bills', 'bill'],
  ['invoices', 'receivable'],
  ['credit_notes', 'receivable'],
  ['payment_records', 'payment_record'],
]);

/**
 * What applying a plan needs from the store.
 * @typedef {object} SyncOps
 * @property {(objectType: string, objectId: string) => any} object   the Monite object (counterpart, product, …)
 * @property {(objectType: string, object: any, outcome: Outcome) => boolean} write
 *   creates or updates the object's synced record of that type; true when it changed
 * @property {(payload: any) => string} createCounterpart   adds an accounting customer/vendor, returns its id
 * @property {(payload: any) => any} createProduct          adds a Monite product, returns it
 * @property {(objectId: string) => Record<string, unknown> | null} pushFailure   the `pushFailures` fault
 * @property {() => string} platformId                      a new id in the accounting system
 */

/**
 * @typedef {{ status: 'done', platformObjectId: string } | { status: 'error', errors: Record<string, unknown> }} Outcome
 */

/**
 * Counts of one sync (or one push), by what happened.
 * @typedef {object} SyncReport
 * @property {{ linked: number, created: number, failed: number, unchanged: number }} counterparts
 * @property {{ linked: number, created: number, failed: number, unchanged: number }} products
 * @property {{ pushed: number, failed: number, unchanged: number, out_of_scope: number }} documents
 * @property {number} objects   Monite objects the plan had a row for (and were considered)
 */

/** @returns {SyncReport} */
function emptyReport() {
  return {
    counterparts: { linked: 0, created: 0, failed: 0, unchanged: 0 },
    products: { linked: 0, created: 0, failed: 0, unchanged: 0 },
    documents: { pushed: 0, failed: 0, unchanged: 0, out_of_scope: 0 },
    objects: 0,
  };
}

/**
 * A failed push's `errors` object, from the engine's issues: the first issue's `code` and `path`, and every
 * issue in `message` (`path: message`, joined by `; `).
 * @param {{ code: string, path: string, message: string }[]} issues
 */
export function errorsOf(issues) {
  const first = issues[0] ?? { code: 'push_rejected', path: '', message: 'not eligible' };
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  return { code: first.code, message: message || first.message, path: first.path };
}

/** The synced-record types of a counterpart: `customer` and/or `vendor` by its roles, else `fallback`. @param {any} cp @param {string} fallback */
export function counterpartTypes(cp, fallback = 'customer') {
  const roles = cp?.organization ?? cp?.individual ?? {};
  const types = [];
  if (roles.is_customer) types.push('customer');
  if (roles.is_vendor) types.push('vendor');
  return types.length ? types : [fallback];
}

/** @param {{ code: string }[]} issues @param {Set<string>} codes */
const hasAny = (issues, codes) => issues.some((i) => codes.has(i.code));

/**
 * Applies `plan` to the entity: every object (a sync), or only `only` (`POST …/push` of one synced record,
 * `explicit`: a document out of scope is recorded as `error` with its reasons instead of being skipped).
 * @param {SyncOps} ops @param {any} plan
 * @param {{ objectType: string, objectId: string }} [only]
 * @returns {SyncReport}
 */
export function applyPlan(ops, plan, only) {
  const report = emptyReport();
  const matches = (/** @type {string} */ type, /** @type {string | null} */ id) =>
    !only || (only.objectId === id && (only.objectType === type || (type === 'counterpart' && (only.objectType === 'customer' || only.objectType === 'vendor'))));
  const wanted = (/** @type {string} */ type, /** @type {string | null} */ id) => {
    const yes = matches(type, id);
    if (yes) report.objects += 1;
    return yes;
  };

  const pulled = new Map(plan.pull.counterparts.map((/** @type {any} */ row) => [row.monite_id, row]));
  for (const row of plan.push.counterparts) {
    if (!wanted('counterpart', row.monite_id)) continue;
    const cp = ops.object('counterpart', row.monite_id);
    const types = counterpartTypes(cp, row.payload?.kind === 'vendor' ? 'vendor' : 'customer');
    const pull = pulled.get(row.monite_id);
    const write = (/** @type {Outcome} */ outcome) => types.map((type) => ops.write(type, cp, outcome)).some(Boolean);
    if (row.action === 'none' && pull?.status === 'matched' && pull.accounting_id) {
      tally(report.counterparts, write({ status: 'done', platformObjectId: pull.accounting_id }) ? 'linked' : 'unchanged');
    } else if (row.action === 'create') {
      write({ status: 'done', platformObjectId: ops.createCounterpart(row.payload) });
      tally(report.counterparts, 'created');
    } else if (hasAny(row.errors, KEPT_LINK)) {
      tally(report.counterparts, 'unchanged');
    } else {
      tally(report.counterparts, write({ status: 'error', errors: errorsOf(row.errors) }) ? 'failed' : 'unchanged');
    }
  }

  const productErrors = new Map(
    plan.errors.filter((/** @type {any} */ e) => e.object_type === 'product').map((/** @type {any} */ e) => [e.object_id, e]),
  );
  for (const row of plan.pull.products) {
    if (row.action === 'create') {
      if (only) continue;
      const product = ops.createProduct(row.payload);
      ops.write('product', product, { status: 'done', platformObjectId: row.accounting_id });
      tally(report.products, 'created');
      continue;
    }
    if (row.monite_id === null || !wanted('product', row.monite_id)) continue;
    const product = ops.object('product', row.monite_id);
    if (row.action === 'match' && row.accounting_id) {
      tally(report.products, ops.write('product', product, { status: 'done', platformObjectId: row.accounting_id }) ? 'linked' : 'unchanged');
    } else if (row.error) {
      const found = productErrors.get(row.monite_id);
      const errors = { code: row.error.code, message: found?.message ?? `${row.error.code}`, path: 'name' };
      tally(report.products, ops.write('product', product, { status: 'error', errors }) ? 'failed' : 'unchanged');
    } else if (hasAny(row.warnings ?? [], KEPT_LINK)) {
      tally(report.products, 'unchanged');
    } else if (only) {
      const errors = { code: 'no_accounting_product', message: 'no accounting product has this name', path: 'name' };
      tally(report.products, ops.write('product', product, { status: 'error', errors }) ? 'failed' : 'unchanged');
    }
  }

  for (const [section, objectType] of DOCUMENT_SECTIONS) {
    for (const result of plan.push[section]) {
      if (!wanted(objectType, result.monite_id)) continue;
      const object = ops.object(objectType, result.monite_id);
      if (hasAny(result.errors, HELD)) {
        report.documents.unchanged += 1;
      } else if (result.eligible) {
        const failure = ops.pushFailure(result.monite_id);
        ops.write(objectType, object, failure ? { status: 'error', errors: failure } : { status: 'done', platformObjectId: ops.platformId() });
        report.documents[failure ? 'failed' : 'pushed'] += 1;
      } else if (hasAny(result.errors, OUT_OF_SCOPE) && !only) {
        report.documents.out_of_scope += 1;
      } else {
        ops.write(objectType, object, { status: 'error', errors: errorsOf(result.errors) });
        report.documents.failed += 1;
      }
    }
  }
  return report;
}

/** @param {Record<string, number>} counts @param {string} key */
function tally(counts, key) {
  counts[key] = (counts[key] ?? 0) + 1;
}

/**
 * The accounting side a PlanInput describes, as the simulator keeps it: `accounting.counterparts` and
 * `accounting.products`, plus what raw `quickbooks_online` / `xero` bodies adapt to (the engine's adapters).
 * Tax rates and ledger accounts likewise (served by their endpoints).
 * @param {any} accounting
 * @returns {{ counterparts: any[], products: any[], tax_rates: any[], ledger_accounts: any[] }}
 */
export function accountingSide(accounting) {
  const side = { counterparts: [], products: [], tax_rates: [], ledger_accounts: [] };
  /** @type {any[]} */
  const sources = [accounting ?? {}];
  if (accounting?.quickbooks_online) sources.push(need().fromQuickBooks(accounting.quickbooks_online));
  if (accounting?.xero) sources.push(need().fromXero(accounting.xero));
  for (const source of sources) {
    for (const key of /** @type {const} */ (['counterparts', 'products', 'tax_rates', 'ledger_accounts'])) {
      if (Array.isArray(source[key])) side[key].push(...structuredClone(source[key]));
    }
  }
  return side;
}
