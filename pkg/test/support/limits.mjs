// The `limit` the API document gives each list the client reads by default (the parameter's schema default), and
// what a run actually sent. Shared by the unit and end-to-end tests; client-prism.test.mjs checks the table
// against the document itself.

/** List path → the documented `limit` bounds (the minimum is 1 on each). */
export const DOCUMENTED_LIMITS = Object.freeze({
  '/counterparts': { max: 100, default: 100 },
  '/products': { max: 100, default: 100 },
  '/payables': { max: 100, default: 100 },
  '/payables/{payable_id}/line_items': { max: 100, default: 100 },
  '/receivables': { max: 250, default: 100 },
  '/payment_records': { max: 100, default: 100 },
  '/accounting_tax_rates': { max: 250, default: 250 },
  '/ledger_accounts': { max: 250, default: 250 },
  '/accounting_synced_records': { max: 250, default: 250 },
});

/** List path → the documented default `limit`, as sent in a query string. */
export const DOCUMENTED_DEFAULT_LIMITS = Object.freeze(
  Object.fromEntries(Object.entries(DOCUMENTED_LIMITS).map(([path, limit]) => [path, String(limit.default)])),
);

/**
 * Per list path (a payable's line items as `/payables/{payable_id}/line_items`), the distinct `limit` values the
 * requests sent, joined with commas.
 * @param {{ path: string, query: Record<string, unknown> }[]} requests
 * @returns {Record<string, string>}
 */
export function limitsSent(requests) {
  /** @type {Record<string, Set<string>>} */
  const sent = {};
  for (const { path, query } of requests) {
    if (query.limit === undefined) continue;
    (sent[path.replace(/^\/payables\/[^/]+\/line_items$/, '/payables/{payable_id}/line_items')] ??= new Set()).add(String(query.limit));
  }
  return Object.fromEntries(Object.entries(sent).map(([path, limits]) => [path, [...limits].join(',')]));
}
