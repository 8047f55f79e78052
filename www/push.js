// The push preview: bills, invoices, credit notes and payment records, each eligible or blocked with its
// reasons by field path, and on a re-sync what the last sync did with it (already pushed, in progress, last
// push failed — with "Push again" for one that passes now); the open document shows every reason, warning,
// its synced record and the shaped payload.
import { $, chip, debounce, el, fmt, json, two } from './dom.js';
import { lastSync } from './push-again.js';
import { isResync, syncedChip, tagOptions, VIEW_TAGS } from './resync.js';
import { createVirtualTable } from './table.js';

const TITLES = { bills: 'Bill', invoices: 'Invoice', credit_notes: 'Credit note', payment_records: 'Payment record' };
const SECTION_NAMES = { bills: 'Bills', invoices: 'Invoices', credit_notes: 'Credit notes', payment_records: 'Payment records' };
/** Documents the last sync pushed or is pushing: the sync leaves them alone (no action, not a failure). */
const LEFT_ALONE = new Set(['already_pushed', 'push_in_progress']);

const at = (e) => (e.path ? `${e.path}: ${e.code}` : e.code);

function reasonsCell(r) {
  if (r.can_push_again) return two('↻ last push failed — can be pushed again', r.last_failed, { title: r.last_failed });
  if (r.error_count) {
    return two(r.errors.map(at).join(' · '), r.error_count > r.errors.length ? `+${r.error_count - r.errors.length} more` : r.errors[0].message, {
      title: r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'),
    });
  }
  return two('—', r.warning_count ? `${r.warning_count} warning${r.warning_count === 1 ? '' : 's'}` : 'ready to push');
}

/** The push chip: what the sync does with the document (a pushed or pushing one it leaves alone). */
const pushChip = (r) => (LEFT_ALONE.has(r.synced_state) ? chip('none') : chip(r.status));

const COLUMNS = [
  { label: 'Document', width: '27%', render: (r) => two([r.number || '(no number)', r.party ? ` · ${r.party}` : ''].join(''), r.monite_id, { id: true, title: r.monite_id }) },
  { label: 'Status', width: '8.5rem', render: (r) => el('span', { title: r.doc_status }, r.doc_status) },
  { label: 'Last sync', width: '9.5rem', className: 'synced', render: (r) => syncedChip(r.synced_state) },
  { label: 'Push', width: '7.5rem', render: pushChip },
  { label: 'Reasons by field path', render: reasonsCell },
];

/** Per section, what the last sync left: the summary's re-sync counts (and how many can go again). */
function resyncTable(result) {
  const keys = [
    ['total', 'Documents'],
    ['eligible', 'Eligible'],
    ['already_pushed', 'Already pushed'],
    ['push_in_progress', 'In progress'],
    ['last_push_failed', 'Last push failed'],
  ];
  const cell = (section, key, value) => el('td', { dataset: { section, key, value } }, fmt(value));
  return el(
    'table',
    { className: 'compact resync-table' },
    el('caption', {}, 'Since the last sync'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Section'), keys.map(([, label]) => el('th', { scope: 'col' }, label)), el('th', { scope: 'col' }, 'Can be pushed again'))),
    el(
      'tbody',
      {},
      Object.keys(TITLES).map((section) => {
        const s = result.summary.push[section];
        return el('tr', {}, el('th', { scope: 'row' }, SECTION_NAMES[section]), keys.map(([key]) => cell(section, key, s[key])), cell(section, 'push_again', result.counts[section].tags.push_again ?? 0));
      }),
    ),
  );
}

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

function detailsOf(d, api, reopen) {
  const out = [
    el('h3', {}, `${TITLES[d.section]} ${d.number || ''}`, ' ', pushChip(d)),
    el('p', {}, el('code', {}, d.monite_id), d.party ? ` · ${d.party}` : '', d.doc_status ? ` · status ${d.doc_status}` : ''),
    ...(d.synced || d.synced_state ? lastSync(d, api, reopen) : []),
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
  let api = null;
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
    onOpen: (row) => show(section, row.i),
  });

  /** Shows row `i` of `view` in the details panel. */
  async function show(view, i) {
    const d = await planner.row({ generation: data.generation, view, i });
    if (!d) return;
    // After a new plan, the same document again (its row index may have moved).
    const reopen = async () => {
      const again = await planner.find({ generation: data.generation, view, monite_id: d.monite_id });
      if (again >= 0 && view === section) await show(view, again);
    };
    details.replaceChildren(...detailsOf(d, api, reopen));
  }

  const hint = () => details.replaceChildren(el('p', { className: 'muted' }, 'Select a document to see each reason by field path and the payload that would be pushed.'));

  function fillStatuses() {
    const c = data?.counts[section];
    const count = (n) => ` (${fmt(n ?? 0)})`;
    const chosen = status.value;
    status.replaceChildren(
      el('option', { value: '' }, `All${count(c?.total)}`),
      el('option', { value: 'eligible' }, `Eligible${count(c?.counts.eligible)}`),
      el('option', { value: 'blocked' }, `Blocked${count(c?.counts.blocked)}`),
      ...tagOptions(isResync(data?.summary), VIEW_TAGS.documents, c?.tags),
    );
    status.value = [...status.options].some((o) => o.value === chosen) ? chosen : '';
  }

  for (const radio of document.querySelectorAll('input[name="push-kind"]')) {
    radio.addEventListener('change', () => {
      section = radio.value;
      fillStatuses();
      hint();
      table.reset();
    });
  }
  status.addEventListener('change', () => table.reset());
  search.addEventListener('input', debounce(() => table.reset(), 150));

  return {
    /** New data: the worker's `result`, and `{ client, preview, setStep }` when it came through the API. */
    update(result, through = null) {
      data = result;
      api = through;
      for (const s of Object.keys(TITLES)) {
        const c = result.counts[s];
        $(`count-${s}`).textContent = `(${fmt(c.total)})`;
      }
      const box = $('push-resync');
      box.hidden = !isResync(result.summary);
      box.replaceChildren(...(box.hidden ? [] : [resyncTable(result)]));
      fillStatuses();
      hint();
      table.reset();
    },
    table,
  };
}
