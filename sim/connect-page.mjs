// The page behind `connection_url`: what the entity user sees in a browser. It stands in for the provider's
// authorization site (the guide's `sites.railz.ai/…`): pick QuickBooks or Xero, then Authorize or Deny.
// Authorize turns the connection `connected` (with that `platform`) and runs the initial sync; Deny turns it
// `deauthorized`. The form carries a per-connection `state` value, as OAuth pages do, and the POST answers
// 303 back to the page (so a browser refresh does not send the decision twice).
import { PLATFORMS } from './store.mjs';
import { html, seeOther } from './respond.mjs';

const LABELS = { quickbooks: 'QuickBooks Online', xero: 'Xero' };

/** @param {unknown} text */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** @param {string} title @param {string} body */
function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #1d2433; }
fieldset { border: 1px solid #c8cdd8; border-radius: 6px; margin: 1rem 0; }
label { display: block; padding: .25rem 0; }
button { font: inherit; padding: .5rem 1.25rem; margin-right: .5rem; border-radius: 6px; border: 1px solid #1d2433; cursor: pointer; }
button[value="authorize"] { background: #1d5bd8; border-color: #1d5bd8; color: #fff; }
.status { padding: .75rem 1rem; border-radius: 6px; background: #eef2f8; }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/**
 * @param {import('./store.mjs').Store} store
 * @param {import('./counters.mjs').Counters} counters
 */
export function createConnectPages(store, counters) {
  return {
    /**
     * @param {string} method @param {string} id @param {string} rawBody
     * @returns {import('./respond.mjs').SimResponse}
     */
    handle(method, id, rawBody) {
      const connection = store.connections.get(id);
      if (!connection) {
        return html(404, page('Link not found', '<h1>Link not found</h1><p>This connection link does not exist.</p>'));
      }
      const self = `/connect/${encodeURIComponent(connection.id)}`;
      if (method === 'GET' || method === 'HEAD') return html(200, view(connection, self));
      if (method !== 'POST') {
        return { ...html(405, page('Method not allowed', '<h1>Method not allowed</h1>')), headers: { allow: 'GET, HEAD, POST' } };
      }
      const form = new URLSearchParams(rawBody);
      if (connection.status !== 'pending_auth') {
        return html(409, page('Link no longer valid', `<h1>Link no longer valid</h1><p class="status">This connection is already <strong>${escapeHtml(connection.status)}</strong>.</p>`));
      }
      if (form.get('state') !== connection.nonce) {
        return html(400, page('Invalid request', '<h1>Invalid request</h1><p>The form is missing its <code>state</code> value; reload the page and try again.</p>'));
      }
      const decision = form.get('decision');
      if (decision === 'deny') {
        store.decide(connection, 'deny');
        return seeOther(self);
      }
      const platform = form.get('platform') ?? '';
      if (decision !== 'authorize' || !(/** @type {readonly string[]} */ (PLATFORMS)).includes(platform)) {
        return html(400, page('Invalid request', '<h1>Invalid request</h1><p>Choose QuickBooks Online or Xero, then Authorize or Deny.</p>'));
      }
      store.decide(connection, 'authorize', platform);
      counters.syncs += 1;
      return seeOther(self);
    },
  };
}

/** @param {import('./store.mjs').Connection} connection @param {string} self */
function view(connection, self) {
  const name = (/** @type {string | undefined} */ p) => (p && p in LABELS ? LABELS[/** @type {keyof typeof LABELS} */ (p)] : p ?? 'an accounting system');
  switch (connection.status) {
    case 'pending_auth': {
      const options = PLATFORMS.map(
        (p, i) => `<label><input type="radio" name="platform" value="${p}"${i === 0 ? ' checked' : ''}> ${LABELS[p]}</label>`,
      ).join('\n    ');
      return page(
        'Connect your accounting system',
        `<h1>Connect your accounting system</h1>
<p>Your finance platform asks to synchronize your payables and receivables with your accounting system.
Choose the system, then authorize access.</p>
<form method="post" action="${self}">
  <input type="hidden" name="state" value="${escapeHtml(connection.nonce)}">
  <fieldset>
    <legend>Accounting system</legend>
    ${options}
  </fieldset>
  <button type="submit" name="decision" value="authorize">Authorize</button>
  <button type="submit" name="decision" value="deny">Deny</button>
</form>`,
      );
    }
    case 'connected':
      return page('Connected', `<h1>Connected</h1><p class="status" data-status="connected">Connected to <strong>${escapeHtml(name(connection.platform))}</strong>. You can close this window.</p>`);
    case 'deauthorized':
      return page('Access denied', '<h1>Access denied</h1><p class="status" data-status="deauthorized">You denied access. You can close this window.</p>');
    default:
      return page('Disconnected', `<h1>Disconnected</h1><p class="status" data-status="${escapeHtml(connection.status)}">This connection was disconnected.</p>`);
  }
}
