// The demo page's re-sync view (SPEC §3.0) end to end in headless Chromium (Debian's chromium, driven by
// playwright-core), against the real demo server and API simulator on 127.0.0.1:
// - the bundled sample's second day (Data in): every re-sync count on the page equals planSync's summary of
//   the same file in Node; a link chip, drift warnings, a missing link, and a failed push with the API's
//   message are on screen; "Push again" is disabled without an API; a first sync shows none of it;
// - the Connection flow: connect and authorize with 1 push in 3 failing, "Preview again" (what previewSync
//   plans in Node, equal), the failed document pushed again through the client's pushFailed, and a further
//   preview showing it already pushed;
// - "Sync now" on the seeded connection with the fault, then a renamed and a deleted accounting record:
//   the next preview shows the rejected pushes, the name drift and the missing link;
// - the demo server's simulator knobs answer loopback, same-origin JSON requests only.
// Screenshots go to artifacts/ (demo-second-day-api.png is docs/demo-second-day.png).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createClient, planSync } from 'ledgerbridge';
import { contrastIssues, demoSample, noDemo, openDemoPage, root, startDemo, waitTotal } from './support/browser-env.mjs';

const artifacts = join(root, 'artifacts');
const skip = noDemo;
const SECTIONS = ['bills', 'invoices', 'credit_notes', 'payment_records'];
const REJECTED = 'The accounting system rejected the document (simulated push failure)';

let demo;
let day2;
let expected;

before(async () => {
  if (skip) return;
  mkdirSync(artifacts, { recursive: true });
  demo = await startDemo();
  day2 = demoSample('sample-day2.json');
  expected = planSync(day2);
});

after(async () => {
  await demo?.close();
});

const codes = (issues) => issues.map((i) => i.code);
const lastFailed = (row) => row.warnings.find((w) => w.code === 'last_push_failed');
const canPushAgain = (row) => row.eligible && Boolean(lastFailed(row)) && Boolean(row.synced?.record_id);
const total = (summary, key) => SECTIONS.reduce((n, s) => n + summary.push[s][key], 0);
const loads = (page) => page.evaluate(() => Number(document.body.dataset.loads ?? 0));
const loadedAfter = (page, n) => page.waitForFunction((k) => Number(document.body.dataset.loads) > k, n, { timeout: 30_000 });

/** What `client.previewSync()` plans in Node, through the same simulator, with the accounting side a platform pulls. */
async function previewInNode(sim) {
  const { clientId, clientSecret, entityId } = sim.credentials;
  const client = createClient({ baseUrl: sim.apiUrl, entityId, clientId, clientSecret });
  const { policy } = sim.state.planInput();
  return client.previewSync({ accounting: sim.state.accounting(), ...(policy ? { policy } : {}) });
}

/** The HTTP steps the page listed: `label METHOD path status`. */
const httpSteps = (page) => page.$$eval('#http-log li', (lis) => lis.map((li) => `${li.querySelector('.step-label').textContent} ${li.dataset.method} ${li.dataset.path} ${li.dataset.status}`));

/** Opens the push preview on `section` with the filter `status`, and waits for `n` rows. */
async function pushFilter(page, section, status, n) {
  await page.click('#tab-push');
  await page.check(`input[name="push-kind"][value="${section}"]`);
  await page.fill('#push-search', '');
  await page.selectOption('#push-status', status);
  await waitTotal(page, '#push', n);
}

/** Opens the match preview on `view` with the filter `status`, and waits for `n` rows. */
async function matchFilter(page, view, status, n) {
  await page.click('#tab-matches');
  await page.check(`input[name="match-kind"][value="${view}"]`);
  await page.fill('#match-search', '');
  await page.selectOption('#match-status', status);
  await waitTotal(page, `#${view}`, n);
}

/** Opens the row of `monite_id` in the filtered push table and waits for its details. */
async function openDocument(page, moniteId) {
  await page.fill('#push-search', moniteId);
  // The search is debounced: wait for the row itself, not only for a total of 1.
  await page
    .waitForFunction((id) => {
      const rows = document.querySelectorAll('#push tbody tr[data-status]');
      return document.getElementById('push').dataset.total === '1' && rows.length === 1 && rows[0].textContent.includes(id);
    }, moniteId)
    .catch(async (error) => {
      const state = await page.evaluate(() => ({
        section: document.querySelector('input[name="push-kind"]:checked')?.value,
        status: document.getElementById('push-status').value,
        search: document.getElementById('push-search').value,
        total: document.getElementById('push').dataset.total,
        rows: [...document.querySelectorAll('#push tbody tr')].map((tr) => tr.textContent.slice(0, 80)),
        info: document.getElementById('push-info').textContent,
      }));
      throw new Error(`${error.message}\n${JSON.stringify(state, null, 1)}`);
    });
  await page.click('#push tbody tr[data-status]');
  await page.waitForFunction((id) => document.querySelector('#push-details h3 + p code')?.textContent === id, moniteId);
}

test('second day (Data in): the re-sync counts equal planSync’s summary; link, drift, missing link and a failed push with the API’s message; Push again needs the API', { skip }, async () => {
  const page = await openDemoPage(demo, '#data');
  const s = expected.summary;
  assert.ok(s.synced_records, 'the second day is a re-sync preview');
  let n = await loads(page);
  await page.click('#load-sample-day2');
  await loadedAfter(page, n);
  assert.deepEqual(await page.evaluate(() => window.__plan), expected, 'the worker’s plan is planSync’s of the same file');
  assert.match(await page.textContent('#source'), /second day/);

  // The summary strip: every re-sync count, each naming its summary path.
  const strip = await page.$$eval('[data-resync]', (els) => Object.fromEntries(els.map((e) => [e.dataset.resync, Number(e.dataset.value)])));
  const want = {};
  for (const key of ['linked', 'name_drift', 'country_drift', 'linked_record_missing', 'duplicate_link']) want[`pull.counterparts.${key}`] = s.pull.counterparts[key];
  for (const key of ['linked', 'name_drift', 'linked_record_missing', 'duplicate_link']) want[`pull.products.${key}`] = s.pull.products[key];
  for (const key of ['already_pushed', 'push_in_progress', 'last_push_failed']) want[`documents.${key}`] = total(s, key);
  assert.deepEqual(strip, want);
  for (const key of ['linked', 'name_drift', 'country_drift', 'linked_record_missing', 'duplicate_link']) assert.ok(s.pull.counterparts[key] > 0, `the sample plants ${key}`);
  const chart = await page.textContent('#chart-title');
  const attempted = total(s, 'already_pushed') + total(s, 'push_in_progress') + total(s, 'last_push_failed');
  assert.ok(
    chart.includes(`Last push: ${total(s, 'already_pushed')} already pushed, ${total(s, 'push_in_progress')} in progress, ${total(s, 'last_push_failed')} last push failed, ${total(s, 'total') - attempted} not synced yet`),
    chart,
  );

  // Per section, in the push preview: the summary's counts, and how many can go again.
  await page.click('#tab-push');
  const table = await page.$$eval('#push-resync td[data-section]', (tds) => tds.map((td) => [td.dataset.section, td.dataset.key, Number(td.dataset.value)]));
  const perSection = [];
  for (const section of SECTIONS) {
    for (const key of ['total', 'eligible', 'already_pushed', 'push_in_progress', 'last_push_failed']) perSection.push([section, key, s.push[section][key]]);
    perSection.push([section, 'push_again', expected.push[section].filter(canPushAgain).length]);
  }
  assert.deepEqual(table, perSection);
  for (const section of SECTIONS) {
    await page.check(`input[name="push-kind"][value="${section}"]`);
    const group = await page.$$eval('#push-status optgroup option', (os) => os.map((o) => o.textContent));
    const c = s.push[section];
    assert.deepEqual(group, [
      `already pushed (${c.already_pushed})`,
      `push in progress (${c.push_in_progress})`,
      `last push failed (${c.last_push_failed})`,
      `can be pushed again (${expected.push[section].filter(canPushAgain).length})`,
    ]);
  }

  // Counterparts: the filters' counts are the summary's; a link chip with its drift warning, in the row
  // and with the engine's message in the details; a missing link with its reason.
  await page.click('#tab-matches');
  await page.check('input[name="match-kind"][value="counterparts"]');
  const c = s.pull.counterparts;
  assert.deepEqual(await page.$$eval('#match-status optgroup option', (os) => os.map((o) => o.textContent)), [
    `decided by a link (${c.linked})`,
    `name drift (${c.name_drift})`,
    `country drift (${c.country_drift})`,
    `missing link (${c.linked_record_missing})`,
    `duplicate link (${c.duplicate_link})`,
  ]);
  await matchFilter(page, 'counterparts', 'tag:link', c.linked);
  const chips = await page.$$eval('#counterparts tbody tr[data-status] td.decided .chip', (els) => els.map((e) => [e.textContent, e.className]));
  assert.ok(chips.length > 0 && chips.every(([text, cls]) => text === 'link' && cls.includes('by-link')), JSON.stringify(chips));

  const drifted = expected.pull.counterparts.find((r) => codes(r.warnings).includes('name_drift'));
  await matchFilter(page, 'counterparts', 'tag:name_drift', c.name_drift);
  await page.fill('#match-search', drifted.monite_id);
  await page.waitForFunction((id) => document.querySelector('#counterparts tbody tr[data-status]')?.textContent.includes(id) && document.getElementById('counterparts').dataset.total === '1', drifted.monite_id);
  const cell = page.locator('#counterparts tbody tr[data-status] td.decided');
  assert.equal(await cell.locator('.chip.by-link').textContent(), 'link');
  assert.equal(await cell.locator('.warn[data-code="name_drift"]').textContent(), '⚠ name drift');
  assert.equal(await cell.locator('small').textContent(), drifted.warnings[0].message, 'the warning’s message on the row');
  await page.click('#counterparts tbody tr[data-status]');
  await page.waitForSelector('#match-details ul.warnings li[data-code="name_drift"]');
  assert.equal(await page.textContent('#match-details li[data-code="name_drift"] .message'), drifted.warnings[0].message);
  console.log(`screenshot: ${await shotOf(page, 'demo-second-day-matches.png')}`);

  await matchFilter(page, 'counterparts', 'tag:country_drift', c.country_drift);
  const countryRows = await page.$$eval('#counterparts tbody tr[data-status] .warn', (els) => els.map((e) => e.dataset.code));
  assert.deepEqual(countryRows, Array(c.country_drift).fill('country_drift'));

  const missing = expected.pull.counterparts.find((r) => r.reason === 'linked_record_missing');
  const blocked = expected.push.counterparts.find((r) => r.monite_id === missing.monite_id);
  assert.equal(blocked.action, 'blocked', 'a missing link is never created again');
  await matchFilter(page, 'counterparts', 'tag:linked_record_missing', c.linked_record_missing);
  const missingRow = await page.$$eval('#counterparts tbody tr[data-status]', (trs) => trs.map((tr) => [tr.dataset.status, tr.querySelector('td.decided').textContent]));
  assert.equal(missingRow.length, 1);
  assert.equal(missingRow[0][0], 'unmatched');
  assert.ok(missingRow[0][1].includes('linked_record_missing') && missingRow[0][1].includes(blocked.errors[0].message), missingRow[0][1]);
  await matchFilter(page, 'counterparts', 'tag:duplicate_link', c.duplicate_link);

  // Products: decided_by and warnings too.
  const p = s.pull.products;
  await matchFilter(page, 'products', 'tag:name_drift', p.name_drift);
  const productCells = await page.$$eval('#products tbody tr[data-status] td.decided', (tds) => tds.map((td) => [td.querySelector('.chip')?.textContent, td.querySelector('.warn')?.dataset.code, td.querySelector('small').textContent]));
  const driftedProducts = expected.pull.products.filter((r) => codes(r.warnings).includes('name_drift'));
  assert.deepEqual(productCells, driftedProducts.map((r) => ['link', 'name_drift', r.warnings[0].message]));
  await matchFilter(page, 'products', 'tag:linked_record_missing', p.linked_record_missing);
  const lostProduct = expected.pull.products.find((r) => codes(r.warnings).includes('linked_record_missing'));
  assert.equal(await page.textContent('#products tbody tr[data-status] td.decided small'), lostProduct.warnings[0].message);
  await page.click('#products tbody tr[data-status]');
  await page.waitForSelector('#match-details li[data-code="linked_record_missing"]');

  // Documents: already pushed, in progress, and a failed push with the API's message; no API, no push.
  const inProgress = SECTIONS.find((section) => s.push[section].push_in_progress > 0);
  await pushFilter(page, inProgress, 'tag:push_in_progress', s.push[inProgress].push_in_progress);
  assert.deepEqual(await page.$$eval('#push tbody tr[data-status] td.synced', (tds) => tds.map((td) => td.textContent)), Array(s.push[inProgress].push_in_progress).fill('in progress'));
  await pushFilter(page, 'payment_records', 'tag:already_pushed', s.push.payment_records.already_pushed);
  const pushedRows = await page.$$eval('#push tbody tr[data-status]', (trs) => trs.map((tr) => [...tr.cells].slice(2, 4).map((td) => td.textContent)));
  assert.deepEqual(pushedRows, Array(s.push.payment_records.already_pushed).fill(['already pushed', 'no action']));

  await pushFilter(page, 'bills', 'tag:last_push_failed', s.push.bills.last_push_failed);
  const failedBill = expected.push.bills.find(canPushAgain);
  await openDocument(page, failedBill.monite_id);
  assert.equal(await page.textContent('#push-details h4 .chip'), 'last push failed');
  assert.ok((await page.textContent('#last-push-failed')).endsWith(lastFailed(failedBill).message), 'the API’s errors as the engine quotes them');
  assert.ok(lastFailed(failedBill).message.includes('The accounting period is closed for this date'));
  assert.ok((await page.textContent('#push-details')).includes(failedBill.synced.record_id));
  assert.equal(await page.isDisabled('#push-again'), true, 'no API behind a local file');
  assert.equal(await page.getAttribute('#push-again', 'aria-describedby'), 'push-again-note');
  assert.match(await page.textContent('#push-again-note'), /local file: there is no API to push to/);
  const stillBlocked = expected.push.bills.find((r) => lastFailed(r) && !r.eligible);
  await page.fill('#push-search', '');
  await openDocument(page, stillBlocked.monite_id);
  assert.equal(await page.$('#push-again'), null, 'no Push again for a document that would fail again');
  await page.fill('#push-search', '');
  await openDocument(page, failedBill.monite_id);

  const low = await contrastIssues(page, '.chip, .warn, .rs, .resync-title, button, .muted, td, th, caption, .api-message');
  assert.deepEqual(low.out, []);
  assert.ok(low.checked > 50, `${low.checked} elements checked`);
  console.log(`screenshot: ${await shotOf(page, 'demo-second-day.png')}`);

  // Back to the first sync: none of it.
  n = await loads(page);
  await page.click('#tab-data');
  await page.click('#load-sample');
  await loadedAfter(page, n);
  assert.equal(await page.$('[data-resync]'), null);
  assert.equal(await page.isHidden('#push-resync'), true);
  assert.equal(await page.$('#match-status optgroup'), null);
  assert.ok(!(await page.textContent('#chart-title')).includes('Last push'));
  await page.done();
});

/** A screenshot of the page into artifacts/: the whole page, or from the top down to `selector`'s bottom. */
async function shotOf(page, name, selector) {
  const path = join(artifacts, name);
  const box = selector ? await page.locator(selector).boundingBox() : null;
  const top = await page.evaluate(() => window.scrollY);
  await page.screenshot({ path, fullPage: true, ...(box ? { clip: { x: 0, y: 0, width: 1280, height: Math.ceil(top + box.y + box.height + 24) } } : {}) });
  return path;
}

/** The page's fault toggle, and the simulator's fault after it. */
async function setFault(page, on) {
  await page.click('#tab-connection');
  await page.waitForSelector('#sim-record option', { state: 'attached' });
  if (on) await page.check('#sim-push-failures');
  else await page.uncheck('#sim-push-failures');
  await page.waitForFunction((yes) => (yes ? /1 push in 3/ : /go through again/).test(document.getElementById('sim-message').textContent), on);
  const fault = demo.simulator.faults.current.pushFailures;
  if (on) assert.equal(fault?.share, 1 / 3);
  else assert.equal(fault, undefined);
}

/** The simulator as seeded, the Connection tab on its connected entity, and 1 push in 3 failing from the page's toggle. */
async function connectionWithFault() {
  demo.simulator.reset();
  const page = await openDemoPage(demo, '#connection');
  await page.waitForSelector('#conn-status[data-status="connected"]', { timeout: 15_000 });
  await setFault(page, true);
  return page;
}

/** Clicks "Preview again" in the Connection tab and returns the page's plan, checked against previewSync in Node. */
async function previewAgain(page) {
  const n = await loads(page);
  await page.click('#conn-preview');
  await loadedAfter(page, n);
  const plan = await page.evaluate(() => window.__plan);
  assert.deepEqual(plan, await previewInNode(demo.simulator), 'the page’s plan is what previewSync plans in Node');
  return plan;
}

test('connection flow: connect and authorize with 1 push in 3 failing; Preview again; Push again (fault off) pushes it; a further preview shows it already pushed', { skip }, async () => {
  const { simulator } = demo;
  const page = await connectionWithFault();

  // Connect (replacing the seeded connection) and authorize: the initial sync runs with the fault.
  await page.click('#conn-replace');
  await page.waitForSelector('#conn-status[data-status="pending_auth"]');
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('#conn-url')]);
  await popup.waitForLoadState();
  await popup.check('input[name="platform"][value="quickbooks"]');
  await Promise.all([popup.waitForNavigation(), popup.click('button[value="authorize"]')]);
  await popup.close();
  await page.waitForSelector('#conn-status[data-status="connected"]', { timeout: 15_000 });
  const rejected = simulator.state.syncedRecords().filter((r) => r.errors?.code === 'push_rejected');
  assert.ok(rejected.length > 0, 'the fault rejected a push');

  const plan = await previewAgain(page);
  const s = plan.summary;
  assert.ok(total(s, 'already_pushed') > 0, 'documents the sync pushed');
  assert.ok(total(s, 'last_push_failed') >= rejected.length, 'and the rejected ones');
  const again = SECTIONS.flatMap((section) => plan.push[section].filter(canPushAgain).map((row) => ({ section, row })));
  assert.deepEqual(again.map(({ row }) => row.synced.record_id).sort(), rejected.map((r) => r.id).sort(), 'every rejected push can go again');
  const line = await page.textContent('#conn-preview-result');
  assert.ok(line.includes(`${total(s, 'already_pushed')} documents already pushed`) && line.includes(`${again.length} can be pushed again`), line);

  // The failed document, with the simulator's message, and Push again enabled (the plan came through the API).
  const { section, row } = again[0];
  await pushFilter(page, section, 'tag:push_again', plan.push[section].filter(canPushAgain).length);
  await openDocument(page, row.monite_id);
  assert.ok((await page.textContent('#last-push-failed')).includes(REJECTED));
  assert.equal(await page.isEnabled('#push-again'), true);

  // Fault off, then Push again from the keyboard: the client's pushFailed for this one document.
  await setFault(page, false);
  await page.click('#tab-push');
  const pushesBefore = simulator.counters.pushes;
  await page.focus('#push-again');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#push-again-result [data-outcome]', { timeout: 15_000 });
  assert.equal(await page.getAttribute('#push-again-result [data-outcome]', 'data-outcome'), 'pushed', await page.textContent('#push-again-result'));
  assert.match(await page.textContent('#push-again-result'), /Pushed again: synced record .* is done/);
  assert.equal(await page.isDisabled('#push-again'), true, 'sent once');
  assert.equal(simulator.counters.pushes, pushesBefore + 1, 'one push');
  const record = simulator.state.syncedRecords().find((r) => r.id === row.synced.record_id);
  assert.equal(record.sync_status, 'done');
  assert.ok((await httpSteps(page)).includes(`push again POST /v1/accounting_synced_records/${record.id}/push 200`));

  // Preview again from the push preview: the same document, now already pushed.
  const n = await loads(page);
  await page.click('#push-preview-again');
  await loadedAfter(page, n);
  await page.waitForFunction((id) => document.querySelector('#push-details h3 + p code')?.textContent === id && /already pushed/.test(document.querySelector('#push-details h4')?.textContent), row.monite_id);
  const after = await page.evaluate(() => window.__plan);
  assert.deepEqual(after, await previewInNode(simulator));
  const now = after.push[section].find((r) => r.monite_id === row.monite_id);
  assert.deepEqual(codes(now.errors), ['already_pushed']);
  assert.equal(after.summary.push[section].already_pushed, s.push[section].already_pushed + 1);
  const reasons = await page.$$eval('#push-details table[aria-label="Reasons"] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent)));
  assert.deepEqual(reasons, now.errors.map((e) => [e.path, e.code, e.message]));
  assert.ok(now.errors[0].message.includes(record.platform_object_id), 'the message names the accounting record');
  console.log(`screenshot: ${await shotOf(page, 'demo-second-day-pushed-again.png')}`);
  await page.done();
});

test('Sync now with the fault, then a renamed and a deleted accounting record: Preview again shows the rejected pushes, the name drift and the missing link', { skip }, async () => {
  const { simulator } = demo;
  const page = await connectionWithFault();
  await page.click('#conn-sync');
  await page.waitForFunction(() => /synced customer record/.test(document.getElementById('records-info').textContent), null, { timeout: 15_000 });
  await setFault(page, false);
  const rejected = simulator.state.syncedRecords().filter((r) => r.errors?.code === 'push_rejected');
  assert.ok(rejected.length > 0);

  // Two linked counterparts: one renamed, one deleted in the accounting system.
  const linked = simulator.state
    .syncedRecords()
    .filter((r) => (r.object_type === 'customer' || r.object_type === 'vendor') && r.sync_status === 'done')
    .map((r) => r.platform_object_id);
  const [renamed, deleted] = simulator.state.accounting().counterparts.filter((c) => linked.includes(c.id));
  await page.waitForFunction((id) => document.querySelector(`#sim-record option[value="counterparts:${id}"]`), renamed.id);
  await page.selectOption('#sim-record', `counterparts:${renamed.id}`);
  assert.equal(await page.inputValue('#sim-name'), renamed.name);
  await page.fill('#sim-name', `${renamed.name} Holdings International`);
  await page.click('#sim-rename');
  await page.waitForFunction(() => /^Renamed /.test(document.getElementById('sim-message').textContent));
  await page.selectOption('#sim-record', `counterparts:${deleted.id}`);
  await page.click('#sim-delete');
  await page.waitForFunction(() => /^Deleted /.test(document.getElementById('sim-message').textContent));
  assert.equal(simulator.state.accounting().counterparts.find((c) => c.id === renamed.id).name, `${renamed.name} Holdings International`);
  assert.equal(simulator.state.accounting().counterparts.some((c) => c.id === deleted.id), false);

  const plan = await previewAgain(page);
  const s = plan.summary;
  assert.equal(s.pull.counterparts.name_drift, 1);
  assert.equal(s.pull.counterparts.linked_record_missing, 1);
  const drift = plan.pull.counterparts.find((r) => codes(r.warnings).includes('name_drift'));
  assert.equal(drift.accounting_id, renamed.id);
  await matchFilter(page, 'counterparts', 'tag:name_drift', 1);
  assert.equal(await page.textContent('#counterparts tbody tr[data-status] td.decided small'), drift.warnings[0].message);
  await matchFilter(page, 'counterparts', 'tag:linked_record_missing', 1);
  const strip = await page.$$eval('[data-resync]', (els) => Object.fromEntries(els.map((e) => [e.dataset.resync, Number(e.dataset.value)])));
  assert.equal(strip['documents.already_pushed'], total(s, 'already_pushed'));
  assert.equal(strip['documents.last_push_failed'], total(s, 'last_push_failed'));

  // Every rejected push: eligible again, with the simulator's message.
  const again = SECTIONS.flatMap((section) => plan.push[section].filter(canPushAgain).map((row) => ({ section, row })));
  assert.equal(again.length, rejected.length);
  for (const { row } of again) assert.ok(lastFailed(row).message.includes(REJECTED), lastFailed(row).message);
  const { section, row } = again[0];
  await pushFilter(page, section, 'tag:push_again', plan.push[section].filter(canPushAgain).length);
  await openDocument(page, row.monite_id);
  assert.ok((await page.textContent('#last-push-failed')).includes(REJECTED));
  assert.equal(await page.isEnabled('#push-again'), true);
  console.log(`screenshot: ${await shotOf(page, 'demo-second-day-api.png', '#push-again-note')}`);
  await page.done();
});

test('the demo server’s simulator knobs: loopback, same-origin JSON only; typed answers for bad requests', { skip }, async () => {
  const { server, simulator } = demo;
  simulator.reset();
  const post = (path, body, headers = { 'content-type': 'application/json' }) => fetch(`${server.url}api/sim/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const origin = server.url.replace(/\/$/, '');
  assert.equal((await post('faults', { pushFailures: { share: 1 } }, { 'content-type': 'text/plain' })).status, 403, 'a form-like body (no preflight) is refused');
  assert.equal((await post('faults', { pushFailures: { share: 1 } }, { 'content-type': 'application/json', origin: 'http://example.test' })).status, 403, 'another origin is refused');
  assert.equal(simulator.faults.current.pushFailures, undefined, 'nothing changed');
  const ok = await post('faults', { pushFailures: { share: 0.5 } }, { 'content-type': 'application/json', origin });
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).pushFailures.share, 0.5);
  const bad = await post('faults', { pushFailures: { share: 2 } });
  assert.equal(bad.status, 422);
  assert.match((await bad.json()).error, /share must be a number from 0 to 1/);
  assert.equal((await post('faults', { pushFailures: null })).status, 200);
  assert.equal(simulator.faults.current.pushFailures, undefined);
  const unknown = await post('accounting/delete', { collection: 'counterparts', id: 'nope' });
  assert.equal(unknown.status, 404);
  assert.match((await unknown.json()).error, /no accounting counterpart nope/);
  assert.equal((await post('accounting/rename', { collection: 'ledgers', id: '1', name: 'x' })).status, 422);
  const state = await (await fetch(`${server.url}api/sim/accounting`)).json();
  assert.deepEqual(state.accounting, simulator.state.accounting());
  assert.deepEqual(state.policy, simulator.state.planInput().policy);
});
