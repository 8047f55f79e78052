// Data in: the bundled sample (its first sync, or its second day with synced records), pasted or uploaded
// JSON (planned in the worker, which recognizes the shapes), or the Monite records loaded from the simulator
// through the client.
import { makeClient, simulatorConfig } from './api.js';
import { $, el, fmt, ms } from './dom.js';

const SAMPLES = {
  'load-sample': { url: 'data/sample.json', label: 'the bundled sample (first sync)', make: '--demo' },
  'load-sample-day2': { url: 'data/sample-day2.json', label: 'the bundled sample, second day (after a sync)', make: '--demo --second-day' },
};

export function setupDataIn({ plan, preview, log }) {
  const message = $('data-message');
  const fail = (error) => {
    message.textContent = `Failed: ${error.message}`;
    message.className = 'bad';
  };
  const done = (result) => {
    message.className = '';
    message.replaceChildren('Planned:', el('ul', {}, result.notes.map((note) => el('li', {}, note))));
  };

  for (const [id, { url, label, make }] of Object.entries(SAMPLES)) {
    $(id).addEventListener('click', () =>
      plan({ url, label }).then(done, (error) =>
        fail(/HTTP 404/.test(error.message) ? new Error(`${error.message} — scripts/start.sh writes it (generate ${make} > www/${url})`) : error),
      ),
    );
  }

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
      let step = 'load data';
      const client = makeClient(settings, log, () => step);
      const started = performance.now();
      const result = await preview(client, `the Monite API simulator (${settings.apiUrl})`, (name) => {
        step = name;
      });
      status.textContent = `Loaded through the API in ${ms(result.loadMs)} (${fmt(log.count - before)} HTTP requests) and planned in ${ms(performance.now() - started - result.loadMs)}.`;
      window.__apiPlan = result.plan;
      done(result);
    } catch (error) {
      status.textContent = `Failed: ${error.name}: ${error.message}`;
    } finally {
      button.disabled = false;
    }
  });
}
