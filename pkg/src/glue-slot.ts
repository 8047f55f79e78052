/**
 * The WebAssembly glue the entry point loaded (Node and edge: at import; browser: in `init()`), shared by
 * the entry and the functions of `surface.ts`. Internal: no entry re-exports it.
 * @module
 */
import { pending } from './api.js';

export const slot = pending();
