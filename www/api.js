// The Monite client as the page uses it: base URL and entity from the demo server's GET /api/config, a
// token from its POST /api/token (the client secret stays on the server), every request logged. Also the
// demo server's simulator knobs (/api/sim/…), and the one way the page previews through the API.
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

/**
 * One of the demo server's simulator knobs: `GET path`, or `POST path` with `body` as JSON. Resolves with the
 * answer's JSON; an error answer throws an Error with the server's message.
 */
export async function simulator(path, body) {
  const response = await fetch(`/api/sim/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.error ?? `/api/sim/${path}: HTTP ${response.status}`);
  return answer;
}

/**
 * What `client.previewSync()` plans, without planning on this thread: the PlanInput the client loads over
 * the API (synced records included once the entity has a connection) with the accounting side a platform
 * pulls from QuickBooks / Xero itself — here the simulator's, from the demo server — and the sync's policy.
 * The page plans it in its worker (`previewSync` is `planSync(await loadPlanInput(…))`).
 */
export async function loadThroughApi(client) {
  const { accounting, policy } = await simulator('accounting');
  return client.loadPlanInput({ accounting, ...(policy ? { policy } : {}) });
}
