/**
 * The error classes the package throws. Expected outcomes (an ambiguous match, a bill that fails
 * validation) are data in the results; these are for misuse and malformed input.
 * @module
 */

/** Base class: every error thrown by ledgerbridge is an instance of this, with a stable `code`. */
export class LedgerbridgeError extends Error {
  /** Stable machine-readable code. */
  readonly code: string;
  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LedgerbridgeError';
    this.code = code;
  }
}

import type { InputErrorKind } from './generated/types.js';

/** Kinds of malformed input, as `InputError.code`: the engine's `InputErrorKind`, generated from its Rust type. */
export type InputErrorCode = InputErrorKind;

/**
 * Malformed input. `path` is the JSON path of the bad field (e.g.
 * `monite.payables[3].line_items[0].quantity`); `message` reads `path: detail`.
 *
 * ```ts
 * try { planSync(input) } catch (e) { if (e instanceof InputError) console.error(e.path, e.detail) }
 * ```
 */
export class InputError extends LedgerbridgeError {
  declare readonly code: InputErrorCode;
  /** JSON path of the offending value; empty for the document itself. */
  readonly path: string;
  /** What is wrong, without the path. */
  readonly detail: string;
  constructor(message: string, code: InputErrorCode, path: string, detail: string, options?: { cause?: unknown }) {
    super(message, code, options);
    this.name = 'InputError';
    this.path = path;
    this.detail = detail;
  }
}

/** A function was called in the browser before `await init()`. */
export class NotInitializedError extends LedgerbridgeError {
  constructor(fn: string) {
    super(`ledgerbridge is not initialized: await init() before calling ${fn}()`, 'not_initialized');
    this.name = 'NotInitializedError';
  }
}

/** The engine failed in a way that is a bug in ledgerbridge (please report it). */
export class EngineError extends LedgerbridgeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'engine_failure', options);
    this.name = 'EngineError';
  }
}

/** Converts whatever the WebAssembly glue threw into one of the classes above. */
export function fromEngine(thrown: unknown): LedgerbridgeError {
  if (thrown instanceof LedgerbridgeError) return thrown;
  if (thrown instanceof Error && thrown.name === 'InputError') {
    const raw = thrown as Error & { code?: string; path?: string; detail?: string };
    return new InputError(thrown.message, (raw.code ?? 'invalid_value') as InputErrorCode, raw.path ?? '', raw.detail ?? thrown.message, {
      cause: thrown,
    });
  }
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return new EngineError(`ledgerbridge engine failure: ${message}`, { cause: thrown });
}
