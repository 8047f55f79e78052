// Makes every HTTP step visible: wraps the `fetch` given to the client and lists method, path, status and
// time of each request (what the client retries shows as separate lines).
import { el } from './dom.js';

const MAX_ENTRIES = 400;

export function createHttpLog(list, counter) {
  let count = 0;

  function add({ label, method, url, status, ms: time, error }) {
    count += 1;
    const u = new URL(url, location.href);
    const path = u.origin === location.origin ? u.pathname + u.search : `${u.pathname}${u.search}`;
    const ok = typeof status === 'number' && status < 400;
    const item = el(
      'li',
      { dataset: { method, status: status ?? 'error', path: u.pathname } },
      el('span', { className: 'step-label' }, label),
      el('span', { className: `method m-${method.toLowerCase()}` }, method),
      el('code', { className: 'path', title: u.href }, path),
      el('span', { className: `http-status ${ok ? 'ok' : 'bad'}` }, status ?? error ?? 'failed'),
      el('span', { className: 'ms' }, `${Math.round(time)} ms`),
    );
    const stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    list.append(item);
    while (list.children.length > MAX_ENTRIES) list.firstElementChild.remove();
    if (stick) list.scrollTop = list.scrollHeight;
    if (counter) counter.textContent = `${count} request${count === 1 ? '' : 's'}`;
  }

  /** A fetch that logs each request under `label()` (a function: the step may change between calls). */
  function wrap(fetchImpl, label) {
    return async (input, init = {}) => {
      const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
      const method = (init.method ?? (typeof input === 'object' && 'method' in input ? input.method : 'GET')).toUpperCase();
      const started = performance.now();
      try {
        const response = await fetchImpl(input, init);
        add({ label: label(), method, url, status: response.status, ms: performance.now() - started });
        return response;
      } catch (error) {
        add({ label: label(), method, url, error: error?.name === 'AbortError' ? 'aborted' : 'network error', ms: performance.now() - started });
        throw error;
      }
    };
  }

  return {
    wrap,
    clear() {
      list.replaceChildren();
      count = 0;
      if (counter) counter.textContent = '';
    },
    get count() {
      return count;
    },
  };
}
