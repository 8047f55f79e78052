/**
 * Node entry (ESM and CommonJS): the WebAssembly module is loaded synchronously at import, so every
 * function works at once; `init()` exists for symmetry with the browser and resolves immediately.
 *
 * ```ts
 * import { planSync } from 'ledgerbridge';
 * const plan = planSync(input);
 * ```
 * @module
 */
import glue from '../glue/node/ledgerbridge.js';
import { createApi, ready, type Glue } from './api.js';

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

const api = createApi(ready(glue as unknown as Glue));

/** Resolves at once in Node (the module is ready at import); idempotent. */
export async function init(): Promise<void> {}
/** Always true in Node. */
export function isInitialized(): boolean {
  return true;
}

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
