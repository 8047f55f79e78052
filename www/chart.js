// A small SVG chart: one bar per kind of record, split by status (share of the kind, count in the label); on
// a re-sync preview one more bar: every document by what the last sync did with it.
import { fmt } from './dom.js';
import { isResync } from './resync.js';

const NS = 'http://www.w3.org/2000/svg';

const svg = (tag, attrs = {}, text) => {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
};

const SECTIONS = ['bills', 'invoices', 'credit_notes', 'payment_records'];

/** The documents by last sync: [status, count, words] (the rest were never attempted, or are new). */
function lastPush(push) {
  const sum = (key) => SECTIONS.reduce((n, s) => n + push[s][key], 0);
  const [done, pending, failed] = [sum('already_pushed'), sum('push_in_progress'), sum('last_push_failed')];
  return [
    ['done', done, 'already pushed'],
    ['pending', pending, 'in progress'],
    ['error', failed, 'last push failed'],
    ['none', sum('total') - done - pending - failed, 'not synced yet'],
  ];
}

/** Rows of the chart from the summary: [label, [[status, count, words?], …]]. */
function rowsOf(summary) {
  const c = summary.pull.counterparts;
  const p = summary.pull.products;
  const push = summary.push;
  const eligibility = (s) => [['eligible', s.eligible], ['blocked', s.not_eligible]];
  return [
    ['Counterparts', [['matched', c.matched], ['unmatched', c.unmatched], ['ambiguous', c.ambiguous]]],
    ['Products', [['match', p.match], ['create', p.create], ['none', p.none]]],
    ['Bills', eligibility(push.bills)],
    ['Invoices', eligibility(push.invoices)],
    ['Credit notes', eligibility(push.credit_notes)],
    ['Payments', eligibility(push.payment_records)],
    ...(isResync(summary) ? [['Last push', lastPush(push)]] : []),
  ];
}

const LEGEND = [
  ['matched', 'matched / match / eligible', ' / already pushed'],
  ['unmatched', 'unmatched / create', ' / in progress'],
  ['ambiguous', 'ambiguous / blocked', ' / last push failed'],
  ['none', 'no action', ' / not synced yet'],
];

export function renderChart(figure, summary) {
  const rows = rowsOf(summary);
  const width = 420;
  const labelWidth = 96;
  const countWidth = 64;
  const barWidth = width - labelWidth - countWidth;
  const rowHeight = 22;
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${rows.length * rowHeight}`,
    role: 'img',
    'aria-labelledby': 'chart-title',
    class: 'chart-svg',
  });
  const description = rows.map(([label, parts]) => `${label}: ${parts.map(([s, n, words = s]) => `${fmt(n)} ${words}`).join(', ')}`).join('; ');
  chart.append(svg('title', { id: 'chart-title' }, `Records by status. ${description}`));
  rows.forEach(([label, parts], r) => {
    const y = r * rowHeight;
    const total = parts.reduce((n, [, count]) => n + count, 0);
    chart.append(svg('text', { x: 0, y: y + 15, class: 'chart-label' }, label));
    chart.append(svg('rect', { x: labelWidth, y: y + 4, width: barWidth, height: 14, rx: 3, class: 'chart-track' }));
    let x = labelWidth;
    for (const [status, count, words = status] of parts) {
      if (!count) continue;
      const w = (count / total) * barWidth;
      const rect = svg('rect', { x, y: y + 4, width: Math.max(w, 1.5), height: 14, class: `bar s-${status}` });
      rect.append(svg('title', {}, `${label}: ${fmt(count)} ${words}`));
      chart.append(rect);
      x += w;
    }
    chart.append(svg('text', { x: width, y: y + 15, class: 'chart-count', 'text-anchor': 'end' }, fmt(total)));
  });
  const legend = document.createElement('figcaption');
  legend.className = 'legend';
  const resync = isResync(summary);
  for (const [status, text, more] of LEGEND) {
    const item = document.createElement('span');
    item.innerHTML = `<i class="swatch s-${status}"></i>`;
    item.append(resync ? text + more : text);
    legend.append(item);
  }
  figure.replaceChildren(chart, legend);
}
