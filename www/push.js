// The push preview: bills, invoices, credit notes and payment records, each eligible or blocked with its
// reasons by field path; the open document shows every reason, warning and the shaped payload.
import { $, chip, debounce, el, fmt, json, two } from './dom.js';
import { createVirtualTable } from './table.js';

const TITLES = { bills: 'Bill', invoices: 'Invoice', credit_notes: 'Credit note', payment_records: 'Payment record' };

const COLUMNS = [
  { label: 'Document', width: '30%', render: (r) => two([r.number || '(no number)', r.party ? ` · ${r.party}` : ''].join(''), r.monite_id, { id: true, title: r.monite_id }) },
  { label: 'Status', width: '10rem', render: (r) => el('span', { title: r.doc_status }, r.doc_status) },
  { label: 'Push', width: '7.5rem', render: (r) => chip(r.status) },
  {
    label: 'Reasons by field path',
    render: (r) =>
      r.error_count
        ? two(
            r.errors.map((e) => `${e.path}: ${e.code}`).join(' · '),
            r.error_count > r.errors.length ? `+${r.error_count - r.errors.length} more` : r.errors[0].message,
            { title: r.errors.map((e) => `${e.path}: ${e.message}`).join('\n') },
          )
        : two('—', r.warning_count ? `${r.warning_count} warning${r.warning_count === 1 ? '' : 's'}` : 'ready to push'),
  },
];

const issues = (items, label) =>
  items.length
    ? el(
        'table',
        { className: 'issues', attrs: { 'aria-label': label } },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Field path'), el('th', { scope: 'col' }, 'Code'), el('th', { scope: 'col' }, 'Message'))),
        el('tbody', {}, items.map((e) => el('tr', {}, el('td', {}, el('code', {}, e.path)), el('td', {}, el('code', {}, e.code)), el('td', {}, e.message)))),
      )
    : el('p', { className: 'muted' }, 'none');

/** For credit notes: the two things the shaping guarantees, checked on the payload itself. */
function creditNoteChecks(payload) {
  const checks = [
    ['no document number (no invoice_number key)', !('invoice_number' in payload)],
    ['no link to the invoice (no based_on / based_on_document_id / invoice_id)', !['based_on', 'based_on_document_id', 'invoice_id'].some((k) => k in payload)],
  ];
  return el('ul', { className: 'checks' }, checks.map(([text, ok]) => el('li', { className: ok ? 'ok' : 'bad' }, `${ok ? '✓' : '✗'} ${text}`)));
}

function detailsOf(d) {
  const out = [
    el('h3', {}, `${TITLES[d.section]} ${d.number || ''}`, ' ', chip(d.status)),
    el('p', {}, el('code', {}, d.monite_id), d.party ? ` · ${d.party}` : '', d.doc_status ? ` · status ${d.doc_status}` : ''),
    el('h4', {}, `Reasons (${d.errors.length})`),
    issues(d.errors, 'Reasons'),
    el('h4', {}, `Warnings (${d.warnings.length})`),
    issues(d.warnings, 'Warnings'),
  ];
  if (d.payload) {
    out.push(el('h4', {}, 'Shaped payload'));
    if (d.section === 'credit_notes') out.push(creditNoteChecks(d.payload));
    out.push(json(d.payload, 'Payload'));
  } else {
    out.push(el('p', { className: 'muted' }, 'No payload: the document is not pushed until its reasons are fixed.'));
  }
  return out;
}

export function setupPush(planner) {
  let data;
  let section = 'bills';
  const status = $('push-status');
  const search = $('push-search');
  const info = $('push-info');
  const details = $('push-details');

  const table = createVirtualTable($('push'), {
    columns: COLUMNS,
    empty: 'No documents match the filter.',
    fetchPage: async (start, end) => {
      if (!data) return null;
      const answer = await planner.query({ generation: data.generation, view: section, status: status.value, search: search.value, start, end });
      if (answer && start === 0) {
        const all = data.counts[section].total;
        info.textContent = status.value || search.value.trim() ? `${fmt(answer.total)} of ${fmt(all)} match the filter.` : `${fmt(all)} documents.`;
      }
      return answer;
    },
    onOpen: async (row) => {
      const d = await planner.row({ generation: data.generation, view: section, i: row.i });
      if (d) details.replaceChildren(...detailsOf(d));
    },
  });

  const hint = () => details.replaceChildren(el('p', { className: 'muted' }, 'Select a document to see each reason by field path and the payload that would be pushed.'));

  for (const radio of document.querySelectorAll('input[name="push-kind"]')) {
    radio.addEventListener('change', () => {
      section = radio.value;
      hint();
      table.reset();
    });
  }
  status.addEventListener('change', () => table.reset());
  search.addEventListener('input', debounce(() => table.reset(), 150));

  return {
    update(result) {
      data = result;
      for (const s of Object.keys(TITLES)) {
        const c = result.counts[s];
        $(`count-${s}`).textContent = `(${fmt(c.total)})`;
      }
      hint();
      table.reset();
    },
    table,
  };
}
