// Cursor pagination as the API document describes it: `limit`, `order`, `sort`, an opaque `pagination_token`
// and a response with `data`, `next_pagination_token`, `prev_pagination_token`.
//
// Tokens are keyset cursors (the sort value and insertion sequence of the last/first record shown), so records
// added between two page requests (a sync that creates synced records) never shift or repeat a page. A token
// carries the filters, sort and order of the first request; whether it also carries `limit` depends on the
// endpoint, as the document says per endpoint ("all other query parameters are ignored" vs "… except `limit`").
// The document types the two token fields as plain strings, so an absent page is an absent field, never null.
import { issue } from './respond.mjs';

/** Insertion order of a stored record; the tie-breaker of every sort. */
export const SEQ = Symbol('seq');

/**
 * @typedef {object} ListSpec
 * @property {string} resource            names the list inside its tokens (a token of another list is refused)
 * @property {number} maxLimit            the document's `limit` maximum
 * @property {number} defaultLimit        the page size when `limit` is absent
 * @property {boolean} limitFromToken     true: `limit` is inferred from the token; false: it must be re-sent
 * @property {readonly string[]} sortFields   the document's `*CursorFields` enum
 * @property {(item: any, field: string) => unknown} [sortValue]
 */

/**
 * @typedef {object} ListQuery
 * @property {number} limit
 * @property {'asc' | 'desc'} order
 * @property {string | null} sort
 * @property {Record<string, unknown>} filters
 * @property {Cursor | null} cursor
 */

/** @typedef {{ d: 'next' | 'prev', k: [unknown, number], i?: boolean }} Cursor */

/**
 * Reads `limit`, `order`, `sort` and `pagination_token`, and the list's own filters.
 * @param {URLSearchParams} params
 * @param {ListSpec} spec
 * @param {string} scope   entity id (and parent id) the token is bound to
 * @param {(params: URLSearchParams) => { filters: Record<string, unknown>, issues: import('./respond.mjs').ValidationIssue[] }} readFilters
 * @returns {{ query: ListQuery, issues?: undefined } | { issues: import('./respond.mjs').ValidationIssue[], query?: undefined }}
 */
export function readListQuery(params, spec, scope, readFilters) {
  /** @type {import('./respond.mjs').ValidationIssue[]} */
  const issues = [];
  const limit = readLimit(params.get('limit'), spec, issues);
  const token = params.get('pagination_token');
  if (token !== null) {
    const decoded = decodeToken(token, spec.resource, scope);
    if (!decoded) {
      issues.push(issue('value_error', ['query', 'pagination_token'], 'Value error, invalid pagination token'));
      return { issues };
    }
    if (issues.length) return { issues };
    return {
      query: {
        limit: spec.limitFromToken ? decoded.l : /** @type {number} */ (limit),
        order: decoded.o,
        sort: decoded.f,
        filters: decoded.q,
        cursor: decoded.c,
      },
    };
  }
  const order = params.get('order') ?? 'asc';
  if (order !== 'asc' && order !== 'desc') {
    issues.push(issue('enum', ['query', 'order'], "Input should be 'asc' or 'desc'"));
  }
  const sort = params.get('sort');
  if (sort !== null && !spec.sortFields.includes(sort)) {
    issues.push(issue('enum', ['query', 'sort'], `Input should be ${spec.sortFields.map((f) => `'${f}'`).join(', ')}`));
  }
  const own = readFilters(params);
  issues.push(...own.issues);
  if (issues.length) return { issues };
  return {
    query: {
      limit: /** @type {number} */ (limit),
      order: /** @type {'asc' | 'desc'} */ (order),
      sort,
      filters: own.filters,
      cursor: null,
    },
  };
}

/**
 * @param {string | null} raw
 * @param {ListSpec} spec
 * @param {import('./respond.mjs').ValidationIssue[]} issues
 * @returns {number | undefined}
 */
function readLimit(raw, spec, issues) {
  if (raw === null) return spec.defaultLimit;
  if (!/^[+-]?\d+$/.test(raw.trim())) {
    issues.push(issue('int_parsing', ['query', 'limit'], 'Input should be a valid integer, unable to parse string as an integer'));
    return undefined;
  }
  const value = Number(raw);
  if (value < 1) issues.push(issue('greater_than_equal', ['query', 'limit'], 'Input should be greater than or equal to 1'));
  else if (value > spec.maxLimit) {
    issues.push(issue('less_than_equal', ['query', 'limit'], `Input should be less than or equal to ${spec.maxLimit}`));
  }
  return value;
}

/**
 * One page of `items` (already filtered), in the list-response shape.
 * @template T
 * @param {T[]} items   records carrying a `SEQ`
 * @param {ListQuery} query
 * @param {ListSpec} spec
 * @param {string} scope
 * @returns {{ data: T[], next_pagination_token?: string, prev_pagination_token?: string }}
 */
export function paginate(items, query, spec, scope) {
  const keyOf = (/** @type {any} */ item) => /** @type {[unknown, number]} */ ([
    query.sort ? (spec.sortValue ?? defaultSortValue)(item, query.sort) : null,
    item[SEQ],
  ]);
  const sign = query.order === 'desc' ? -1 : 1;
  const sorted = items.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => sign * compareKeys(a.key, b.key));
  const n = sorted.length;
  let start = 0;
  let end = Math.min(query.limit, n);
  const cursor = query.cursor;
  if (cursor) {
    // The first record ordered after the cursor key ('next'), or the records ordered before it ('prev';
    // inclusive when the key came from an empty page past the end, so the last records show again).
    const firstAfter = (/** @type {number} */ threshold) => {
      const i = sorted.findIndex((row) => sign * compareKeys(row.key, cursor.k) >= threshold);
      return i === -1 ? n : i;
    };
    if (cursor.d === 'next') {
      start = firstAfter(1);
      end = Math.min(start + query.limit, n);
    } else {
      end = firstAfter(cursor.i ? 1 : 0);
      start = Math.max(0, end - query.limit);
    }
  }
  const rows = sorted.slice(start, end);
  /** @type {{ data: T[], next_pagination_token?: string, prev_pagination_token?: string }} */
  const page = { data: rows.map((row) => row.item) };
  const base = { r: spec.resource, s: scope, l: query.limit, o: query.order, f: query.sort, q: query.filters };
  if (end < n && rows.length) page.next_pagination_token = encodeToken({ ...base, c: { d: 'next', k: rows[rows.length - 1].key } });
  if (start > 0) {
    page.prev_pagination_token = rows.length
      ? encodeToken({ ...base, c: { d: 'prev', k: rows[0].key } })
      : encodeToken({ ...base, c: { d: 'prev', k: /** @type {Cursor} */ (cursor).k, i: true } });
  }
  return page;
}

/** @param {any} item @param {string} field */
function defaultSortValue(item, field) {
  const value = item?.[field];
  return value === undefined ? null : value;
}

/** @param {unknown} a @param {unknown} b @returns {number} */
function compareValues(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : 1;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** @param {[unknown, number]} a @param {[unknown, number]} b */
function compareKeys(a, b) {
  return compareValues(a[0], b[0]) || a[1] - b[1];
}

/** @param {object} payload */
function encodeToken(payload) {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/**
 * @param {string} token @param {string} resource @param {string} scope
 * @returns {{ l: number, o: 'asc' | 'desc', f: string | null, q: Record<string, unknown>, c: Cursor } | null}
 */
function decodeToken(token, resource, scope) {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
    const payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (payload?.r !== resource || payload.s !== scope) return null;
    if (!Number.isInteger(payload.l) || (payload.o !== 'asc' && payload.o !== 'desc')) return null;
    const c = payload.c;
    if (!c || (c.d !== 'next' && c.d !== 'prev') || !Array.isArray(c.k) || c.k.length !== 2 || !Number.isInteger(c.k[1])) {
      return null;
    }
    if (typeof payload.q !== 'object' || payload.q === null) return null;
    return { l: payload.l, o: payload.o, f: payload.f ?? null, q: payload.q, c };
  } catch {
    return null;
  }
}
