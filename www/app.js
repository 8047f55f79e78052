// The demo page: loads the package's browser entry, plans the bundled sample, renders the result.
import { createClient, init, planSync, version } from '/pkg/esm/browser.js';

const $ = (id) => document.getElementById(id);

function chip(text) {
  const span = document.createElement('span');
  span.className = `chip ${text}`;
  span.textContent = text;
  return span;
}

function cell(row, content) {
  const td = document.createElement('td');
  if (content instanceof Node) td.append(content);
  else td.textContent = content ?? '';
  row.append(td);
  return td;
}

function renderSummary(summary) {
  const c = summary.pull.counterparts;
  const entries = [
    ['counterparts matched', c.matched, 'matched'],
    ['unmatched', c.unmatched, 'unmatched'],
    ['ambiguous', c.ambiguous, 'ambiguous'],
    ['products to create', summary.pull.products.create, 'products-create'],
    ['counterparts to create', summary.push.counterparts.create, 'counterparts-create'],
    ['bills eligible', summary.push.bills.eligible, 'bills-eligible'],
    ['bills blocked', summary.push.bills.not_eligible, 'bills-blocked'],
    ['sync errors', summary.errors, 'errors'],
  ];
  const box = document.createElement('div');
  box.className = 'counts';
  for (const [label, value, key] of entries) {
    const item = document.createElement('div');
    item.dataset.count = key;
    item.innerHTML = `<b>${value}</b>${label}`;
    box.append(item);
  }
  $('summary').replaceChildren(box);
}

function renderCounterparts(rows) {
  const body = $('counterparts').tBodies[0];
  body.replaceChildren(
    ...rows.map((r) => {
      const tr = document.createElement('tr');
      tr.dataset.status = r.status;
      cell(tr, r.monite_id);
      cell(tr, chip(r.status));
      cell(tr, r.decided_by ?? r.reason);
      cell(tr, r.accounting_id ?? '—');
      const extra = r.suggestions.length
        ? `suggested: ${r.suggestions.map((s) => `${s.accounting_id} (${s.score})`).join(', ')}`
        : r.candidates.join(', ');
      cell(tr, extra);
      return tr;
    }),
  );
}

function renderPush(push) {
  const body = $('push').tBodies[0];
  const rows = [];
  for (const section of ['bills', 'invoices', 'credit_notes', 'payment_records']) {
    for (const r of push[section]) {
      const tr = document.createElement('tr');
      cell(tr, section);
      cell(tr, r.monite_id);
      cell(tr, chip(r.eligible ? 'eligible' : 'blocked'));
      cell(tr, r.errors.map((e) => `${e.code} @ ${e.path}`).join('; '));
      rows.push(tr);
    }
  }
  body.replaceChildren(...rows);
}

/** Loads everything through the API (the local simulator, via the client) and plans it: what a platform does. */
async function previewThroughApi(sample) {
  const button = $('from-api');
  button.disabled = true;
  $('api-status').textContent = 'Loading over HTTP…';
  try {
    const config = await (await fetch('/api/config')).json();
    const client = createClient({
      baseUrl: config.apiUrl,
      entityId: config.entityId,
      // The page asks its own backend for a token; the client secret stays on the server.
      fetchToken: () => fetch('/api/token', { method: 'POST' }).then((r) => r.json()),
    });
    const started = performance.now();
    const plan = await client.previewSync({ accounting: { counterparts: sample.accounting.counterparts, products: sample.accounting.products } });
    renderSummary(plan.summary);
    renderCounterparts(plan.pull.counterparts);
    renderPush(plan.push);
    $('api-status').textContent = `Loaded through the API and planned in ${(performance.now() - started).toFixed(0)} ms.`;
    window.__apiPlan = plan;
  } catch (error) {
    $('api-status').textContent = `Failed: ${error.name}: ${error.message}`;
  } finally {
    button.disabled = false;
  }
}

async function main() {
  await init();
  $('version').textContent = version();
  const response = await fetch('data/sample.json');
  if (!response.ok) throw new Error(`sample data: HTTP ${response.status}`);
  const input = await response.json();
  const started = performance.now();
  const plan = planSync(input);
  const ms = performance.now() - started;
  renderSummary(plan.summary);
  renderCounterparts(plan.pull.counterparts);
  renderPush(plan.push);
  $('status').textContent = `Planned ${plan.pull.counterparts.length} counterparts in ${ms.toFixed(1)} ms.`;
  document.body.dataset.ready = 'true';
  window.__plan = plan;
  const config = await fetch('/api/config').catch(() => undefined);
  if (config?.ok) {
    $('from-api').disabled = false;
    $('from-api').addEventListener('click', () => previewThroughApi(input));
  } else {
    $('api-status').textContent = '(start the demo with scripts/start.sh to include the API simulator)';
  }
}

main().catch((error) => {
  $('status').textContent = `Failed: ${error.message}`;
  document.body.dataset.ready = 'error';
});
