/**
 * `init` and `isInitialized` of the entries whose module is ready at import (Node, edge): `init` exists so
 * that one source compiles and runs everywhere; it accepts the browser's argument, ignores it and resolves.
 * @module
 */

/** What `init` takes in browsers (a URL, bytes, a `WebAssembly.Module`…); here the module is loaded already. */
export type WasmSource = unknown;

/** Resolves at once (the module is ready at import); `source` is accepted and ignored. Idempotent. */
export async function init(source?: WasmSource): Promise<void> {
  void source;
}

/** Always true: the module is ready at import. */
export function isInitialized(): boolean {
  return true;
}
