// What the browser suites share: Debian's Chromium launched for a closed network (never a downloaded
// browser), the reason to skip when it or the sample generator is missing, and the demo environment —
// the bundled sample, the API simulator seeded with it, and the demo server in front of both.
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

/** The demo's sample (generated into www/data/ when missing), parsed. */
export function demoSample() {
  const file = join(root, 'www/data/sample.json');
  if (!existsSync(file)) {
    mkdirSync(join(root, 'www/data'), { recursive: true });
    writeFileSync(file, execFileSync(generator, ['--demo']));
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Starts what `scripts/start.sh` serves (simulator seeded with the sample, demo server) and a browser. */
export async function startDemo() {
  const sample = demoSample();
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
