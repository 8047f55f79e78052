// The package in a real browser: the demo page (served by scripts/serve.mjs on 127.0.0.1) loads the
// browser entry, plans the bundled sample and renders it; its counts must equal planSync's in Node.
// Also: calling before init() throws NotInitializedError; init() is idempotent. Debian's chromium driven
// by playwright-core (never a downloaded browser). Screenshots go to artifacts/.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { planSync } from 'ledgerbridge';
import { noDemo as skip, root, startDemo } from './support/browser-env.mjs';

let server;
let simulator;
let browser;
let demo;

before(async () => {
  if (skip) return;
  demo = await startDemo();
  ({ server, simulator, browser } = demo);
});

after(async () => {
  await demo?.close();
});

test('the demo page plans the bundled sample in the browser, with the same counts as Node', { skip }, async () => {
  const page = await browser.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout: 30_000 });
  assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true', await page.textContent('#status'));
  assert.deepEqual(failures, []);

  const sample = JSON.parse(readFileSync(join(root, 'www/data/sample.json'), 'utf8'));
  const expected = planSync(sample);
  const inBrowser = await page.evaluate(() => window.__plan);
  assert.deepEqual(inBrowser, expected, 'the browser computes the same plan as Node');

  // Numbers are shown formatted (70,864); data-value holds the number itself.
  const shown = await page.$$eval('[data-count] b', (els) => els.map((e) => Number(e.dataset.value)));
  const c = expected.summary.pull.counterparts;
  assert.deepEqual(shown.slice(0, 3), [c.matched, c.unmatched, c.ambiguous]);
  // The table is virtualized: only the rows in view are in the DOM; the table states its row count.
  await page.waitForFunction(() => document.querySelector('#counterparts')?.dataset.total !== undefined);
  assert.equal(Number(await page.getAttribute('#counterparts', 'data-total')), expected.pull.counterparts.length);
  assert.equal(Number(await page.getAttribute('#counterparts', 'aria-rowcount')), expected.pull.counterparts.length + 1);
  const rendered = await page.$$eval('#counterparts tbody tr[data-status]', (trs) => trs.map((tr) => tr.dataset.status));
  assert.ok(rendered.length > 0 && rendered.length <= expected.pull.counterparts.length);
  await page.selectOption('#match-status', 'ambiguous');
  await page.waitForFunction((n) => document.querySelector('#counterparts').dataset.total === String(n), c.ambiguous);
  await page.waitForFunction(() => document.querySelectorAll('#counterparts tbody tr[data-status]').length > 0);
  const ambiguous = await page.$$eval('#counterparts tbody tr[data-status]', (trs) => trs.map((tr) => tr.dataset.status));
  assert.equal(ambiguous.length, c.ambiguous);
  assert.ok(ambiguous.every((s) => s === 'ambiguous'));
  await page.selectOption('#match-status', { index: 0 });

  mkdirSync(join(root, 'artifacts'), { recursive: true });
  await page.screenshot({ path: join(root, 'artifacts/demo.png'), fullPage: false });
  await page.close();
});

test('calling before init() throws NotInitializedError; init() is idempotent', { skip }, async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}data/sample.json`);
  const outcome = await page.evaluate(async () => {
    const lb = await import('/pkg/esm/browser.js');
    let early;
    try {
      lb.nameKey('x');
    } catch (e) {
      early = { name: e.name, code: e.code, isError: e instanceof Error, isClass: e instanceof lb.NotInitializedError, message: e.message };
    }
    await Promise.all([lb.init(), lb.init()]);
    await lb.init();
    let input;
    try {
      lb.planSync({ monite: { payables: [{ id: 'b', status: 'issued', line_items: [{ quantity: 'x' }] }] } });
    } catch (e) {
      input = { name: e.name, code: e.code, path: e.path, isClass: e instanceof lb.InputError };
    }
    return { early, ready: lb.isInitialized(), key: lb.nameKey('ACME Limited'), input };
  });
  assert.deepEqual(outcome.early && { name: outcome.early.name, code: outcome.early.code, isError: outcome.early.isError, isClass: outcome.early.isClass }, {
    name: 'NotInitializedError',
    code: 'not_initialized',
    isError: true,
    isClass: true,
  });
  assert.match(outcome.early.message, /await init\(\)/);
  assert.equal(outcome.ready, true);
  assert.equal(outcome.key, 'acme ltd');
  assert.deepEqual(outcome.input, { name: 'InputError', code: 'invalid_type', path: 'monite.payables[0].line_items[0].quantity', isClass: true });
  await page.close();
});

test('the demo previews the same plan through the Monite API simulator (client + fetchToken in the page)', { skip }, async () => {
  const page = await browser.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(server.url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30_000 });
  await page.waitForFunction(() => !document.getElementById('from-api').disabled, null, { timeout: 10_000 });
  const tokensBefore = simulator.counters.tokensIssued;
  await page.click('#tab-data');
  await page.click('#from-api');
  await page.waitForFunction(() => window.__apiPlan !== undefined || /Failed/.test(document.getElementById('api-status').textContent), null, { timeout: 30_000 });
  const status = await page.textContent('#api-status');
  assert.match(status, /Loaded through the API/, status);
  assert.deepEqual(failures, []);
  const sample = JSON.parse(readFileSync(join(root, 'www/data/sample.json'), 'utf8'));
  const direct = planSync(sample);
  const viaApi = await page.evaluate(() => window.__apiPlan);
  assert.deepEqual(viaApi.summary, direct.summary, 'the API route loads the same records as the sample file');
  assert.deepEqual(viaApi.pull.counterparts, direct.pull.counterparts);
  assert.equal(simulator.counters.tokensIssued, tokensBefore + 1, 'the page got one token through its backend');
  mkdirSync(join(root, 'artifacts'), { recursive: true });
  await page.screenshot({ path: join(root, 'artifacts/demo-api.png') });
  await page.close();
});
