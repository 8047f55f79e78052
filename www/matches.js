// The match preview: counterparts and products with status chips, the deciding field, candidates and
// suggestions; filter by status, search; a details panel for the open row.
import { $, chip, debounce, el, fmt, json, two } from './dom.js';
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
};

const more = (shown, count) => (count > shown ? ` +${fmt(count - shown)}` : '');

const COLUMNS = {
  counterparts: [
    { label: 'Monite counterpart', width: '25%', render: (r) => two(r.name, r.monite_id, { id: true, title: `${r.name}\n${r.monite_id}` }) },
    { label: 'Status', width: '8rem', render: (r) => chip(r.status) },
    {
      label: 'Deciding field / reason',
      width: '22%',
      render: (r) =>
        r.decided_by
          ? two(r.decided_by, r.decided_by === 'name' ? 'the only record with this name' : `left 1 of ${r.candidate_count} same-name candidates`)
          : two(r.reason, REASONS[r.reason] ?? '', { title: REASONS[r.reason] }),
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
    {
      label: 'Deciding field',
      width: '22%',
      render: (r) =>
        two(
          'name',
          r.status === 'match' ? 'one item has this name' : r.status === 'create' ? 'create in Monite from the item' : r.status === 'none' ? 'no item has this name' : 'several records share the name',
        ),
    },
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
    field('Decided by', d.decided_by ?? '—');
    field('Reason', d.reason ? [el('code', {}, d.reason), ' — ', REASONS[d.reason] ?? ''] : '—');
    field('Accounting record', d.accounting_id ? [el('code', {}, d.accounting_id), ` ${d.accounting_name}`] : '—');
    field(`Candidates (${d.candidates.length})`, list(d.candidates, idName));
    field(`Suggestions (${d.suggestions.length})`, list(d.suggestions, (s) => [...idName(s), ` — score ${s.score}`]));
    if (d.rivals.length) field('Same record matched by', list(d.rivals, idName));
    if (d.push?.errors.length) field('Push reasons', list(d.push.errors, (e) => [el('code', {}, e.path), ` ${e.code}: ${e.message}`]));
    if (d.push?.payload) field('Create payload', json(d.push.payload, 'Counterpart payload'));
  } else {
    field('Product', [d.name, ' ', d.monite_id ? el('code', {}, d.monite_id) : '(not in Monite yet)']);
    field('Status', chip(d.status));
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
