/**
 * Edge entry (`workerd` for Cloudflare Workers, `edge-light` for Vercel's edge runtime): those runtimes
 * cannot fetch a file next to the module, but their bundlers hand over an imported `.wasm` (with the
 * `?module` suffix both accept) as a compiled `WebAssembly.Module`. It is instantiated at import, so
 * every function works at once, as in Node; `init()` accepts the browser's argument, ignores it, resolves.
 *
 * ```ts
 * import { planSync } from 'ledgerbridge';
 * export default { fetch: async (req: Request) => Response.json(planSync(await req.json())) };
 * ```
 * @module
 */
import * as glue from '../glue/ledgerbridge.js';
import wasm from '../glue/ledgerbridge_bg.wasm?module';
import { slot } from './glue-slot.js';
import type { Glue } from './api.js';

export * from './surface.js';
export { init, isInitialized, type WasmSource } from './ready-at-import.js';

glue.initSync({ module: wasm });
slot.set(glue as unknown as Glue);
