// The connection panel: runs the client against the local simulator — list the entity's connection,
// connect (or replace), open connection_url, wait until connected, sync, preview again (the plan of the
// next sync, from the synced records the last one left), list synced records, disconnect — with every HTTP
// request of each step in the log; and the simulator's knobs for the re-sync story.
import { AlreadyConnectedError } from '/pkg/esm/browser.js';
import { makeClient, simulatorConfig } from './api.js';
import { $, chip, el, fmt } from './dom.js';
import { createHttpLog } from './http-log.js';
import { knobsCard, setupKnobs } from './sim-knobs.js';

const SECTIONS = ['bills', 'invoices', 'credit_notes', 'payment_records'];

const OBJECT_TYPES = ['customer', 'vendor', 'product', 'bill', 'receivable', 'payment_record'];
const ACTIVE = new Set(['connected', 'pending_auth']);

/** `2024-06-08T19:52:22.557000+00:00` → `2024-06-08 19:52:22 UTC`. */
const when = (t) => (t ? t.replace('T', ' ').replace(/(\.\d+)?(\+00:00|Z)$/, ' UTC') : '—');

function layout(root) {
  root.replaceChildren(
    el(
      'div',
      { className: 'conn-grid' },
      el(
        'article',
        { className: 'card' },
        el('h2', {}, 'Accounting connection'),
        el(
          'dl',
          { className: 'conn-facts' },
          el('dt', {}, 'Status'),
          el('dd', { id: 'conn-status', dataset: { status: 'unknown' } }, '—'),
          el('dt', {}, 'Platform'),
          el('dd', { id: 'conn-platform' }, '—'),
          el('dt', {}, 'Connection id'),
          el('dd', { id: 'conn-id' }, '—'),
          el('dt', {}, 'Last pull'),
          el('dd', { id: 'conn-last-pull' }, '—'),
          el('dt', {}, 'Connection URL'),
          el('dd', { id: 'conn-url-box' }, '—'),
        ),
        el(
          'div',
          { className: 'buttons' },
          el('button', { type: 'button', id: 'conn-connect' }, 'Create connection'),
          el('button', { type: 'button', id: 'conn-replace', className: 'secondary' }, 'Replace connection'),
          el('button', { type: 'button', id: 'conn-sync', className: 'secondary' }, 'Sync now'),
          el('button', { type: 'button', id: 'conn-preview', className: 'secondary' }, 'Preview again'),
          el('button', { type: 'button', id: 'conn-disconnect', className: 'secondary' }, 'Disconnect'),
          el('button', { type: 'button', id: 'conn-refresh', className: 'secondary' }, 'Refresh'),
        ),
        el('p', { id: 'conn-message', role: 'status' }),
        el('div', { id: 'conn-preview-result', attrs: { role: 'status' } }),
      ),
      el(
        'article',
        { className: 'card' },
        el('h2', {}, 'Synced records'),
        el(
          'div',
          { className: 'toolbar' },
          el('label', {}, 'Object type ', el('select', { id: 'records-type' }, OBJECT_TYPES.map((t) => el('option', { value: t }, t)))),
          el('button', { type: 'button', id: 'records-list', className: 'secondary' }, 'List synced records'),
        ),
        el('p', { id: 'records-info', className: 'muted', role: 'status' }, 'Choose an object type and list what the last sync recorded.'),
        el(
          'div',
          { className: 'box-scroll' },
          el(
            'table',
            { id: 'synced-records', className: 'compact' },
            el('caption', { className: 'visually-hidden' }, 'Synced records of the selected type'),
            el('thead', {}, el('tr', {}, ['Object', 'Platform object', 'Sync status', 'Last pulled'].map((h) => el('th', { scope: 'col' }, h)))),
            el('tbody'),
          ),
        ),
      ),
      knobsCard(),
      el(
        'article',
        { className: 'card wide' },
        el('div', { className: 'card-head' }, el('h2', {}, 'HTTP steps ', el('small', { id: 'http-count', className: 'muted' })), el('button', { type: 'button', id: 'http-clear', className: 'secondary' }, 'Clear')),
        el('ol', { id: 'http-log', className: 'http-log', tabIndex: 0, attrs: { 'aria-label': 'HTTP requests, oldest first' } }),
      ),
    ),
  );
}

/** What a preview says in one line: the re-sync counts when synced records were read. */
function previewLine(result) {
  const s = result.summary;
  const sum = (key) => SECTIONS.reduce((n, section) => n + s.push[section][key], 0);
  if (!s.synced_records) return `A first-sync plan: no synced records yet (${fmt(s.pull.counterparts.matched)} counterparts matched by name, ${fmt(sum('eligible'))} documents to push).`;
  const again = SECTIONS.reduce((n, section) => n + (result.counts[section].tags.push_again ?? 0), 0);
  return (
    `The next sync, from the ${fmt(s.synced_records.counted)} synced records the last one left: ${fmt(s.pull.counterparts.linked)} counterparts and ` +
    `${fmt(s.pull.products.linked)} products linked, ${fmt(sum('already_pushed'))} documents already pushed, ${fmt(sum('push_in_progress'))} in progress, ` +
    `${fmt(sum('last_push_failed'))} failed last time (${fmt(again)} can be pushed again).`
  );
}

/** `preview(client, label, setStep)` plans through the API and shows it in the other tabs; `showTab(name)`. */
export function setupConnection(root, { preview, showTab }) {
  layout(root);
  const log = createHttpLog($('http-log'), $('http-count'));
  let client;
  let connection = null;
  let step = 'refresh';
  let waiting;
  let busy = false;
  let synced = false;
  let knobs;
  const message = $('conn-message');

  function say(text, tone = '') {
    message.textContent = text;
    message.className = tone;
  }

  function render() {
    const status = connection?.status ?? 'none';
    const box = $('conn-status');
    box.dataset.status = status;
    box.replaceChildren(connection ? chip(status) : 'no connection');
    $('conn-platform').textContent = connection?.platform ?? '—';
    $('conn-id').replaceChildren(connection ? el('code', {}, connection.id) : '—');
    $('conn-last-pull').textContent = when(connection?.last_pull);
    const url = connection?.connection_url;
    $('conn-url-box').replaceChildren(
      url && status === 'pending_auth'
        ? el('a', { id: 'conn-url', href: url, target: '_blank', rel: 'noopener' }, 'Open the connection page ↗')
        : url
          ? el('code', { className: 'muted', title: url }, url)
          : '—',
    );
    const active = ACTIVE.has(status);
    $('conn-connect').disabled = busy;
    $('conn-replace').disabled = busy || !active;
    $('conn-sync').disabled = busy || status !== 'connected';
    $('conn-preview').disabled = busy || !connection;
    $('conn-disconnect').disabled = busy || !active;
    $('conn-refresh').disabled = busy;
    $('records-list').disabled = busy;
    // The next sensible step is the primary button.
    const primary = status === 'connected' ? (synced ? 'conn-preview' : 'conn-sync') : active ? null : 'conn-connect';
    for (const id of ['conn-connect', 'conn-replace', 'conn-sync', 'conn-preview', 'conn-disconnect', 'conn-refresh']) $(id).classList.toggle('secondary', id !== primary);
  }

  async function run(name, work) {
    step = name;
    busy = true;
    render();
    try {
      await work();
    } catch (error) {
      if (error instanceof AlreadyConnectedError) {
        say(`${error.name}: ${error.message} — use “Replace connection” to disconnect it and create a new one.`, 'bad');
      } else if (error?.name !== 'AbortError') {
        say(`${error?.name ?? 'Error'}: ${error?.message ?? error}`, 'bad');
      }
    } finally {
      busy = false;
      render();
    }
  }

  async function refresh() {
    const all = await client.listConnections();
    const rank = (c) => (c.status === 'connected' ? 2 : c.status === 'pending_auth' ? 1 : 0);
    connection = [...all].sort((a, b) => rank(b) - rank(a) || String(b.updated_at).localeCompare(String(a.updated_at)))[0] ?? null;
    say(connection ? `The entity has ${all.length} connection${all.length === 1 ? '' : 's'}; showing the ${connection.status} one.` : 'The entity has no accounting connection yet.');
  }

  /** Polls until the entity user has authorized on the connection page (in another tab). */
  function waitForAuthorization() {
    waiting?.abort();
    const controller = new AbortController();
    waiting = controller;
    step = 'wait until connected';
    client
      .waitUntilConnected(connection.id, {
        signal: controller.signal,
        intervalMs: 1000,
        maxIntervalMs: 3000,
        onPoll: (c) => {
          connection = c;
          render();
        },
      })
      .then(
        (c) => {
          connection = c;
          say(`Connected to ${c.platform}. The initial sync ran; list the synced records.`, 'ok');
          render();
        },
        (error) => {
          if (controller.signal.aborted) return;
          say(`${error.name}: ${error.message}`, 'bad');
          render();
        },
      );
  }

  async function connect(replace) {
    waiting?.abort();
    connection = await client.connect(replace ? { replace: true } : {});
    say('Created: open the connection page and authorize; the status updates here by itself.');
    render();
    waitForAuthorization();
  }

  async function listRecords() {
    const objectType = $('records-type').value;
    const rows = [];
    let total = 0;
    for await (const record of client.syncedRecords({ objectType, limit: 100 })) {
      total += 1;
      if (rows.length < 500) rows.push(record);
    }
    $('synced-records').tBodies[0].replaceChildren(
      ...rows.map((r) =>
        el(
          'tr',
          { dataset: { status: r.sync_status } },
          el('td', { title: r.object_id ?? '' }, el('code', {}, r.object_id ?? '—')),
          el('td', { title: r.platform_object_id ?? '' }, r.platform ? el('small', { className: 'muted' }, `${r.platform} `) : '', el('code', {}, r.platform_object_id ?? '—')),
          el('td', {}, chip(r.sync_status === 'done' ? 'eligible' : r.sync_status === 'error' ? 'blocked' : 'none', r.sync_status)),
          el('td', {}, when(r.last_pulled_at)),
        ),
      ),
    );
    $('records-info').textContent = `${fmt(total)} synced ${objectType} record${total === 1 ? '' : 's'}${total > rows.length ? ` (first ${rows.length} shown)` : ''}.`;
  }

  $('conn-refresh').addEventListener('click', () => run('refresh', refresh));
  $('conn-connect').addEventListener('click', () => run('connect', () => connect(false)));
  $('conn-replace').addEventListener('click', () => run('replace', () => connect(true)));
  $('conn-sync').addEventListener('click', () =>
    run('sync', async () => {
      const answer = await client.sync(connection.id);
      connection = await client.getConnection(connection.id);
      synced = true;
      say(`Sync accepted: ${answer.message} — “Preview again” plans the next sync from what this one left.`, 'ok');
      await listRecords();
      await knobs?.refresh();
    }),
  );
  $('conn-preview').addEventListener('click', () =>
    run('preview again', async () => {
      const box = $('conn-preview-result');
      box.replaceChildren('Previewing through the API…');
      const result = await preview(client, 'the Monite API simulator (Connection tab)', (name) => {
        step = name;
      }).catch((error) => {
        box.replaceChildren();
        throw error;
      });
      const open = (name, text) => {
        const b = el('button', { type: 'button', className: 'secondary' }, text);
        b.addEventListener('click', () => showTab(name));
        return b;
      };
      box.replaceChildren(el('p', { className: 'ok' }, previewLine(result)), el('div', { className: 'buttons' }, open('matches', 'Open the match preview'), open('push', 'Open the push preview')));
    }),
  );
  $('conn-disconnect').addEventListener('click', () =>
    run('disconnect', async () => {
      waiting?.abort();
      connection = await client.disconnect(connection.id);
      say('Disconnected.', 'ok');
    }),
  );
  $('records-list').addEventListener('click', () => run('list synced records', listRecords));
  $('http-clear').addEventListener('click', () => log.clear());

  let started = false;
  return {
    /** The HTTP steps list, shared with the data loader. */
    log,
    /** Called when the tab is shown: the first time, connects the client and loads the connection. */
    async show() {
      if (started) return;
      started = true;
      const settings = await simulatorConfig();
      if (!settings) {
        say('No API simulator: start the demo with --simulator (scripts/start.sh does).', 'bad');
        for (const b of root.querySelectorAll('button, input, select')) b.disabled = true;
        return;
      }
      client = makeClient(settings, log, () => step);
      await run('refresh', refresh);
      knobs = await setupKnobs().catch((error) => {
        $('sim-message').textContent = `The simulator's knobs are unavailable: ${error.message}`;
        return undefined;
      });
    },
  };
}
