// The worker's row model: the plan's rows per view, their status, re-sync tags (SPEC §3.0: how a row was
// decided by a link, its drift warnings, its last push), a search text each, and filtered orders cached per
// (view, status or tag, search). The page asks for windows of rows, never for the whole plan, so a 100k-row
// plan never crosses to the main thread.

const SECTIONS = ['bills', 'invoices', 'credit_notes', 'payment_records'];
const MAX_CACHED_ORDERS = 12;
/** Reasons of a counterpart whose link decides against a match (no name matching is tried for it). */
const LINK_REASONS = new Set(['duplicate_link', 'linked_record_missing']);
/** A filter value `tag:<name>` keeps the rows that carry the tag. */
const TAG = 'tag:';

/** The row's tags: `link` when a link decided it, and the codes of its re-sync warnings and reasons. */
function matchTags(row, reason) {
  const tags = row.warnings.map((w) => w.code);
  if (row.decided_by === 'link') tags.push('link');
  if (LINK_REASONS.has(reason)) tags.push(reason);
  return tags.length ? tags : null;
}

/** What the last sync did with a document (SPEC §3.0 item 5), from its push result; null when never synced. */
export function syncedState(r) {
  if (r.errors.some((e) => e.code === 'already_pushed')) return 'already_pushed';
  if (r.errors.some((e) => e.code === 'push_in_progress')) return 'push_in_progress';
  if (r.warnings.some((w) => w.code === 'last_push_failed')) return 'last_push_failed';
  return null;
}

/** Failed last time and eligible now, with a synced record to push again: what `pushFailed` would send. */
const canPushAgain = (r) => syncedState(r) === 'last_push_failed' && r.eligible && Boolean(r.synced?.record_id);

function pushTags(r) {
  const state = syncedState(r);
  if (!state) return null;
  return canPushAgain(r) ? [state, 'push_again'] : [state];
}

/**
 * Names and labels from the input, so rows can show more than ids. Counterpart names are not derived here:
 * the plan carries the name matching used (`monite_name`, `accounting_name`), and `buildModel` reads them.
 */
export function sideInfo(input) {
  const monite = input?.monite ?? {};
  const accounting = input?.accounting ?? {};
  const accountingKinds = new Map();
  for (const c of accounting.counterparts ?? []) accountingKinds.set(c.id, { name: c.name, kind: c.kind });
  const productNames = new Map();
  for (const p of monite.products ?? []) productNames.set(p.id, p.name);
  const itemNames = new Map();
  for (const p of accounting.products ?? []) itemNames.set(p.id, p.name);
  const docs = new Map();
  for (const b of monite.payables ?? []) docs.set(b.id, { number: b.document_id ?? '', counterpart: b.counterpart_id, status: b.status });
  for (const r of monite.receivables ?? []) docs.set(r.id, { number: r.document_id ?? '', party: r.counterpart_name, counterpart: r.counterpart_id, status: r.status });
  for (const p of monite.payment_records ?? []) {
    const amount = typeof p.amount === 'number' ? `${(p.amount / 100).toFixed(2)} ${p.currency ?? ''}` : '';
    docs.set(p.id, { number: amount, party: p.object?.type ? `payment of a ${p.object.type}` : '', status: p.status ?? '' });
  }
  return { accountingKinds, productNames, itemNames, docs };
}

/** The display names of both sides' counterparts, from the plan's rows (what matching compared). */
function counterpartNames(plan, side) {
  const names = new Map();
  const accountingNames = new Map();
  for (const [id, { name, kind }] of side.accountingKinds) accountingNames.set(id, kind ? `${name} (${kind})` : name);
  for (const c of plan.pull.counterparts) {
    names.set(c.monite_id, c.monite_name);
    if (c.accounting_id && c.accounting_name !== null && !accountingNames.has(c.accounting_id)) accountingNames.set(c.accounting_id, c.accounting_name);
  }
  for (const doc of side.docs.values()) doc.party ??= names.get(doc.counterpart) ?? '';
  return { names, accountingNames };
}

function productStatus(p) {
  return p.error ? p.error.code : p.action;
}

/** Builds the views; `progress(fraction)` is called as rows are indexed. */
export function buildModel(plan, side, progress = () => {}) {
  const total = plan.pull.counterparts.length + plan.pull.products.length + SECTIONS.reduce((n, s) => n + plan.push[s].length, 0);
  let done = 0;
  const step = Math.max(5000, Math.ceil(total / 20));
  const tick = () => {
    done += 1;
    if (done % step === 0) progress(done / total);
  };
  const lower = (...parts) => parts.filter(Boolean).join(' ').toLowerCase();
  side = { ...side, ...counterpartNames(plan, side) };

  const pushCounterparts = new Map(plan.push.counterparts.map((c) => [c.monite_id, c]));
  const counterparts = {
    items: plan.pull.counterparts,
    status: plan.pull.counterparts.map((c) => c.status),
    tags: plan.pull.counterparts.map((c) => matchTags(c, c.reason)),
    text: plan.pull.counterparts.map((c) => {
      tick();
      return lower(c.monite_id, side.names.get(c.monite_id), c.accounting_id, side.accountingNames.get(c.accounting_id), c.reason, c.decided_by, ...c.candidates, ...c.warnings.map((w) => w.code));
    }),
    row(c, i) {
      const push = pushCounterparts.get(c.monite_id);
      return {
        i,
        status: c.status,
        monite_id: c.monite_id,
        name: c.monite_name,
        decided_by: c.decided_by,
        reason: c.reason,
        accounting_id: c.accounting_id,
        accounting_name: c.accounting_id ? side.accountingNames.get(c.accounting_id) ?? '' : '',
        candidates: c.candidates.slice(0, 6),
        candidate_count: c.candidates.length,
        suggestions: c.suggestions.slice(0, 3),
        suggestion_count: c.suggestions.length,
        push_action: push?.action ?? null,
        warnings: c.warnings.slice(0, 3),
        warning_count: c.warnings.length,
        // For a shared or missing link, the push side's issue names the linked record.
        link_issue: LINK_REASONS.has(c.reason) ? push?.errors.find((e) => e.code === c.reason)?.message ?? null : null,
      };
    },
    details(c, i) {
      const named = (id) => ({ id, name: side.accountingNames.get(id) ?? '' });
      return {
        ...this.row(c, i),
        candidates: c.candidates.map(named),
        suggestions: c.suggestions.map((s) => ({ ...named(s.accounting_id), score: s.score })),
        rivals: (c.rivals ?? []).map((id) => ({ id, name: side.names.get(id) ?? '' })),
        warnings: c.warnings,
        push: pushCounterparts.get(c.monite_id) ?? null,
      };
    },
  };

  const products = {
    items: plan.pull.products,
    status: plan.pull.products.map(productStatus),
    tags: plan.pull.products.map((p) => matchTags(p, null)),
    text: plan.pull.products.map((p) => {
      tick();
      return lower(p.monite_id, side.productNames.get(p.monite_id), p.accounting_id, side.itemNames.get(p.accounting_id), p.payload?.name, productStatus(p), p.decided_by, ...(p.error?.accounting_ids ?? []), ...p.warnings.map((w) => w.code));
    }),
    row(p, i) {
      return {
        i,
        status: productStatus(p),
        action: p.action,
        monite_id: p.monite_id,
        name: side.productNames.get(p.monite_id) ?? p.payload?.name ?? side.itemNames.get(p.accounting_id) ?? '',
        accounting_id: p.accounting_id,
        accounting_name: p.accounting_id ? side.itemNames.get(p.accounting_id) ?? '' : '',
        candidates: (p.error?.accounting_ids ?? []).slice(0, 6),
        candidate_count: p.error?.accounting_ids.length ?? 0,
        monite_ids: p.error?.monite_ids ?? [],
        decided_by: p.decided_by ?? null,
        warnings: p.warnings.slice(0, 3),
        warning_count: p.warnings.length,
      };
    },
    details(p, i) {
      return {
        ...this.row(p, i),
        candidates: (p.error?.accounting_ids ?? []).map((id) => ({ id, name: side.itemNames.get(id) ?? '' })),
        monite_ids: (p.error?.monite_ids ?? []).map((id) => ({ id, name: side.productNames.get(id) ?? '' })),
        error: p.error,
        warnings: p.warnings,
        payload: p.payload ?? null,
      };
    },
  };

  const push = {};
  for (const section of SECTIONS) {
    const items = plan.push[section];
    push[section] = {
      items,
      status: items.map((r) => (r.eligible ? 'eligible' : 'blocked')),
      tags: items.map(pushTags),
      text: items.map((r) => {
        tick();
        const doc = side.docs.get(r.monite_id);
        return lower(r.monite_id, doc?.number, doc?.party, r.synced?.record_id, ...r.errors.flatMap((e) => [e.code, e.path]), ...r.warnings.flatMap((e) => [e.code, e.path]));
      }),
      row(r, i) {
        const doc = side.docs.get(r.monite_id);
        return {
          i,
          status: r.eligible ? 'eligible' : 'blocked',
          monite_id: r.monite_id,
          number: doc?.number ?? '',
          party: doc?.party ?? '',
          doc_status: doc?.status ?? '',
          errors: r.errors.slice(0, 3),
          error_count: r.errors.length,
          warning_count: r.warnings.length,
          synced_state: syncedState(r),
          last_failed: r.warnings.find((w) => w.code === 'last_push_failed')?.message ?? null,
          can_push_again: canPushAgain(r),
        };
      },
      details(r, i) {
        return {
          ...this.row(r, i),
          section,
          errors: r.errors,
          warnings: r.warnings,
          synced: r.synced ?? null,
          payload: r.payload ?? null,
          // The push result itself, without its payload: what `pushFailed` reads to push this one again.
          result: { monite_id: r.monite_id, eligible: r.eligible, errors: r.errors, warnings: r.warnings, synced: r.synced ?? null },
        };
      },
    };
  }
  progress(1);
  return { views: { counterparts, products, ...push }, orders: new Map() };
}

/** The row indexes of `view` that pass `status` (or `tag:<name>`) and every word of `search`, cached. */
function order(model, view, status, search) {
  const v = model.views[view];
  if (!v) throw new Error(`unknown view ${view}`);
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!status && !words.length) return null;
  const key = `${view}\u0000${status}\u0000${words.join(' ')}`;
  const cached = model.orders.get(key);
  if (cached) return cached;
  const out = [];
  const tag = status.startsWith(TAG) ? status.slice(TAG.length) : null;
  for (let i = 0; i < v.items.length; i++) {
    if (tag ? !v.tags[i]?.includes(tag) : status && v.status[i] !== status) continue;
    const text = v.text[i];
    if (words.every((w) => text.includes(w))) out.push(i);
  }
  const result = Int32Array.from(out);
  if (model.orders.size >= MAX_CACHED_ORDERS) model.orders.delete(model.orders.keys().next().value);
  model.orders.set(key, result);
  return result;
}

/** Rows `start`..`end` of the filtered view, with the filtered and unfiltered totals. */
export function queryRows(model, { view, status = '', search = '', start = 0, end = 100 }) {
  const v = model.views[view];
  const indexes = order(model, view, status, search);
  const total = indexes ? indexes.length : v.items.length;
  const rows = [];
  for (let k = Math.max(0, start); k < Math.min(end, total); k++) {
    const i = indexes ? indexes[k] : k;
    rows.push(v.row(v.items[i], i));
  }
  return { total, all: v.items.length, start, rows };
}

/** One row in full (candidates with names, payloads, every reason). */
export function rowDetails(model, { view, i }) {
  const v = model.views[view];
  const item = v?.items[i];
  return item ? v.details(item, i) : null;
}

/** The index of the row of `view` for Monite record `monite_id`, or -1 (to open it again after a new plan). */
export function findRow(model, { view, monite_id }) {
  return model.views[view]?.items.findIndex((r) => r.monite_id === monite_id) ?? -1;
}

/** Counts of each status and each tag per view, for the filters' option labels. */
export function statusCounts(model) {
  const out = {};
  for (const [name, v] of Object.entries(model.views)) {
    const counts = {};
    const tags = {};
    for (const s of v.status) counts[s] = (counts[s] ?? 0) + 1;
    for (const list of v.tags) for (const t of list ?? []) tags[t] = (tags[t] ?? 0) + 1;
    out[name] = { total: v.items.length, counts, tags };
  }
  return out;
}
