// A small route table: path templates with `{name}` segments, matched against the path after `/v1`.

/**
 * What a handler receives.
 * @typedef {object} Context
 * @property {import('./store.mjs').Store} store
 * @property {import('./auth.mjs').Auth} auth
 * @property {import('./counters.mjs').Counters} counters
 * @property {(name: string) => import('./pagination.mjs').ListSpec} list   a list's spec with the page-size option applied
 * @property {Record<string, string>} params        path parameters
 * @property {URLSearchParams} query
 * @property {unknown} body                         parsed JSON body (routes with `body: true`), else undefined
 * @property {string} entityId                      from `x-monite-entity-id` (entity-scoped routes)
 * @property {import('./store.mjs').EntityData} entity
 * @property {import('./auth.mjs').Principal | undefined} principal
 */

/**
 * @typedef {object} Route
 * @property {string} method
 * @property {string} template          e.g. `/accounting_connections/{connection_id}`
 * @property {boolean} [public]         no Bearer token needed (`POST /auth/token`)
 * @property {boolean} [entityScoped]   requires `x-monite-entity-id` (default true)
 * @property {boolean} [body]           parse a JSON body
 * @property {(ctx: Context) => import('./respond.mjs').SimResponse} handle
 */

/**
 * @param {Route[]} routes
 */
export function createRouter(routes) {
  const compiled = routes.map((route) => {
    /** @type {string[]} */
    const names = [];
    const source = route.template.replace(/\{([^/}]+)\}|[.*+?^$()|[\]\\]/g, (whole, name) => {
      if (!name) return `\\${whole}`;
      names.push(name);
      return '([^/]+)';
    });
    return { route, names, regex: new RegExp(`^${source}$`) };
  });
  return {
    /**
     * @param {string} method @param {string} path  the path after `/v1`
     * @returns {{ route: Route, params: Record<string, string> } | { allowed: string[] } | null}
     */
    find(method, path) {
      const allowed = [];
      for (const { route, names, regex } of compiled) {
        const match = regex.exec(path);
        if (!match) continue;
        if (route.method !== method) {
          allowed.push(route.method);
          continue;
        }
        /** @type {Record<string, string>} */
        const params = {};
        names.forEach((name, i) => {
          params[name] = safeDecode(match[i + 1]);
        });
        return { route, params };
      }
      return allowed.length ? { allowed } : null;
    },
  };
}

/** @param {string} text */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
