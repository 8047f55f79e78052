/**
 * Browser and bundler entry. Call `await init()` once before anything else (it is idempotent; concurrent
 * calls share one load); calling a function earlier throws `NotInitializedError`.
 *
 * ```ts
 * import { init, validateBill } from 'ledgerbridge';
 * await init();                       // fetches ledgerbridge_bg.wasm next to the glue
 * const result = validateBill(bill, context);
 * ```
 * @module
 */
import load, * as web from '../glue/ledgerbridge.js';
import { slot } from './glue-slot.js';
import type { Glue } from './api.js';

export * from './surface.js';

let loading: Promise<void> | undefined;

/** Where the `.wasm` comes from: a URL, a fetch `Response`, its bytes, or a compiled `WebAssembly.Module`. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the WebAssembly module (by default from next to the glue). Idempotent. */
export function init(source?: WasmSource): Promise<void> {
  if (slot.isSet()) return Promise.resolve();
  loading ??= load(source === undefined ? undefined : { module_or_path: source as never }).then(
    () => slot.set(web as unknown as Glue),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** True once `init()` has finished. */
export function isInitialized(): boolean {
  return slot.isSet();
}
