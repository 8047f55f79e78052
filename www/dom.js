// Small DOM helpers shared by the page's modules.

export const $ = (id) => document.getElementById(id);

/** `el('td', { className: 'x', dataset: { a: 1 } }, 'text', node)`; attributes not properties go through `attrs`. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'attrs') for (const [name, v] of Object.entries(value)) node.setAttribute(name, v);
    else if (key === 'style') node.style.cssText = value;
    else node[key] = value;
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

const CHIP_LABELS = { multiple_matches: 'multiple matches', pending_auth: 'pending auth', none: 'no action' };

/** A status chip; the class carries the colour, the text the meaning. */
export function chip(status, text) {
  return el('span', { className: `chip s-${status}` }, text ?? CHIP_LABELS[status] ?? status);
}

const numbers = new Intl.NumberFormat('en-US');
export const fmt = (n) => (typeof n === 'number' ? numbers.format(n) : String(n ?? ''));

export const ms = (n) => `${fmt(Math.round(n))} ms`;

export const megabytes = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** Pretty JSON in a <pre>, for payloads. */
export function json(value, label) {
  return el('pre', { className: 'json', tabIndex: 0, attrs: label ? { 'aria-label': label } : {} }, JSON.stringify(value, null, 2));
}

export function debounce(fn, wait) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}

/** A two-line table cell: a main line and a muted second line (`id: true` sets it in monospace). */
export function two(top, bottom, { title, id = false } = {}) {
  return el('div', { className: 'two', title: title ?? '' }, el('span', {}, top || '—'), el('small', { className: id ? 'id' : '' }, bottom ?? ''));
}
