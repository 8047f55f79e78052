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
export { init, isInitialized, type WasmSource } from './ready-at-import.js';

// The package's one .wasm, beside the glue that browsers fetch it for.
glue.initSync({ module: readFileSync(new URL('../glue/ledgerbridge_bg.wasm', import.meta.url)) });
slot.set(glue as unknown as Glue);
