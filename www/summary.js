// The summary cards: the plan's headline counts, and on a re-sync preview what the synced records decided
// (links, drift, missing and duplicate links, documents already pushed, in progress and failed). Each number
// also sits in data-value (unformatted); the re-sync ones name their summary path in data-resync.
import { $, el, fmt } from './dom.js';
import { isResync } from './resync.js';

const DOCUMENTS = ['bills', 'invoices', 'credit_notes', 'payment_records'];

/** [group, summary object, [[key, label, tone]]]: tone `warn` for what needs a look. */
function resyncGroups(summary) {
  const documents = {};
  for (const key of ['already_pushed', 'push_in_progress', 'last_push_failed']) documents[key] = DOCUMENTS.reduce((n, s) => n + summary.push[s][key], 0);
  const links = [
    ['linked', 'linked', ''],
    ['name_drift', 'name drift', 'warn'],
  ];
  const broken = [
    ['linked_record_missing', 'missing link', 'warn'],
    ['duplicate_link', 'duplicate link', 'warn'],
  ];
  return [
    ['Counterparts', 'pull.counterparts', summary.pull.counterparts, [...links, ['country_drift', 'country drift', 'warn'], ...broken]],
    ['Products', 'pull.products', summary.pull.products, [...links, ...broken]],
    ['Documents', 'documents', documents, [['already_pushed', 'already pushed', ''], ['push_in_progress', 'in progress', ''], ['last_push_failed', 'last push failed', 'warn']]],
  ];
}

function resyncStrip(summary) {
  return el(
    'div',
    { className: 'resync', attrs: { role: 'group', 'aria-labelledby': 'resync-title' } },
    el('span', { id: 'resync-title', className: 'resync-title' }, 'Since the last sync'),
    resyncGroups(summary).map(([group, path, counts, items]) =>
      el(
        'span',
        { className: 'rs-group' },
        el('span', { className: 'rs-name' }, group),
        items.map(([key, label, tone]) => {
          const value = counts[key] ?? 0;
          return el('span', { className: `rs ${tone && value ? tone : ''}`, dataset: { resync: `${path}.${key}`, value } }, el('b', {}, fmt(value)), ` ${label}`);
        }),
      ),
    ),
  );
}

export function renderSummary(summary) {
  const c = summary.pull.counterparts;
  const entries = [
    ['matched', c.matched, 'counterparts matched', 'matched'],
    ['unmatched', c.unmatched, 'unmatched', 'unmatched'],
    ['ambiguous', c.ambiguous, 'ambiguous', 'ambiguous'],
    ['products-create', summary.pull.products.create, 'products to create', 'create'],
    ['counterparts-create', summary.push.counterparts.create, 'counterparts to create', 'create'],
    ['bills-eligible', summary.push.bills.eligible, 'bills eligible', 'eligible'],
    ['bills-blocked', summary.push.bills.not_eligible, 'bills blocked', 'blocked'],
    ['errors', summary.errors, 'sync errors', 'errors'],
  ];
  $('summary').replaceChildren(
    el(
      'div',
      { className: 'counts' },
      entries.map(([key, value, label, tone]) =>
        el('div', { className: `count t-${tone}`, dataset: { count: key } }, el('b', { dataset: { value } }, fmt(value)), el('span', {}, label)),
      ),
    ),
    ...(isResync(summary) ? [resyncStrip(summary)] : []),
  );
}
