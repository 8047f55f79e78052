// Data in: the bundled sample, pasted or uploaded JSON (planned in the worker, which recognizes the
// shapes), or the Monite records loaded from the simulator through the client.
import { makeClient, simulatorConfig } from './api.js';
import { $, el, fmt, ms } from './dom.js';

export function setupDataIn({ plan, log }) {
  const message = $('data-message');
  const fail = (error) => {
    message.textContent = `Failed: ${error.message}`;
    message.className = 'bad';
  };
  const done = (result) => {
    message.className = '';
    message.replaceChildren('Planned:', el('ul', {}, result.notes.map((note) => el('li', {}, note))));
  };

  $('load-sample').addEventListener('click', () => plan({ url: 'data/sample.json', label: 'the bundled sample' }).then(done, fail));

  $('plan-paste').addEventListener('click', () => {
    const text = $('paste').value;
    if (!text.trim()) return fail(new Error('nothing pasted'));
    plan({ texts: [{ name: 'pasted JSON', text }], label: 'pasted JSON' }).then(done, fail);
  });

  $('upload').addEventListener('change', async (event) => {
    const files = [...event.target.files];
    if (!files.length) return;
    message.textContent = `Reading ${files.map((f) => f.name).join(', ')}…`;
    try {
      // The File handles go to the worker, which reads them: a big file is never copied on this thread.
      done(await plan({ files, label: files.map((f) => f.name).join(', ') }));
    } catch (error) {
      fail(error);
    } finally {
      event.target.value = '';
    }
  });

  const button = $('from-api');
  const status = $('api-status');
  simulatorConfig().then((settings) => {
    if (settings) button.disabled = false;
    else status.textContent = '(start the demo with --simulator — scripts/start.sh does — to include the API simulator)';
  });
  button.addEventListener('click', async () => {
    button.disabled = true;
    status.textContent = 'Loading over HTTP…';
    try {
      const settings = await simulatorConfig();
      const before = log.count;
      // A fresh client per load: one token, every request in the HTTP steps list.
      const client = makeClient(settings, log, () => 'load data');
      const sample = await (await fetch('data/sample.json')).json();
      const started = performance.now();
      const input = await client.loadPlanInput({
        accounting: { counterparts: sample.accounting.counterparts, products: sample.accounting.products },
        ...(sample.policy ? { policy: sample.policy } : {}),
      });
      const loaded = performance.now();
      const result = await plan({ input, label: `the Monite API simulator (${settings.apiUrl})` });
      status.textContent = `Loaded through the API in ${ms(loaded - started)} (${fmt(log.count - before)} HTTP requests) and planned in ${ms(performance.now() - loaded)}.`;
      window.__apiPlan = result.plan;
      done(result);
    } catch (error) {
      status.textContent = `Failed: ${error.name}: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}
