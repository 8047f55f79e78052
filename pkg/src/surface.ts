/**
 * What every entry point (Node, browser, edge) exports besides `init` / `isInitialized`: the engine's
 * functions bound to the one glue slot the entry fills, the error classes, the Monite client and the types.
 * Entries differ only in how they obtain the WebAssembly module.
 * @module
 */
import { createApi } from './api.js';
import { slot } from './glue-slot.js';

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

export const {
  planSync,
  planSyncJson,
  planSyncBytes,
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
  memoryBytes,
  createClient,
} = createApi(slot.get);
