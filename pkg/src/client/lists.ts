/**
 * The cursor-paginated lists the client reads, with the `limit` bounds and default the API document gives each
 * one (the parameter's schema: `minimum`, `maximum`, `default`), and the schema of its answer. A `limit` outside
 * a list's bounds is a `TypeError` before any request (the API would answer 422).
 * @module
 */
import { pageShape, SHAPES, type ResponseShape } from './shapes.js';

/** The lists, by the last segment of their path (`line_items`: `GET /payables/{id}/line_items`). */
export type ListName =
  | 'counterparts'
  | 'products'
  | 'payables'
  | 'line_items'
  | 'receivables'
  | 'payment_records'
  | 'accounting_tax_rates'
  | 'ledger_accounts'
  | 'accounting_synced_records';

/** Page sizes per list (see `ClientOptions.pageSize`). */
export type PageSizes = Partial<Record<ListName, number>>;

interface ListSpec {
  /** What the API's `limit` describes, for messages. */
  endpoint: string;
  /** The smallest `limit` is 1 on every list. */
  max: number;
  default: number;
  shape: ResponseShape;
}

/** From the document: `limit` is `{ type: integer, minimum: 1, maximum, default }` on each. */
export const LISTS: Readonly<Record<ListName, ListSpec>> = {
  counterparts: { endpoint: 'GET /counterparts', max: 100, default: 100, shape: pageShape('CounterpartPaginationResponse') },
  products: { endpoint: 'GET /products', max: 100, default: 100, shape: pageShape('ProductServicePaginationResponse') },
  payables: { endpoint: 'GET /payables', max: 100, default: 100, shape: pageShape('PayablePaginationResponse') },
  line_items: { endpoint: 'GET /payables/{payable_id}/line_items', max: 100, default: 100, shape: pageShape('LineItemPaginationResponse') },
  receivables: { endpoint: 'GET /receivables', max: 250, default: 100, shape: pageShape('ReceivablePaginationResponse') },
  payment_records: { endpoint: 'GET /payment_records', max: 100, default: 100, shape: pageShape('PaymentRecordResponseList') },
  accounting_tax_rates: { endpoint: 'GET /accounting_tax_rates', max: 250, default: 250, shape: pageShape('AccountingTaxRateListResponse') },
  ledger_accounts: { endpoint: 'GET /ledger_accounts', max: 250, default: 250, shape: pageShape('LedgerAccountListResponse') },
  accounting_synced_records: { endpoint: 'GET /accounting_synced_records', max: 250, default: 250, shape: SHAPES.syncRecordList },
};

const NAMES = Object.keys(LISTS) as ListName[];

/** `value` as the `limit` of `list`: its default when undefined; a `TypeError` naming `what` outside 1–max. */
export function listLimit(list: ListName, value: unknown, what: string): number {
  const spec = LISTS[list];
  if (value === undefined) return spec.default;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > spec.max) {
    throw new TypeError(
      `${what} must be a whole number from 1 to ${spec.max} for ${list} (${spec.endpoint}: limit 1–${spec.max}, default ${spec.default})`,
    );
  }
  return value;
}

/**
 * Every list's page size from `ClientOptions.pageSize`: a number for all (within every list's bounds, so 1–100),
 * or sizes per list with the documented default for the others.
 */
export function pageSizes(option: unknown): Record<ListName, number> {
  if (option !== undefined && typeof option !== 'number' && (typeof option !== 'object' || option === null || Array.isArray(option))) {
    throw new TypeError('createClient: pageSize must be a number or an object of page sizes per list');
  }
  const given = (option ?? {}) as Record<string, unknown>;
  if (typeof option === 'object') {
    const unknown = Object.keys(given).filter((key) => !NAMES.includes(key as ListName));
    if (unknown.length > 0) throw new TypeError(`createClient: pageSize.${unknown[0]} is not a list (${NAMES.join(', ')})`);
  }
  const out = {} as Record<ListName, number>;
  for (const name of NAMES) {
    const value = typeof option === 'number' ? option : given[name];
    out[name] = listLimit(name, value, typeof option === 'number' ? 'createClient: pageSize' : `createClient: pageSize.${name}`);
  }
  return out;
}
