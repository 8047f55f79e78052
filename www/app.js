// The demo page: wires the tabs, the planning worker and the panels. Plans the bundled sample on load,
// or the PlanInput at `?data=<path under this site>` (e.g. ?data=data/big.json). A plan made through the
// API simulator keeps its client, so the push preview can push a failed document again through it.
import { init, version } from '/pkg/esm/browser.js';
import { loadThroughApi } from './api.js';
import { setupBillForm } from './bill-form.js';
import { renderChart } from './chart.js';
import { setupConnection } from './connection.js';
import { setupDataIn } from './data-in.js';
import { $, fmt, megabytes, ms } from './dom.js';
import { setupMatches } from './matches.js';
import { createPlanner } from './planner.js';
import { setupPush } from './push.js';
import { renderSummary } from './summary.js';
import { setupTabs } from './tabs.js';

const pageStart = performance.now();
const planner = createPlanner();
const matches = setupMatches(planner);
const push = setupPush(planner);
const billForm = setupBillForm($('bill-form'));
let tabs;
const connection = setupConnection($('connection'), { preview: previewThroughApi, showTab: (name) => tabs.show(name) });
const status = $('status');
const bar = $('progress');

const PHASES = {
  fetch: (p) => `Loading the data… ${megabytes(p.loaded)}`,
  read: (p) => `Reading ${megabytes(p.bytes)} of JSON…`,
  plan: (p) => `Planning ${megabytes(p.bytes)} of input in WebAssembly…`,
  decode: (p) => `Reading the plan (${megabytes(p.bytes)})…`,
  index: (p) => `Indexing rows… ${Math.round(p.fraction * 100)} %`,
};

function showProgress(p) {
  status.textContent = PHASES[p.phase]?.(p) ?? `${p.phase}…`;
  bar.hidden = false;
  if (p.phase === 'index') bar.value = p.fraction;
  else bar.removeAttribute('value');
}

/** Resolves when the counterparts table has rows in the DOM (first render after a load). */
function firstRows() {
  return new Promise((resolve) => {
    const stop = matches.onRows((view, count) => {
      if (view === 'counterparts' && count > 0) {
        stop();
        resolve(performance.now());
      }
    });
  });
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

let loads = 0;
/**
 * Plans `source` in the worker and shows the result everywhere. Resolves with the worker's result.
 * `api` (`{ client, preview }`) when the records came through the API: what "Push again" sends with.
 */
async function plan(source, api = null) {
  const started = performance.now();
  const load = ++loads;
  document.body.dataset.busy = 'true';
  try {
    const result = await planner.load(source, (p) => load === loads && showProgress(p));
    if (load !== loads) return result; // a newer load started meanwhile
    const received = performance.now();
    const rendered = firstRows();
    // In a few short tasks rather than one long one: the page stays responsive to input in between.
    renderSummary(result.summary);
    renderChart($('chart'), result.summary);
    matches.update(result);
    await nextTask();
    push.update(result, api);
    await nextTask();
    billForm.update(result.form);
    const firstRender = result.counts.counterparts.total ? await rendered : performance.now();
    const timings = {
      ...result.timings,
      firstRenderMs: Math.round(firstRender - received),
      totalMs: Math.round(firstRender - started),
      sincePageStartMs: Math.round(firstRender - pageStart),
      planBytes: result.planBytes,
    };
    const c = result.counts;
    const documents = ['bills', 'invoices', 'credit_notes', 'payment_records'].reduce((n, s) => n + c[s].total, 0);
    status.textContent = `${fmt(c.counterparts.total)} counterparts, ${fmt(c.products.total)} products, ${fmt(documents)} documents planned in ${ms(timings.totalMs)}.`;
    $('source').textContent = `Data: ${source.label ?? source.url ?? 'input'} · engine ${ms(timings.planMs)} in the worker`;
    window.__plan = result.plan;
    window.__summary = result.summary;
    window.__timings = timings;
    document.body.dataset.ready = 'true';
    document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
    return result;
  } catch (error) {
    if (load === loads) {
      status.textContent = `Failed: ${error.message}`;
      if (document.body.dataset.ready !== 'true') document.body.dataset.ready = 'error';
    }
    throw error;
  } finally {
    if (load === loads) {
      bar.hidden = true;
      delete document.body.dataset.busy;
    }
  }
}

/**
 * Previews the entity as the API shows it now, through `client`: what `client.previewSync()` plans, planned
 * in the worker. `setStep(name)` names the HTTP steps that follow in the log. Resolves with the worker's
 * result and `loadMs`, the time the records took over HTTP.
 */
async function previewThroughApi(client, label, setStep = () => {}) {
  const started = performance.now();
  const input = await loadThroughApi(client);
  const loadMs = performance.now() - started;
  const result = await plan({ input, label }, { client, setStep, preview: () => previewThroughApi(client, label, setStep) });
  return { ...result, loadMs };
}

tabs = setupTabs($('tabs'), {
  onShow(name) {
    if (name === 'connection') connection.show();
  },
});
setupDataIn({ plan, preview: previewThroughApi, log: connection.log });

async function main() {
  await init();
  $('version').textContent = version();
  const requested = new URLSearchParams(location.search).get('data');
  // Only paths on this site: the page never fetches another origin's file.
  const url = requested && new URL(requested, location.href).origin === location.origin ? requested : undefined;
  await plan(url ? { url, label: url } : { url: 'data/sample.json', label: 'the bundled sample (first sync)' });
}

main().catch((error) => {
  status.textContent = `Failed: ${error.message}`;
  document.body.dataset.ready = 'error';
});
