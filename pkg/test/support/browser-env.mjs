// What the browser suites share: Debian's Chromium launched for a closed network (never a downloaded
// browser), the reason to skip when it or the sample generator is missing, the demo environment — the
// bundled sample (and its second day), the API simulator seeded with it, and the demo server in front of
// both — and the demo suites' page helpers (open a planned page, wait for a table, check contrast).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../../scripts/serve.mjs';
import { startSimulator } from '../../../sim/server.mjs';

export const root = fileURLToPath(new URL('../../..', import.meta.url));
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const generator = join(root, 'target/release/examples/generate');

/** Why a browser suite cannot run here, or false. */
export const noBrowser = existsSync(executablePath) ? false : `no browser at ${executablePath} (scripts/setup.sh --browser installs it)`;

/** Why a demo suite cannot run here, or false. */
export const noDemo =
  noBrowser || (existsSync(generator) ? false : 'the sample generator is not built (cargo build --release -p ledgerbridge-sample --example generate)');

/** Headless Chromium with the flags this machine's closed network needs. */
export function launchChromium() {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** What `scripts/start.sh` writes into www/data/, by file name: the generator's arguments. */
const SAMPLES = { 'sample.json': ['--demo'], 'sample-day2.json': ['--demo', '--second-day'] };

/** A demo sample (generated into www/data/ as start.sh writes it, when missing), parsed: `sample.json` or `sample-day2.json`. */
export function demoSample(name = 'sample.json') {
  const file = join(root, 'www/data', name);
  if (!existsSync(file)) {
    mkdirSync(join(root, 'www/data'), { recursive: true });
    writeFileSync(file, execFileSync(generator, SAMPLES[name]));
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Starts what `scripts/start.sh` serves (simulator seeded with the sample, demo server) and a browser. */
export async function startDemo() {
  const sample = demoSample();
  demoSample('sample-day2.json');
  const simulator = await startSimulator({ port: 0, data: sample });
  const server = await startServer({ port: 0, api: simulator });
  const browser = await launchChromium();
  return {
    sample,
    simulator,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await simulator.close();
    },
  };
}

/**
 * A page on `demo`'s server at `path`, loaded and planned (body[data-ready] = "true"); uncaught page errors
 * fail the test at `page.done()`, which also closes the page's context.
 */
export async function openDemoPage(demo, path = '', { timeout = 30_000 } = {}) {
  const context = await demo.browser.newContext({ viewport: { width: 1280, height: 960 } });
  const page = await context.newPage();
  const failures = [];
  page.on('pageerror', (e) => failures.push(e.message));
  await page.goto(`${demo.server.url}${path}`);
  await page.waitForFunction(() => document.body.dataset.ready !== undefined, null, { timeout });
  assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true', await page.textContent('#status'));
  page.done = async () => {
    assert.deepEqual(failures, [], 'no uncaught errors in the page');
    await context.close();
  };
  return page;
}

/** Waits until a virtualized table reports `n` rows and has rows in the DOM (when n > 0). */
export async function waitTotal(page, table, n) {
  await page.waitForFunction(
    ([sel, count]) => {
      const t = document.querySelector(sel);
      return t?.dataset.total === String(count) && (count === 0 || t.querySelector('tbody tr[data-status]'));
    },
    [table, n],
    { timeout: 15_000 },
  );
}

/**
 * The visible, enabled elements matching `selector` whose text is below 4.5:1 against its effective
 * background (WCAG AA for body text): `{ out: [descriptions], checked }`.
 */
export function contrastIssues(page, selector) {
  return page.evaluate((sel) => {
    const rgb = (c) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (e) => {
      for (let n = e; n; n = n.parentElement) {
        const c = rgb(getComputedStyle(n).backgroundColor);
        if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out = [];
    let checked = 0;
    for (const e of document.querySelectorAll(sel)) {
      if (!e.offsetParent || e.disabled || !e.textContent.trim()) continue;
      checked += 1;
      const [a, b] = [lum(rgb(getComputedStyle(e).color)), lum(background(e))];
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) out.push(`${e.tagName.toLowerCase()}.${e.className} “${e.textContent.trim().slice(0, 20)}”: ${ratio.toFixed(2)}`);
    }
    return { out, checked };
  }, selector);
}
