/**
 * Loaders for every collection `planSync` reads, in the API's own JSON shapes, following pagination:
 * counterparts (with `/counterparts/{id}/addresses`), products, payables (with
 * `/payables/{id}/line_items`), receivables, payment records, accounting tax rates, ledger accounts, the
 * entity settings and the connection; and `loadPlanInput`, which assembles them into a `PlanInput`.
 *
 * What the API does not give: the accounting system's own customers, vendors and items. These endpoints
 * expose the Monite side plus the tax rates and ledger accounts pulled from the accounting system, but
 * not the raw accounting counterparts and products, so `loadPlanInput` takes them from the caller
 * (`accounting.counterparts`, `accounting.products`, or raw `quickbooks_online` / `xero` bodies).
 * Without them, counterpart and product matching sees an empty accounting side.
 * @module
 */
import type { AccountingInput, PlanInput, Policy } from '../generated/types.js';
import { linkedController } from './abort.js';
import { getConnection, listConnections } from './connections.js';
import type { HttpResult, RequestOptions, Requester } from './http.js';
import { collect } from './pagination.js';
import { syncedRecords } from './synced-records.js';
import type { AccountingConnection, ApiRecord, CallOptions, ObjectMatchType, SyncRecord } from './types.js';

/** Every `object_type` of the synced records (`ObjectMatchTypes`); the engine reads them all (SPEC §3.0). */
export const SYNCED_OBJECT_TYPES: readonly ObjectMatchType[] = ['customer', 'vendor', 'product', 'bill', 'receivable', 'payment_record'];

/** What every loader needs. */
export interface LoaderContext {
  http: Requester;
  entityId: string;
  /** Page size of list requests (1–100: the smallest maximum among the lists read here). */
  pageSize: number;
  /** Parallel per-record requests (addresses, line items). */
  concurrency: number;
}

/** Runs `fn` over `values` with at most `limit` running at once; results keep the input order. */
async function mapLimited<T, R>(values: T[], limit: number, fn: (value: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(values.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < values.length) {
      const index = next++;
      out[index] = await fn(values[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, values.length)) }, worker));
  return out;
}

function list(ctx: LoaderContext, path: string, options: CallOptions): Promise<ApiRecord[]> {
  return collect<ApiRecord>(ctx.http, { path, limit: ctx.pageSize, ...(options.signal ? { signal: options.signal } : {}) });
}

/** `GET /counterparts`, each with `addresses` from `GET /counterparts/{id}/addresses` (one request per counterpart). */
export async function loadCounterparts(ctx: LoaderContext, options: CallOptions = {}): Promise<ApiRecord[]> {
  const counterparts = await list(ctx, '/counterparts', options);
  return mapLimited(counterparts, ctx.concurrency, async (counterpart) => {
    const { data } = await ctx.http.request<{ data: ApiRecord[] }>({
      method: 'GET',
      path: `/counterparts/${encodeURIComponent(counterpart.id)}/addresses`,
      signal: options.signal,
    });
    return { ...counterpart, addresses: Array.isArray(data?.data) ? data.data : [] };
  });
}

/** `GET /products`. */
export function loadProducts(ctx: LoaderContext, options: CallOptions = {}): Promise<ApiRecord[]> {
  return list(ctx, '/products', options);
}

/** `GET /payables`, each with `line_items` from `GET /payables/{id}/line_items` (paginated too). */
export async function loadPayables(ctx: LoaderContext, options: CallOptions = {}): Promise<ApiRecord[]> {
  const payables = await list(ctx, '/payables', options);
  return mapLimited(payables, ctx.concurrency, async (payable) => ({
    ...payable,
    line_items: await list(ctx, `/payables/${encodeURIComponent(payable.id)}/line_items`, options),
  }));
}

/** `GET /receivables` (invoices, credit notes and quotes; the engine ignores quotes). */
export function loadReceivables(ctx: LoaderContext, options: CallOptions = {}): Promise<ApiRecord[]> {
  return list(ctx, '/receivables', options);
}

/** `GET /payment_records`. */
export function loadPaymentRecords(ctx: LoaderContext, options: CallOptions = {}): Promise<ApiRecord[]> {
  return list(ctx, '/payment_records', options);
}

/** `GET /accounting_tax_rates` (pulled from the connected accounting system). */
export function loadTaxRates(ctx: LoaderContext, options: CallOptions = {}): Promise<ApiRecord[]> {
  return list(ctx, '/accounting_tax_rates', options);
}

/** `GET /ledger_accounts` (pulled from the connected accounting system). */
export function loadLedgerAccounts(ctx: LoaderContext, options: CallOptions = {}): Promise<ApiRecord[]> {
  return list(ctx, '/ledger_accounts', options);
}

/** `GET /entities/{entityId}/settings` (`SettingsResponse`; the engine reads `accounting`). */
export async function loadSettings(ctx: LoaderContext, options: CallOptions = {}): Promise<Record<string, unknown>> {
  const path = `/entities/${encodeURIComponent(ctx.entityId)}/settings`;
  return (await ctx.http.request<Record<string, unknown>>({ method: 'GET', path, signal: options.signal })).data;
}

/**
 * `GET /accounting_synced_records` for every object type, every page (`object_type` and `limit` on each
 * request, as the API requires), the types side by side.
 */
export async function loadSyncedRecords(ctx: LoaderContext, options: CallOptions = {}): Promise<SyncRecord[]> {
  const lists = await Promise.all(
    SYNCED_OBJECT_TYPES.map(async (objectType) => {
      const out: SyncRecord[] = [];
      for await (const record of syncedRecords(ctx.http, { objectType, limit: ctx.pageSize, ...(options.signal ? { signal: options.signal } : {}) })) {
        out.push(record);
      }
      return out;
    }),
  );
  return lists.flat();
}

/**
 * The connection to plan against: `connectionId` when given; otherwise the entity's `connected`
 * connection, else its `pending_auth` one (a preview of what happens once it is authorized), else null.
 */
export async function loadConnection(ctx: LoaderContext, options: CallOptions & { connectionId?: string } = {}): Promise<AccountingConnection | null> {
  if (options.connectionId !== undefined) return getConnection(ctx.http, options.connectionId, options);
  const all = await listConnections(ctx.http, options);
  return all.find((c) => c.status === 'connected') ?? all.find((c) => c.status === 'pending_auth') ?? null;
}

export interface LoadPlanInputOptions extends CallOptions {
  /** Plan against this connection (default: see `loadConnection`). */
  connectionId?: string;
  /**
   * Accounting-side records the API does not expose (customers/vendors, items, or raw QuickBooks/Xero
   * bodies). A collection given here is used as it is and not loaded: pass `tax_rates` or
   * `ledger_accounts` to skip those requests.
   */
  accounting?: AccountingInput;
  /** Passed through as `PlanInput.policy`. */
  policy?: Policy;
  /**
   * Load the synced records of every object type (default true when the entity has a connection), so that the
   * plan is a re-sync preview (SPEC §3.0: links, drift, documents already pushed). `false` previews as a first
   * sync and sends no synced-record request.
   */
  syncedRecords?: boolean;
}

/** A requester that lets at most `limit` requests run at once (pages of different lists included). */
function bounded(http: Requester, limit: number): Requester {
  let running = 0;
  const waiting: (() => void)[] = [];
  return {
    async request<T>(options: RequestOptions): Promise<HttpResult<T>> {
      if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      running += 1;
      try {
        return await http.request<T>(options);
      } finally {
        running -= 1;
        waiting.shift()?.();
      }
    },
  };
}

/**
 * Loads everything `planSync` reads and returns it as a `PlanInput` (SPEC §8): the Monite side from the
 * API, `accounting.tax_rates` and `accounting.ledger_accounts` from the API when the connection is
 * `connected` (there is nothing to pull otherwise), `monite.synced_records` of all six object types when
 * the entity has a connection (unless `syncedRecords: false`), and the caller's `accounting` records. The
 * first failure cancels the other requests and is thrown.
 */
export async function loadPlanInput(ctx: LoaderContext, options: LoadPlanInputOptions = {}): Promise<PlanInput> {
  const { controller, dispose } = linkedController(options.signal);
  const call: CallOptions = { signal: controller.signal };
  const limited: LoaderContext = { ...ctx, http: bounded(ctx.http, ctx.concurrency) };
  const fail = (error: unknown): never => {
    if (!controller.signal.aborted) controller.abort(error);
    throw error;
  };
  const run = <T>(work: Promise<T>): Promise<T> => work.catch(fail);
  try {
    const extra = options.accounting ?? {};
    const connectionWork = run(loadConnection(limited, { ...call, ...(options.connectionId === undefined ? {} : { connectionId: options.connectionId }) }));
    const pulled = connectionWork.then((connection) => connection?.status === 'connected');
    const withRecords = options.syncedRecords !== false;
    const [connection, counterparts, products, payables, receivables, payment_records, settings, tax_rates, ledger_accounts, synced_records] = await Promise.all([
      connectionWork,
      run(loadCounterparts(limited, call)),
      run(loadProducts(limited, call)),
      run(loadPayables(limited, call)),
      run(loadReceivables(limited, call)),
      run(loadPaymentRecords(limited, call)),
      run(loadSettings(limited, call)),
      extra.tax_rates ? extra.tax_rates : run(pulled.then((yes) => (yes ? loadTaxRates(limited, call) : []))),
      extra.ledger_accounts ? extra.ledger_accounts : run(pulled.then((yes) => (yes ? loadLedgerAccounts(limited, call) : []))),
      // Only an entity with a connection has synced records (a first sync has none either way).
      withRecords ? run(connectionWork.then((c) => (c ? loadSyncedRecords(limited, call) : undefined))) : undefined,
    ]);
    // API records are passed through whole; the engine reads the fields it knows (the glue types name only those).
    const monite = {
      counterparts,
      products,
      payables,
      receivables,
      payment_records,
      settings,
      connection,
      ...(synced_records ? { synced_records } : {}),
    } as unknown as NonNullable<PlanInput['monite']>;
    const accounting = { ...extra, tax_rates, ledger_accounts } as NonNullable<PlanInput['accounting']>;
    return { monite, accounting, ...(options.policy ? { policy: options.policy } : {}) };
  } finally {
    dispose();
  }
}
