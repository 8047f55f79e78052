// The page's handle on the planning worker: promise per request, progress callbacks for loads.

export function createPlanner(url = new URL('./worker.js', import.meta.url)) {
  const worker = new Worker(url, { type: 'module' });
  const pending = new Map();
  let next = 1;
  worker.onmessage = ({ data }) => {
    const entry = pending.get(data.id);
    if (!entry) return;
    if (data.type === 'progress') {
      entry.onProgress?.(data);
      return;
    }
    pending.delete(data.id);
    if (data.type === 'result') entry.resolve(data.value);
    else entry.reject(Object.assign(new Error(data.error.message), data.error));
  };
  worker.onerror = (event) => {
    const error = new Error(`planning worker failed: ${event.message || 'could not start (module workers needed)'}`);
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };
  const send = (message, onProgress) =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ id, ...message });
    });
  return {
    /** Plans a source: `{ url, label }`, `{ texts: [{ name, text }] }`, `{ files: [File] }` or `{ input, label }`. */
    load: (source, onProgress) => send({ op: 'load', source }, onProgress),
    /** A window of rows: `{ generation, view, status, search, start, end }` → `{ total, all, rows }`. */
    query: (query) => send({ op: 'query', ...query }),
    /** One row in full: `{ generation, view, i }`. */
    row: (query) => send({ op: 'row', ...query }),
    /** The index of a Monite record's row: `{ generation, view, monite_id }` → index, or -1. */
    find: (query) => send({ op: 'find', ...query }),
  };
}
