// The match preview: counterparts and products with status chips, how each row was decided (a link from the
// last sync shown apart from the name rules, with its drift warnings), candidates and suggestions; filter by
// status or re-sync tag, search; a details panel for the open row.
import { $, chip, debounce, el, fmt, json, two } from './dom.js';
import { decidedChip, isResync, tagOptions, VIEW_TAGS, warningBadges, warningList } from './resync.js';
import { createVirtualTable } from './table.js';

const STATUSES = {
  counterparts: ['matched', 'unmatched', 'ambiguous'],
  products: ['match', 'create', 'none', 'multiple_matches'],
};

const REASONS = {
  no_candidate_with_this_name: 'no accounting record has this name',
  no_candidate_agrees_on_country: 'same name, but no candidate agrees on the country',
  no_candidate_agrees_on_city: 'same name, but no candidate agrees on the city',
  no_candidate_agrees_on_address: 'same name, but no candidate agrees on the address',
  ambiguous: 'several candidates remain after every tie-breaker',
  duplicate_match: 'another Monite counterpart matched the same record',
  name_collision: 'the name collides with another record',
  duplicate_link: 'another Monite counterpart links to the same accounting record',
  linked_record_missing: 'the linked accounting record is gone (deleted, archived, or not loaded)',
};

/** Why a counterpart was decided as it was, in words. */
function howDecided(r) {
  if (r.decided_by === 'link') return 'linked by the last sync; names not compared';
  if (r.decided_by === 'name') return 'the only record with this name';
  return `left 1 of ${r.candidate_count} same-name candidates`;
}

const PRODUCT_RULES = {
  match: 'one item has this name',
  create: 'create in Monite from the item',
  none: 'no item has this name',
  multiple_matches: 'several records share the name',
};

/** How a product row was decided, in words (a link from the last sync, or the name rules). */
const productRule = (r) => (r.decided_by === 'link' ? 'linked by the last sync; names not compared' : PRODUCT_RULES[r.status]);

/** The cell of how a row was decided: the deciding chip (or `fallback`) and its warnings, the first warning's message below. */
function decidedCell(r, fallback, explanation) {
  const messages = r.warnings.map((w) => w.message).join('\n');
  return two([r.decided_by ? decidedChip(r.decided_by) : fallback, ...warningBadges(r.warnings)], r.warnings[0]?.message ?? explanation, { title: messages || explanation });
}

const more = (shown, count) => (count > shown ? ` +${fmt(count - shown)}` : '');

const COLUMNS = {
  counterparts: [
    { label: 'Monite counterpart', width: '25%', render: (r) => two(r.name, r.monite_id, { id: true, title: `${r.name}\n${r.monite_id}` }) },
    { label: 'Status', width: '8rem', render: (r) => chip(r.status) },
    {
      label: 'Decided by / reason',
      width: '22%',
      className: 'decided',
      render: (r) =>
        r.decided_by ? decidedCell(r, null, howDecided(r)) : decidedCell(r, el('span', { className: 'reason' }, r.reason), r.link_issue ?? REASONS[r.reason] ?? ''),
    },
    { label: 'Accounting record', width: '21%', render: (r) => (r.accounting_id ? two(r.accounting_name, r.accounting_id, { id: true, title: r.accounting_name }) : two('—', '')) },
    {
      label: 'Candidates / suggestions',
      render: (r) =>
        r.suggestion_count
          ? two(`suggested: ${r.suggestions.map((s) => `${s.accounting_id} (${s.score})`).join(', ')}${more(r.suggestions.length, r.suggestion_count)}`, 'a suggestion, never applied')
          : r.candidate_count
            ? two(`${r.candidates.join(', ')}${more(r.candidates.length, r.candidate_count)}`, `${fmt(r.candidate_count)} candidate${r.candidate_count === 1 ? '' : 's'}`)
            : two('—', ''),
      className: 'candidates',
    },
  ],
  products: [
    { label: 'Product', width: '28%', render: (r) => two(r.name, r.monite_id ?? 'not in Monite yet', { id: Boolean(r.monite_id), title: r.name }) },
    { label: 'Status', width: '10rem', render: (r) => chip(r.status) },
    { label: 'Decided by', width: '22%', className: 'decided', render: (r) => decidedCell(r, r.warnings.length ? null : 'name', productRule(r)) },
    { label: 'Accounting item', width: '22%', render: (r) => (r.accounting_id ? two(r.accounting_name, r.accounting_id, { id: true, title: r.accounting_name }) : two('—', '')) },
    {
      label: 'Candidates',
      render: (r) => (r.candidate_count ? two(`${r.candidates.join(', ')}${more(r.candidates.length, r.candidate_count)}`, `${fmt(r.candidate_count)} items, ${fmt(r.monite_ids.length)} products`) : two('—', '')),
      className: 'candidates',
    },
  ],
};

const list = (items, render) => (items.length ? el('ul', {}, items.map((item) => el('li', {}, render(item)))) : el('p', { className: 'muted' }, 'none'));
const idName = (x) => [el('code', {}, x.id), x.name ? ` ${x.name}` : ''];

function detailsOf(view, d) {
  const rows = [];
  const field = (label, value) => rows.push(el('dt', {}, label), el('dd', {}, value));
  if (view === 'counterparts') {
    field('Monite counterpart', [d.name, ' ', el('code', {}, d.monite_id)]);
    field('Status', [chip(d.status), d.push ? [' · push: ', chip(d.push.action)] : '']);
    field('Decided by', d.decided_by ? [decidedChip(d.decided_by), ' ', howDecided(d)] : '—');
    field('Reason', d.reason ? [el('code', {}, d.reason), ' — ', d.link_issue ?? REASONS[d.reason] ?? ''] : '—');
    field(`Warnings (${d.warnings.length})`, warningList(d.warnings));
    field('Accounting record', d.accounting_id ? [el('code', {}, d.accounting_id), ` ${d.accounting_name}`] : '—');
    field(`Candidates (${d.candidates.length})`, list(d.candidates, idName));
    field(`Suggestions (${d.suggestions.length})`, list(d.suggestions, (s) => [...idName(s), ` — score ${s.score}`]));
    if (d.rivals.length) field('Same record matched by', list(d.rivals, idName));
    if (d.push?.errors.length) field('Push reasons', list(d.push.errors, (e) => [el('code', {}, e.path), ` ${e.code}: ${e.message}`]));
    if (d.push?.payload) field('Create payload', json(d.push.payload, 'Counterpart payload'));
  } else {
    field('Product', [d.name, ' ', d.monite_id ? el('code', {}, d.monite_id) : '(not in Monite yet)']);
    field('Status', chip(d.status));
    field('Decided by', d.decided_by ? [decidedChip(d.decided_by), ' ', productRule(d)] : '—');
    field(`Warnings (${d.warnings.length})`, warningList(d.warnings));
    field('Accounting item', d.accounting_id ? [el('code', {}, d.accounting_id), ` ${d.accounting_name}`] : '—');
    if (d.error) {
      field('Error', el('code', {}, d.error.code));
      field(`Accounting items (${d.candidates.length})`, list(d.candidates, idName));
      field(`Monite products (${d.monite_ids.length})`, list(d.monite_ids, idName));
    }
    if (d.payload) field('Create payload (ProductServiceRequest)', json(d.payload, 'Product payload'));
  }
  return [el('h3', {}, view === 'counterparts' ? 'Counterpart' : 'Product'), el('dl', {}, rows)];
}

export function setupMatches(planner) {
  let data;
  let view = 'counterparts';
  const tables = {};
  const info = $('match-info');
  const status = $('match-status');
  const search = $('match-search');
  const details = $('match-details');
  const listeners = new Set();

  const describe = (total) => {
    const all = data?.counts[view].total ?? 0;
    const filtered = status.value || search.value.trim();
    info.textContent = filtered ? `${fmt(total)} of ${fmt(all)} ${view} match the filter.` : `${fmt(all)} ${view}.`;
  };

  for (const name of ['counterparts', 'products']) {
    tables[name] = createVirtualTable($(name), {
      columns: COLUMNS[name],
      empty: 'No rows match the filter.',
      fetchPage: async (start, end) => {
        if (!data) return null;
        const answer = await planner.query({ generation: data.generation, view: name, status: status.value, search: search.value, start, end });
        if (answer && start === 0 && name === view) describe(answer.total);
        return answer;
      },
      onOpen: async (row) => {
        const d = await planner.row({ generation: data.generation, view: name, i: row.i });
        if (d) details.replaceChildren(...detailsOf(name, d));
      },
      onRows: (count) => listeners.forEach((fn) => fn(name, count)),
    });
  }

  function fillStatuses() {
    const counts = data?.counts[view].counts ?? {};
    status.replaceChildren(
      el('option', { value: '' }, `All (${fmt(data?.counts[view].total ?? 0)})`),
      ...STATUSES[view].map((s) => el('option', { value: s }, `${s.replace('_', ' ')} (${fmt(counts[s] ?? 0)})`)),
      ...tagOptions(isResync(data?.summary), VIEW_TAGS[view], data?.counts[view].tags),
    );
  }

  function showView(next) {
    view = next;
    $('counterparts-wrap').hidden = view !== 'counterparts';
    $('products-wrap').hidden = view !== 'products';
    fillStatuses();
    details.replaceChildren();
    tables[view].reset();
  }

  for (const radio of document.querySelectorAll('input[name="match-kind"]')) radio.addEventListener('change', () => showView(radio.value));
  status.addEventListener('change', () => tables[view].reset());
  search.addEventListener('input', debounce(() => tables[view].reset(), 150));

  return {
    /** New data: `result` of the worker's load. */
    update(result) {
      data = result;
      $('count-counterparts').textContent = `(${fmt(result.counts.counterparts.total)})`;
      $('count-products').textContent = `(${fmt(result.counts.products.total)})`;
      fillStatuses();
      details.replaceChildren(el('p', { className: 'muted' }, 'Select a row (click, or ↑/↓ and Enter in the table) to see every candidate, suggestion and payload.'));
      for (const t of Object.values(tables)) t.reset();
    },
    /** `fn(view, renderedRows)` after each render with rows. */
    onRows(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    tables,
  };
}
