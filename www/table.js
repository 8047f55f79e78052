// A virtualized table: a real <table> (role grid) in a scrolling box, with only the visible rows in the
// DOM between two spacer rows. Rows come in pages from `fetchPage(start, end)` (the worker), so 100k rows
// cost what 30 do. Keyboard: the table is one tab stop; ↑/↓, PageUp/PageDown, Home/End move the active
// row (aria-activedescendant), Enter or Space opens it. Clicking a row opens it too.
import { el } from './dom.js';

const PAGE = 100;
const OVERSCAN = 6;

export function createVirtualTable(table, { columns, fetchPage, onOpen = () => {}, onRows = () => {}, rowHeight = 44, empty = 'No rows.' }) {
  const wrap = table.parentElement;
  const idPrefix = `${table.id}-row-`;
  let total = 0;
  let loaded = false;
  let pages = new Map();
  let inflight = new Set();
  let version = 0;
  let active = -1;
  let frame = 0;
  let measured = false;

  table.setAttribute('role', 'grid');
  table.setAttribute('aria-readonly', 'true');
  table.tabIndex = 0;
  const colgroup = el('colgroup', {}, columns.map((c) => el('col', { style: c.width ? `width:${c.width}` : '' })));
  const head = el('thead', {}, el('tr', { attrs: { 'aria-rowindex': '1' } }, columns.map((c) => el('th', { scope: 'col' }, c.label))));
  const body = el('tbody');
  table.replaceChildren(colgroup, head, body);

  const spacer = (height) =>
    el('tr', { className: 'spacer', attrs: { 'aria-hidden': 'true' } }, el('td', { colSpan: columns.length, style: `height:${height}px` }));

  function rowAt(index) {
    return pages.get(Math.floor(index / PAGE))?.[index % PAGE];
  }

  function request(page) {
    if (pages.has(page) || inflight.has(page)) return;
    inflight.add(page);
    const asked = version;
    fetchPage(page * PAGE, (page + 1) * PAGE).then(
      (answer) => {
        if (asked !== version) return;
        inflight.delete(page);
        if (!answer) return;
        total = answer.total;
        loaded = true;
        pages.set(page, answer.rows);
        schedule();
      },
      () => asked === version && inflight.delete(page),
    );
  }

  function visibleRange() {
    const viewport = Math.max(rowHeight, wrap.clientHeight - head.offsetHeight);
    const first = Math.max(0, Math.floor(wrap.scrollTop / rowHeight) - OVERSCAN);
    const last = Math.min(total, Math.ceil((wrap.scrollTop + viewport) / rowHeight) + OVERSCAN);
    return [first, last];
  }

  function render() {
    frame = 0;
    if (!loaded) {
      request(0);
      body.replaceChildren(el('tr', { className: 'placeholder' }, el('td', { colSpan: columns.length }, 'Loading…')));
      return;
    }
    table.setAttribute('aria-rowcount', String(total + 1));
    table.dataset.total = String(total);
    if (total === 0) {
      body.replaceChildren(el('tr', { className: 'placeholder' }, el('td', { colSpan: columns.length }, empty)));
      table.removeAttribute('aria-activedescendant');
      onRows(0);
      return;
    }
    const [first, last] = visibleRange();
    for (let p = Math.floor(first / PAGE); p <= Math.floor((last - 1) / PAGE); p++) request(p);
    const rows = [];
    let real = 0;
    for (let index = first; index < last; index++) {
      const row = rowAt(index);
      const tr = el('tr', {
        id: `${idPrefix}${index}`,
        className: index === active ? 'active' : '',
        attrs: { 'aria-rowindex': String(index + 2), 'aria-selected': String(index === active) },
      });
      if (row) {
        real += 1;
        tr.dataset.status = row.status;
        tr.dataset.index = String(index);
        for (const c of columns) tr.append(el('td', { className: c.className ?? '' }, c.render(row)));
      } else {
        tr.className += ' placeholder';
        tr.append(el('td', { colSpan: columns.length }, '…'));
      }
      rows.push(tr);
    }
    body.replaceChildren(spacer(first * rowHeight), ...rows, spacer((total - last) * rowHeight));
    if (!measured && real) {
      // The CSS sets the row height; trust the layout if it differs (zoom, fonts).
      const actual = body.querySelector('tr[data-status]')?.getBoundingClientRect().height;
      if (actual) measured = true;
      if (actual && Math.abs(actual - rowHeight) > 0.5) {
        rowHeight = actual;
        schedule();
      }
    }
    if (active >= first && active < last) table.setAttribute('aria-activedescendant', `${idPrefix}${active}`);
    else table.removeAttribute('aria-activedescendant');
    if (real) onRows(real);
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function scrollIntoView(index) {
    const top = index * rowHeight;
    const viewport = wrap.clientHeight - head.offsetHeight;
    if (top < wrap.scrollTop) wrap.scrollTop = top;
    else if (top + rowHeight > wrap.scrollTop + viewport) wrap.scrollTop = top + rowHeight - viewport;
  }

  function activate(index, open = false) {
    if (!total) return;
    active = Math.max(0, Math.min(total - 1, index));
    scrollIntoView(active);
    render();
    const row = rowAt(active);
    if (open && row) onOpen(row, active);
  }

  wrap.addEventListener('scroll', schedule, { passive: true });
  new ResizeObserver(schedule).observe(wrap);
  body.addEventListener('click', (event) => {
    const tr = event.target.closest('tr[data-index]');
    if (!tr) return;
    table.focus({ preventScroll: true });
    activate(Number(tr.dataset.index), true);
  });
  table.addEventListener('keydown', (event) => {
    const page = Math.max(1, Math.floor((wrap.clientHeight - head.offsetHeight) / rowHeight) - 1);
    const start = active < 0 ? Math.floor(wrap.scrollTop / rowHeight) : active;
    const moves = { ArrowDown: start + (active < 0 ? 0 : 1), ArrowUp: start - 1, PageDown: start + page, PageUp: start - page, Home: 0, End: total - 1 };
    if (event.key in moves) {
      event.preventDefault();
      activate(moves[event.key], true);
    } else if ((event.key === 'Enter' || event.key === ' ') && active >= 0) {
      event.preventDefault();
      activate(active, true);
    }
  });

  return {
    /** Forgets every row and asks again (new data, filter or search); back to the top. */
    reset() {
      version += 1;
      pages = new Map();
      inflight = new Set();
      loaded = false;
      active = -1;
      delete table.dataset.total; // unknown until the first page answers
      wrap.scrollTop = 0;
      schedule();
    },
    get total() {
      return total;
    },
    /** Scrolls so that row `index` is in view (tests, deep links). */
    scrollTo(index) {
      wrap.scrollTop = Math.max(0, index * rowHeight);
      schedule();
    },
    open: (index) => activate(index, true),
    render: schedule,
  };
}
