// Module worker: loads the data, plans it with the package's engine (init(), then planSyncBytes for a fetched
// PlanInput and planSyncJson for one combined from dropped files), and keeps
// the plan here. The page receives the summary and asks for windows of rows, so the main thread never
// parses or clones a big plan. Messages: { id, op: 'load' | 'query' | 'row' | 'find', ... } → progress / result / error.
import { fromQuickBooks, fromXero, init, planSyncBytes, planSyncJson } from '/pkg/esm/browser.js';
import { combine } from './detect.js';
import { buildModel, findRow, queryRows, rowDetails, sideInfo, statusCounts } from './model.js';

/** Plans whose JSON is smaller than this are also sent whole (window.__plan, tests, small inputs). */
const WHOLE_PLAN_LIMIT = 4_000_000;
/** Bills offered to the validation form. */
const FORM_BILLS = 300;

let model;
let generation = 0;

const post = (message) => self.postMessage(message);

/** Fetches text, reporting bytes as they arrive. */
async function fetchText(url, onBytes) {
  return new TextDecoder().decode(await fetchBytes(url, onBytes));
}

/** Fetches a body's bytes, reporting them as they arrive. */
async function fetchBytes(url, onBytes) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    if (loaded - last > 4_000_000) {
      last = loaded;
      onBytes(loaded);
    }
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks.splice(0)) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** What the bill form needs: the validation context and some bills, with their counterparts' standing. */
function formData(input, plan) {
  const monite = input.monite ?? {};
  const accounting = input.accounting ?? {};
  const bills = (monite.payables ?? []).slice(0, FORM_BILLS);
  const wanted = new Set(bills.map((b) => b.counterpart_id).filter(Boolean));
  const counterparts = {};
  for (const c of plan.push.counterparts) {
    if (wanted.has(c.monite_id)) counterparts[c.monite_id] = c.action === 'none' ? 'matched' : c.action;
  }
  const results = new Map(plan.push.bills.map((r) => [r.monite_id, r]));
  const names = {};
  for (const c of monite.counterparts ?? []) {
    if (wanted.has(c.id)) names[c.id] = c.organization?.legal_name ?? `${c.individual?.first_name ?? ''} ${c.individual?.last_name ?? ''}`.trim();
  }
  return {
    context: {
      ledger_accounts: accounting.ledger_accounts ?? [],
      tax_rates: accounting.tax_rates ?? [],
      ...(monite.settings ? { settings: monite.settings } : {}),
      ...(input.policy ? { policy: input.policy } : {}),
      connection: monite.connection ?? null,
      counterparts,
    },
    bills: bills.map((b) => ({ bill: b, eligible: results.get(b.id)?.eligible ?? null, paths: results.get(b.id)?.errors.map((e) => e.path) ?? [] })),
    total: (monite.payables ?? []).length,
    names,
  };
}

async function load({ source }, progress) {
  const started = performance.now();
  const timings = {};
  const mark = (name, since) => {
    timings[name] = Math.round(performance.now() - since);
    return performance.now();
  };
  let t = performance.now();
  await init();
  t = mark('initMs', t);
  let text; // the PlanInput as text (combined from files, or loaded over the API), or
  let bytes; // as the fetched body's UTF-8 bytes
  let input;
  let notes;
  if (source.url) {
    progress('fetch', { loaded: 0 });
    bytes = await fetchBytes(new URL(source.url, self.location.href).href, (loaded) => progress('fetch', { loaded }));
    t = mark('fetchMs', t);
    progress('read', { bytes: bytes.byteLength });
    input = JSON.parse(new TextDecoder().decode(bytes));
    notes = [`${source.label ?? source.url}: a PlanInput`];
  } else if (source.texts || source.files) {
    const texts = source.texts ?? (await Promise.all(source.files.map(async (file) => ({ name: file.name, text: await file.text() }))));
    progress('read', { bytes: texts.reduce((n, f) => n + f.text.length, 0) });
    const values = texts.map(({ name, text: body }) => {
      try {
        return { name, value: JSON.parse(body) };
      } catch (error) {
        throw new Error(`${name}: not JSON (${error.message})`);
      }
    });
    ({ input, notes } = await combine(values, {
      base: async () => JSON.parse(await fetchText(new URL('data/sample.json', self.location.href).href, () => {})),
      fromQuickBooks,
      fromXero,
    }));
    text = JSON.stringify(input);
  } else {
    input = source.input;
    notes = [source.label ?? 'records loaded over the API'];
    text = JSON.stringify(input);
  }
  t = mark('readMs', t);
  const side = sideInfo(input);
  progress('plan', { bytes: bytes ? bytes.byteLength : text.length });
  t = performance.now();
  // A fetched body goes in as its bytes (planSyncBytes): no string is encoded into the module's memory.
  const planText = bytes ? new TextDecoder().decode(planSyncBytes(bytes)) : planSyncJson(text);
  text = bytes = undefined;
  t = mark('planMs', t);
  progress('decode', { bytes: planText.length });
  const plan = JSON.parse(planText);
  t = mark('decodeMs', t);
  const form = formData(input, plan);
  input = undefined;
  model = buildModel(plan, side, (fraction) => progress('index', { fraction }));
  generation += 1;
  mark('indexMs', t);
  timings.workerMs = Math.round(performance.now() - started);
  return {
    generation,
    summary: plan.summary,
    errors: plan.errors.length,
    counts: statusCounts(model),
    notes,
    timings,
    form,
    planBytes: planText.length,
    plan: planText.length < WHOLE_PLAN_LIMIT ? plan : undefined,
  };
}

self.onmessage = async ({ data }) => {
  const { id, op } = data;
  try {
    let value;
    if (op === 'load') {
      value = await load(data, (phase, detail) => post({ id, type: 'progress', phase, ...detail }));
    } else if (op === 'query' || op === 'row' || op === 'find') {
      if (!model || data.generation !== generation) {
        value = null; // an answer for data that is gone
      } else {
        value = op === 'query' ? { generation, ...queryRows(model, data) } : op === 'row' ? rowDetails(model, data) : findRow(model, data);
      }
    } else {
      throw new Error(`unknown op ${op}`);
    }
    post({ id, type: 'result', value });
  } catch (error) {
    post({ id, type: 'error', error: { name: error?.name ?? 'Error', message: error?.message ?? String(error), code: error?.code, path: error?.path } });
  }
};
