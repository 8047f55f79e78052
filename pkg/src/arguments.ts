/**
 * Turns the arguments of the package's functions into the JSON text the engine reads, and turns every
 * misuse a plain JavaScript caller can make into an `InputError` naming what is wrong: a value of the wrong
 * type, a value `JSON.stringify` cannot write (a `BigInt`, a cycle, a `toJSON` that returns nothing or
 * throws), a string with a lone surrogate, a text past the documented maximum. `EngineError` is left for
 * real bugs.
 * @module
 */
import { InputError } from './errors.js';

/**
 * The documented maxima (README "Bounded cost"); the engine checks the same (its `limits()` export, which
 * the package test compares with these). A text past them is refused here, before it is copied into the
 * module.
 */
export const LIMITS = { maxTextBytes: 512 * 1024 * 1024, maxKeyValueBytes: 1024 * 1024 } as const;

/** What a JS value is, in the words of error messages. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`;
}

function invalid(path: string, code: 'invalid_type' | 'invalid_value' | 'too_large', detail: string, cause?: unknown): InputError {
  const where = path === '' ? 'input' : path;
  return new InputError(`${where}: ${detail}`, code, path, detail, cause === undefined ? undefined : { cause });
}

function wrongType(name: string, expected: string, value: unknown): InputError {
  return invalid(name, 'invalid_type', `expected ${expected}, found ${describe(value)}`);
}

/** `a.b[2]` from path segments. */
function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * Where `value` holds something `JSON.stringify` cannot write: the path and why. Walks the value as
 * `JSON.stringify` would (own enumerable keys, `toJSON` applied); only called after stringify failed.
 */
function unwritable(value: unknown, path: string, ancestors: Set<object>): { path: string; detail: string } | undefined {
  let current = value;
  if (current !== null && typeof current === 'object' && typeof (current as { toJSON?: unknown }).toJSON === 'function') {
    try {
      current = (current as { toJSON: (key: string) => unknown }).toJSON('');
    } catch (error) {
      return { path, detail: `its toJSON() threw: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (typeof current === 'bigint') return { path, detail: `a BigInt (${current}n) cannot be written as JSON; pass a number or a string` };
  if (current === null || typeof current !== 'object') return undefined;
  if (ancestors.has(current)) return { path, detail: 'the value refers to itself (a cycle), which cannot be written as JSON' };
  ancestors.add(current);
  try {
    const entries: Array<[string | number, unknown]> = Array.isArray(current)
      ? current.map((item, i) => [i, item])
      : Object.keys(current).map((k) => [k, (current as Record<string, unknown>)[k]]);
    for (const [key, child] of entries) {
      const found = unwritable(child, join(path, key), ancestors);
      if (found) return found;
    }
  } catch (error) {
    return { path, detail: `reading it threw: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    ancestors.delete(current);
  }
  return undefined;
}

/** `JSON.stringify(value)`, with every way it can fail turned into an `InputError` under `name`. */
function stringify(name: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    const found = unwritable(value, name, new Set());
    throw invalid(found?.path ?? name, 'invalid_value', found?.detail ?? `it cannot be written as JSON: ${error instanceof Error ? error.message : String(error)}`, error);
  }
  if (typeof text !== 'string') {
    throw invalid(name, 'invalid_value', 'it has no JSON form (its toJSON() returned undefined, or it is a function or a symbol)');
  }
  return withinLimit(name, text, LIMITS.maxTextBytes);
}

/** A text past `max` UTF-8 bytes is `too_large` (a string of n UTF-16 units has at least n bytes). */
function withinLimit(name: string, text: string, max: number): string {
  if (text.length > max) {
    throw invalid(name, 'too_large', `the text is ${text.length} characters; the most is ${max} bytes (README "Bounded cost")`);
  }
  return text;
}

/** JSON text of a required object argument (plain JS callers can pass anything: check it here). */
export function object(name: string, value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType(name, 'an object', value);
  return stringify(name, value);
}

/** JSON text of an optional object argument; empty text when absent. */
export function optionalObject(name: string, value: unknown): string {
  return value === undefined || value === null ? '' : object(name, value);
}

/** JSON text of a required array argument. */
export function array(name: string, value: unknown): string {
  if (!Array.isArray(value)) throw wrongType(name, 'an array', value);
  return stringify(name, value);
}

/** `String.prototype.isWellFormed` where the runtime has it (Node 20, current browsers), else a scan. */
function wellFormed(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === 'function') return native.call(text);
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/**
 * A required string argument (a number would reach the module as garbage). A lone surrogate would be
 * replaced by U+FFFD on its way into the module, silently: it is refused, as the engine refuses a lone
 * surrogate escape in JSON text.
 */
export function string(name: string, value: unknown, max: number = LIMITS.maxTextBytes): string {
  if (typeof value !== 'string') throw wrongType(name, 'a string', value);
  withinLimit(name, value, max);
  if (!wellFormed(value)) {
    throw invalid(name, 'invalid_value', 'the string holds a lone surrogate (an unpaired \\uD800–\\uDFFF), which is not valid Unicode');
  }
  return value;
}

/**
 * The bytes of a required byte argument: a `Uint8Array` (a Node `Buffer` is one), any other typed array or
 * `DataView` (its bytes), or an `ArrayBuffer` (what `fetch().arrayBuffer()` gives). Not copied here: the
 * glue copies them once into the module's memory.
 */
export function bytes(name: string, value: unknown, max: number = LIMITS.maxTextBytes): Uint8Array {
  let view: Uint8Array;
  if (value instanceof Uint8Array) view = value;
  else if (ArrayBuffer.isView(value)) view = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  else if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer === 'function' && value instanceof SharedArrayBuffer)) view = new Uint8Array(value);
  else throw wrongType(name, 'a Uint8Array, Buffer or ArrayBuffer of UTF-8 JSON', value);
  if (view.byteLength > max) {
    throw invalid(name, 'too_large', `the text is ${view.byteLength} bytes; the most is ${max} bytes (README "Bounded cost")`);
  }
  return view;
}
