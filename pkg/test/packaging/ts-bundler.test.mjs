// TypeScript, `moduleResolution: bundler` (what Vite and other bundler templates use), skipLibCheck false,
// DOM lib, no @types/node: the `default` condition's types (esm/browser.d.ts), so `init(url)` type-checks
// and a wrong argument does not; `ledgerbridge/ledgerbridge_bg.wasm` has its own declaration (no
// `declare module` of the user's). The same source is bundled and run in esbuild.test.mjs.
import { test } from 'node:test';

import { ASSET_SNIPPET as SNIPPET, INPUT, inReadme, noTools, project, STRICT, tsc } from './support.mjs';

test('TypeScript bundler resolution: browser types, init(url), the .wasm import (skipLibCheck false)', { skip: noTools }, () => {
  const dir = project('ts-bundler', {
    tools: ['typescript'],
    files: {
      'tsconfig.json': JSON.stringify({
        compilerOptions: { ...STRICT, module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM'], types: [], noEmit: true },
        files: ['main.ts'],
      }),
      'main.ts': `${SNIPPET}
import type { SyncPlan, WasmSource } from 'ledgerbridge';
const plan: SyncPlan = planSync(${JSON.stringify(INPUT)});
export const matched: number = plan.summary.pull.counterparts.matched;
export const sources: WasmSource[] = ['/ledgerbridge_bg.wasm', new URL(wasmUrl, location.href), new Uint8Array(0)];
export function misuse() {
  // @ts-expect-error the browser types (unlike Node's, which accept and ignore anything) take no null
  void init(null);
}
`,
    },
  });
  tsc(dir);
  inReadme(SNIPPET);
});
