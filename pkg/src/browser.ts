/**
 * Browser and bundler entry. Call `await init()` once before anything else (it is idempotent; concurrent
 * calls share one load); calling a function earlier throws `NotInitializedError`.
 *
 * ```ts
 * import { init, validateBill } from 'ledgerbridge';
 * await init();                       // fetches ledgerbridge_bg.wasm next to the module
 * const result = validateBill(bill, context);
 * ```
 * @module
 */
import load, * as web from '../glue/web/ledgerbridge.js';
import { createApi, pending, type Glue } from './api.js';

export { EngineError, InputError, LedgerbridgeError, NotInitializedError, type InputErrorCode } from './errors.js';
export type * from './api.js';
export {
  AlreadyConnectedError,
  ApiError,
  API_VERSION,
  AuthError,
  ConnectionFailedError,
  DEFAULT_BASE_URL,
  MoniteClient,
  NetworkError,
  ProtocolError,
  PushRejectedError,
  RateLimitError,
  TimeoutError,
} from './client/index.js';
export type * from './client/index.js';

const state = pending();
let loading: Promise<void> | undefined;

/** Where the `.wasm` comes from: a URL, a fetch `Response`, its bytes, or a compiled `WebAssembly.Module`. */
export type WasmSource = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Loads the WebAssembly module (by default from next to this file). Idempotent. */
export function init(source?: WasmSource): Promise<void> {
  if (state.isSet()) return Promise.resolve();
  loading ??= load(source === undefined ? undefined : { module_or_path: source as never }).then(
    () => state.set(web as unknown as Glue),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** True once `init()` has finished. */
export function isInitialized(): boolean {
  return state.isSet();
}

const api = createApi(state.get);

export const {
  planSync,
  planSyncJson,
  validateBill,
  createBillValidator,
  shapeCreditNote,
  matchCounterparts,
  matchProducts,
  nameKey,
  fromQuickBooks,
  fromXero,
  version,
  limits,
  createClient,
} = api;
