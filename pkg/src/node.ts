/**
 * Node entry (ESM; the CommonJS build is a bundle of this file): the WebAssembly module is read from disk
 * and compiled synchronously at import, so every function works at once. `init()` exists so that one
 * source compiles and runs everywhere: it accepts the browser's argument, ignores it and resolves.
 *
 * ```ts
 * import { planSync } from 'ledgerbridge';
 * const plan = planSync(input);
 * ```
 * @module
 */
import { readFileSync } from 'node:fs';
import * as glue from '../glue/ledgerbridge.js';
import { slot } from './glue-slot.js';
import type { Glue } from './api.js';

export * from './surface.js';

// The package's one .wasm, beside the glue that browsers fetch it for.
glue.initSync({ module: readFileSync(new URL('../glue/ledgerbridge_bg.wasm', import.meta.url)) });
slot.set(glue as unknown as Glue);

/** What `init` takes elsewhere (a URL, bytes, a `WebAssembly.Module`…); Node loads the module itself. */
export type WasmSource = unknown;

/** Resolves at once in Node (the module is ready at import); `source` is accepted and ignored. Idempotent. */
export async function init(source?: WasmSource): Promise<void> {
  void source;
}

/** Always true in Node. */
export function isInitialized(): boolean {
  return true;
}
