// The simulator's knobs, for the re-sync story (the demo server's /api/sim/…, loopback only): make one push
// in three fail (the `pushFailures` fault), and change the accounting side between two syncs — rename a
// record (a link's name drift) or delete it (a missing link). None of this is the Monite API: it stands for
// what happens in QuickBooks / Xero meanwhile.
import { simulator } from './api.js';
import { $, el } from './dom.js';

/** 1 in 3: the simulator fails the 3rd, 6th, … push considered after the fault is set. */
const SHARE = 1 / 3;

export function knobsCard() {
  return el(
    'article',
    { className: 'card wide', id: 'sim-knobs' },
    el('h2', {}, 'Simulator knobs ', el('small', { className: 'muted' }, '(what happens in the accounting system between two syncs)')),
    el(
      'div',
      { className: 'knobs' },
      el(
        'fieldset',
        {},
        el('legend', {}, 'Pushes'),
        el('label', { className: 'check' }, el('input', { type: 'checkbox', id: 'sim-push-failures' }), ' Make 1 in 3 pushes fail (the accounting system rejects the document)'),
        el('p', { className: 'muted' }, 'Applies to the pushes of a sync and of “Push again”, counted from when it is switched on.'),
      ),
      el(
        'fieldset',
        {},
        el('legend', {}, 'Accounting records'),
        el(
          'div',
          { className: 'knob-fields' },
          el('label', {}, 'Record', el('select', { id: 'sim-record' })),
          el('label', {}, 'New name', el('input', { id: 'sim-name', type: 'text', autocomplete: 'off' })),
        ),
        el(
          'div',
          { className: 'buttons' },
          el('button', { type: 'button', id: 'sim-rename', className: 'secondary' }, 'Rename (name drift)'),
          el('button', { type: 'button', id: 'sim-delete', className: 'secondary' }, 'Delete (missing link)'),
        ),
      ),
    ),
    el('p', { id: 'sim-message', attrs: { role: 'status' } }),
  );
}

/** Wires the card (after the page knows the simulator runs). Resolves with `{ refresh() }`: reload the records after a sync. */
export async function setupKnobs() {
  const message = $('sim-message');
  const say = (text, tone = '') => {
    message.textContent = text;
    message.className = tone;
  };
  const toggle = $('sim-push-failures');
  const select = $('sim-record');
  const name = $('sim-name');
  let records = new Map();

  async function refresh() {
    const { accounting } = await simulator('accounting');
    const chosen = select.value;
    records = new Map();
    const groups = ['counterparts', 'products'].map((collection) =>
      el(
        'optgroup',
        { label: collection === 'counterparts' ? 'Customers and vendors' : 'Items' },
        accounting[collection].map((r) => {
          const value = `${collection}:${r.id}`;
          records.set(value, r);
          return el('option', { value }, `${r.name} — ${r.id}${r.kind ? ` (${r.kind})` : ''}`);
        }),
      ),
    );
    select.replaceChildren(...groups);
    if (records.has(chosen)) select.value = chosen;
    name.value = records.get(select.value)?.name ?? '';
  }

  async function act(work) {
    for (const b of [toggle, $('sim-rename'), $('sim-delete')]) b.disabled = true;
    try {
      await work();
    } catch (error) {
      say(`${error.name}: ${error.message}`, 'bad');
    } finally {
      for (const b of [toggle, $('sim-rename'), $('sim-delete')]) b.disabled = false;
    }
  }

  toggle.addEventListener('change', () =>
    act(async () => {
      const { pushFailures } = await simulator('faults', { pushFailures: toggle.checked ? { share: SHARE } : null });
      toggle.checked = Boolean(pushFailures);
      say(pushFailures ? 'From now on 1 push in 3 is rejected by the accounting system.' : 'Pushes go through again.', 'ok');
    }),
  );
  select.addEventListener('change', () => {
    name.value = records.get(select.value)?.name ?? '';
  });
  const target = () => {
    const [kind, recordId] = select.value.split(/:(.*)/s);
    return { collection: kind, id: recordId };
  };
  $('sim-rename').addEventListener('click', () =>
    act(async () => {
      const { renamed } = await simulator('accounting/rename', { ...target(), name: name.value });
      await refresh();
      say(`Renamed ${renamed.id} to “${renamed.name}” in the accounting system: preview again to see the drift.`, 'ok');
    }),
  );
  $('sim-delete').addEventListener('click', () =>
    act(async () => {
      const { deleted } = await simulator('accounting/delete', target());
      await refresh();
      say(`Deleted ${deleted.id} (“${deleted.name}”) from the accounting system: preview again to see its link go missing.`, 'ok');
    }),
  );

  const { pushFailures } = await simulator('faults');
  toggle.checked = Boolean(pushFailures);
  await refresh();
  return { refresh };
}
