// The summary cards: the plan's headline counts. Each number also sits in data-value (unformatted).
import { $, el, fmt } from './dom.js';

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
  );
}
