// The Monite client as the page uses it: base URL and entity from the demo server's GET /api/config, a
// token from its POST /api/token (the client secret stays on the server), every request logged.
import { createClient } from '/pkg/esm/browser.js';

let config;

/** `{ apiUrl, entityId }`, or null when the demo runs without the simulator. */
export async function simulatorConfig() {
  config ??= fetch('/api/config')
    .then((r) => (r.ok ? r.json() : null))
    .catch(() => null);
  return config;
}

/** A client whose requests (token included) go to `log` under the step `label()` names. */
export function makeClient(settings, log, label) {
  const logged = log.wrap((input, init) => fetch(input, init), label);
  return createClient({
    baseUrl: settings.apiUrl,
    entityId: settings.entityId,
    fetch: logged,
    fetchToken: async () => {
      const response = await logged('/api/token', { method: 'POST' });
      if (!response.ok) throw new Error(`/api/token: HTTP ${response.status}`);
      return response.json();
    },
  });
}
