/**
 * The package's functions, over whichever WebAssembly glue the entry point loaded (Node: loaded
 * synchronously at import; browser: after `await init()`). Each call converts engine errors into the
 * classes of `errors.ts`.
 * @module
 */
import type {
  AccountingCounterpart,
  AccountingProduct,
  BillContext,
  Counterpart,
  CounterpartMatch,
  KeyKind,
  Payable,
  PlanInput,
  Product,
  ProductResult,
  PushResult,
  RawQuickBooks,
  RawXero,
  Receivable,
  Settings,
  ShapedCreditNote,
  Snapshot,
  SyncPlan,
} from './generated/types.js';
import { createClient as createBareClient, type ClientOptions, type MoniteClient } from './client/index.js';
import { array, bytes, LIMITS, object, optionalObject, string } from './arguments.js';
import { fromEngine, NotInitializedError } from './errors.js';

// Types come from the Rust types (tsify), pulled out of the glue's declarations by the build without its
// init types, which name DOM types: a Node-only TypeScript project type-checks them with skipLibCheck off.
export type * from './generated/types.js';

/** The functions every glue build exports: JSON text in, JSON text out. */
export interface Glue {
  planSyncJson(input: string): string;
  planSyncBytes(input: Uint8Array): Uint8Array;
  validateBillJson(bill: string, context: string): string;
  shapeCreditNoteJson(creditNote: string, context: string): string;
  matchCounterpartsJson(monite: string, accounting: string): string;
  matchProductsJson(monite: string, accounting: string, settings: string): string;
  nameKey(value: string, kind: string): string;
  limits(): string;
  memoryBytes(): number;
  fromQuickBooksJson(raw: string): string;
  fromXeroJson(raw: string): string;
  version(): string;
  BillValidator: new (context: string) => { validateJson(bill: string): string; free(): void };
}

/**
 * Validates bills against one context that is read once: for forms that validate on every edit.
 * `free()` releases the WebAssembly memory it holds (it is also released when garbage-collected, where
 * the runtime supports finalizers).
 */
export interface BillValidator {
  validate(bill: Payable): PushResult;
  free(): void;
}

/**
 * The public API bound to a glue getter (which throws `NotInitializedError` until the glue is ready).
 *
 * Values cross into WebAssembly as JSON text: `JSON.stringify` here, one parse inside the module, one
 * `JSON.parse` of the result. Measured against object-by-object conversion (serde-wasm-bindgen) this is
 * faster for large plans and equal for a single bill, and it keeps the module smaller (README,
 * "Serialization").
 */
export function createApi(getGlue: (fn: string) => Glue) {
  function call<T>(fn: string, run: (glue: Glue) => T): T {
    const glue = getGlue(fn);
    try {
      return run(glue);
    } catch (thrown) {
      throw fromEngine(thrown);
    }
  }

  // validateBill keeps the validator of the last context it read: a form calls it on every edit with the
  // same context, and reading and indexing a 150-account context is most of a call. Reused only when the
  // context's JSON text is the same, so a changed context is always read again; any error comes from the
  // one-shot path, so errors are exactly those of a call without the cache (the bill's first).
  let kept: { glue: Glue; context: string; validator: InstanceType<Glue['BillValidator']> } | undefined;
  function validateWithKeptContext(glue: Glue, bill: string, context: string): string {
    if (kept?.glue !== glue || kept.context !== context) {
      let validator: InstanceType<Glue['BillValidator']>;
      try {
        validator = new glue.BillValidator(context);
      } catch (thrown) {
        // A malformed context: the one-shot call reports what it reports (the bill's error first, if any).
        if ((thrown as { name?: unknown } | null)?.name !== 'InputError') throw thrown;
        return glue.validateBillJson(bill, context);
      }
      kept?.validator.free();
      kept = { glue, context, validator };
    }
    return kept.validator.validateJson(bill);
  }

  const api = {
    /**
     * Plans the sync: every pull result and push decision with reasons, summary counts and errors
     * (SPEC §8). Pure and deterministic. Throws `InputError` naming the JSON path of malformed input.
     *
     * ```ts
     * const plan = planSync({ monite: { counterparts }, accounting: { counterparts: pulled } });
     * plan.summary.pull.counterparts.ambiguous; // "these 3 are ambiguous"
     * ```
     */
    planSync(input: PlanInput): SyncPlan {
      const json = object('', input);
      return JSON.parse(call('planSync', (g) => g.planSyncJson(json))) as SyncPlan;
    },
    /** `planSync` for JSON text in and out: skips `JSON.stringify`/`JSON.parse` when you have text. */
    planSyncJson(input: string): string {
      const json = string('', input);
      return call('planSyncJson', (g) => g.planSyncJson(json));
    },
    /**
     * `planSync` for UTF-8 JSON bytes in and out — what `fs.readFile`, `fetch().arrayBuffer()` and a
     * `File` give, and what `fs.writeFile` and a `Response` take: no UTF-16 string is made on either side,
     * and the module's memory holds the input once, at its size in bytes. Bytes that are not UTF-8 are an
     * `InputError` (`invalid_json`) naming the offset.
     *
     * ```ts
     * const plan = planSyncBytes(await readFile('input.json'));
     * await writeFile('plan.json', plan);
     * ```
     */
    planSyncBytes(input: Uint8Array | ArrayBufferLike | ArrayBufferView): Uint8Array {
      const view = bytes('', input);
      return call('planSyncBytes', (g) => g.planSyncBytes(view));
    },
    /**
     * Validates one bill as a form does on every edit. `context` holds ledger accounts, tax rates,
     * settings, policy, connection, and optionally each counterpart's standing
     * (`{ "cp-1": "matched" | "create" | "blocked" }`).
     */
    validateBill(bill: Payable, context?: BillContext): PushResult {
      const [b, c] = [object('bill', bill), optionalObject('context', context)];
      return JSON.parse(call('validateBill', (g) => validateWithKeptContext(g, b, c))) as PushResult;
    },
    /**
     * A validator that keeps `context`, so each `validate(bill)` only reads the bill.
     *
     * ```ts
     * const validator = createBillValidator({ ledger_accounts, tax_rates });
     * input.addEventListener('input', () => render(validator.validate(readForm())));
     * ```
     */
    createBillValidator(context?: BillContext): BillValidator {
      const json = optionalObject('context', context);
      const inner = call('createBillValidator', (g) => new g.BillValidator(json));
      let freed = false;
      return {
        validate(bill: Payable): PushResult {
          if (freed) throw new TypeError('this BillValidator was freed');
          const b = object('bill', bill);
          return JSON.parse(call('validate', () => inner.validateJson(b))) as PushResult;
        },
        free(): void {
          if (!freed) inner.free();
          freed = true;
        },
      };
    },
    /** Shapes a credit note for pushing: no document number, no invoice link; with its warnings. */
    shapeCreditNote(creditNote: Receivable, context?: BillContext): ShapedCreditNote {
      const [n, c] = [object('credit_note', creditNote), optionalObject('context', context)];
      const out = call('shapeCreditNote', (g) => g.shapeCreditNoteJson(n, c));
      return JSON.parse(out) as ShapedCreditNote;
    },
    /** Matches Monite counterparts against accounting customers and vendors (SPEC §3.1). */
    matchCounterparts(monite: Counterpart[], accounting: AccountingCounterpart[]): CounterpartMatch[] {
      const [m, a] = [array('monite', monite), array('accounting', accounting)];
      const out = call('matchCounterparts', (g) => g.matchCounterpartsJson(m, a));
      return JSON.parse(out) as CounterpartMatch[];
    },
    /** Matches products by name (SPEC §3.2); `settings` gives the default products ledger account. */
    matchProducts(monite: Product[], accounting: AccountingProduct[], settings?: Settings): ProductResult[] {
      const [m, a, st] = [array('monite', monite), array('accounting', accounting), optionalObject('settings', settings)];
      const out = call('matchProducts', (g) => g.matchProductsJson(m, a, st));
      return JSON.parse(out) as ProductResult[];
    },
    /** The `strict` (default) or `loose` name key (SPEC §2). */
    nameKey(value: string, kind: KeyKind = 'strict'): string {
      const [v, k] = [string('value', value, LIMITS.maxKeyValueBytes), string('kind', kind)];
      return call('nameKey', (g) => g.nameKey(v, k));
    },
    /** Raw QuickBooks Online bodies → the neutral accounting snapshot. */
    fromQuickBooks(raw: RawQuickBooks): Snapshot {
      const json = object('quickbooks_online', raw);
      return JSON.parse(call('fromQuickBooks', (g) => g.fromQuickBooksJson(json))) as Snapshot;
    },
    /** Raw Xero bodies → the neutral accounting snapshot. */
    fromXero(raw: RawXero): Snapshot {
      const json = object('xero', raw);
      return JSON.parse(call('fromXero', (g) => g.fromXeroJson(json))) as Snapshot;
    },
    /**
     * The documented maxima of the entry points (README "Bounded cost"), as the engine enforces them:
     * `{ max_text_bytes, max_key_value_bytes }`. Past them a call throws `InputError` `too_large` before any
     * work starts.
     */
    limits(): { max_text_bytes: number; max_key_value_bytes: number } {
      return JSON.parse(call('limits', (g) => g.limits())) as { max_text_bytes: number; max_key_value_bytes: number };
    },
    /**
     * The module's WebAssembly memory now, in bytes. It only grows, so this is the most any call so far
     * needed: a service can log it after a large plan (the benchmark reports it as the plan's peak memory).
     */
    memoryBytes(): number {
      return call('memoryBytes', (g) => g.memoryBytes());
    },
    /** Package and name-key versions, e.g. `0.1.0 (keys v1)`. */
    version(): string {
      return call('version', (g) => g.version());
    },
    /**
     * A Monite Partner API client for one entity (SPEC §6) whose `previewSync()` plans with this package's
     * engine. See `ClientOptions` for tokens (`fetchToken` in browsers), retries and timeouts.
     */
    createClient(options: ClientOptions): MoniteClient {
      return createBareClient({ planSync: api.planSync, ...options });
    },
  };
  return api;
}

/** A getter for glue that is ready from the start (Node). */
export function ready(glue: Glue): (fn: string) => Glue {
  return () => glue;
}

/** A getter that throws until `set` is called (browser). */
export function pending(): { get: (fn: string) => Glue; set: (glue: Glue) => void; isSet: () => boolean } {
  let current: Glue | undefined;
  return {
    get(fn) {
      if (!current) throw new NotInitializedError(fn);
      return current;
    },
    set(glue) {
      current = glue;
    },
    isSet: () => current !== undefined,
  };
}
