// The paginated lists the simulator serves, with the document's limits per endpoint, and the helpers the
// routes use to read their filters and answer one page.
import { isUuid } from './ids.mjs';
import { paginate, readListQuery } from './pagination.mjs';
import { issue, json, validationError } from './respond.mjs';

/** @typedef {import('./pagination.mjs').ListSpec} ListSpec */
/** @typedef {import('./respond.mjs').ValidationIssue} ValidationIssue */

/** @param {any} cp */
const counterpartName = (cp) =>
  cp?.organization?.legal_name ?? [cp?.individual?.first_name, cp?.individual?.last_name].filter(Boolean).join(' ');

/**
 * Per list: the document's `limit` maximum and default, whether `limit` rides in the token (the document:
 * "all other query parameters are ignored") or must be re-sent ("… except `limit`"), and the `sort` enum.
 * @type {Record<string, Omit<ListSpec, 'resource'>>}
 */
export const LISTS = {
  counterparts: {
    maxLimit: 100, defaultLimit: 100, limitFromToken: true, sortFields: ['counterpart_name'],
    sortValue: (cp, field) => (field === 'counterpart_name' ? counterpartName(cp) : cp[field]),
  },
  products: { maxLimit: 100, defaultLimit: 100, limitFromToken: true, sortFields: ['name'] },
  payables: { maxLimit: 100, defaultLimit: 100, limitFromToken: true, sortFields: ['id', 'created_at', 'issued_at'] },
  line_items: { maxLimit: 100, defaultLimit: 100, limitFromToken: true, sortFields: ['created_at', 'updated_at'] },
  receivables: {
    maxLimit: 250, defaultLimit: 100, limitFromToken: false,
    sortFields: ['counterpart_name', 'counterpart_id', 'amount', 'total_amount', 'discounted_subtotal', 'status', 'due_date',
      'issue_date', 'document_id', 'created_at', 'project_id'],
    sortValue: (r, field) => (field === 'amount' ? r.total_amount : r[field]) ?? null,
  },
  payment_records: { maxLimit: 100, defaultLimit: 100, limitFromToken: true, sortFields: ['paid_at', 'amount', 'overpaid_amount'] },
  ledger_accounts: { maxLimit: 250, defaultLimit: 250, limitFromToken: false, sortFields: ['name'] },
  accounting_tax_rates: { maxLimit: 250, defaultLimit: 250, limitFromToken: false, sortFields: ['name'] },
  accounting_synced_records: {
    maxLimit: 250, defaultLimit: 250, limitFromToken: false, sortFields: ['created_at', 'updated_at'],
    sortValue: (r, field) => (field === 'created_at' ? r.createdAt : r.updatedAt),
  },
};

/**
 * The simulator's `pageSize` option: one number for every list, or per list name (`LISTS` keys) with an
 * optional `default`. It replaces the document's default page size (used when a request sends no `limit`),
 * capped at the list's maximum, so tests see several pages without thousands of records.
 * @typedef {number | Record<string, number>} PageSizeOption
 */

/**
 * @param {string} name @param {PageSizeOption | undefined} pageSize
 * @returns {ListSpec}
 */
export function listSpec(name, pageSize) {
  const base = LISTS[name];
  const chosen = typeof pageSize === 'number' ? pageSize : pageSize?.[name] ?? pageSize?.default;
  const defaultLimit = chosen === undefined ? base.defaultLimit : Math.max(1, Math.min(base.maxLimit, Math.floor(chosen)));
  return { ...base, resource: name, defaultLimit };
}

/**
 * Reads the list query, filters, and answers one page.
 * @template T
 * @param {object} args
 * @param {ListSpec} args.spec
 * @param {URLSearchParams} args.params
 * @param {string} args.scope      what a token is bound to (entity id, plus the parent id for sub-lists)
 * @param {T[]} args.items
 * @param {(params: URLSearchParams, issues: ValidationIssue[]) => Record<string, unknown>} [args.readFilters]
 * @param {(item: T, filters: Record<string, any>) => boolean} [args.keep]
 * @param {(item: T) => unknown} args.view
 * @returns {import('./respond.mjs').SimResponse}
 */
export function listResponse({ spec, params, scope, items, readFilters, keep, view }) {
  const read = readListQuery(params, spec, scope, (p) => {
    /** @type {ValidationIssue[]} */
    const issues = [];
    const filters = readFilters ? readFilters(p, issues) : {};
    return { filters, issues };
  });
  if (!read.query) return validationError(read.issues);
  const filters = read.query.filters;
  const kept = keep ? items.filter((item) => keep(item, filters)) : items;
  const page = paginate(kept, read.query, spec, scope);
  return json(200, { ...page, data: page.data.map(view) });
}

// ---- filter readers shared by the routes ----

/**
 * @param {URLSearchParams} params @param {string} name @param {readonly string[]} values
 * @param {ValidationIssue[]} issues @param {boolean} [required]
 * @returns {string | undefined}
 */
export function enumParam(params, name, values, issues, required = false) {
  const raw = params.get(name);
  if (raw === null) {
    if (required) issues.push(issue('missing', ['query', name], 'Field required'));
    return undefined;
  }
  if (!values.includes(raw)) {
    issues.push(issue('enum', ['query', name], `Input should be ${values.map((v) => `'${v}'`).join(', ')}`));
    return undefined;
  }
  return raw;
}

/** @param {URLSearchParams} params @param {string} name @param {ValidationIssue[]} issues @returns {boolean | undefined} */
export function boolParam(params, name, issues) {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const value = raw.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(value)) return true;
  if (['false', '0', 'no', 'off'].includes(value)) return false;
  issues.push(issue('bool_parsing', ['query', name], 'Input should be a valid boolean, unable to interpret input'));
  return undefined;
}

/**
 * Single (`name`) or repeated (`name__in`) UUID parameters.
 * @param {URLSearchParams} params @param {string} name @param {ValidationIssue[]} issues
 * @returns {string[] | undefined}
 */
export function uuidListParam(params, name, issues) {
  const values = params.getAll(name);
  if (!values.length) return undefined;
  values.forEach((value, i) => {
    if (!isUuid(value)) issues.push(issue('uuid_parsing', ['query', name, ...(values.length > 1 ? [i] : [])], 'Input should be a valid UUID'));
  });
  return values;
}

/** @param {URLSearchParams} params @param {string} name @param {ValidationIssue[]} issues @returns {number | undefined} */
export function dateTimeParam(params, name, issues) {
  const raw = params.get(name);
  if (raw === null) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) {
    issues.push(issue('datetime_parsing', ['query', name], 'Input should be a valid datetime'));
    return undefined;
  }
  return ms;
}
