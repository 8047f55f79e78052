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
} from '../glue/web/ledgerbridge.js';
import { fromEngine, NotInitializedError } from './errors.js';

export type * from '../glue/web/ledgerbridge.js';

/** The functions every glue build exports: JSON text in, JSON text out. */
export interface Glue {
  planSyncJson(input: string): string;
  validateBillJson(bill: string, context: string): string;
  shapeCreditNoteJson(creditNote: string, context: string): string;
  matchCounterpartsJson(monite: string, accounting: string): string;
  matchProductsJson(monite: string, accounting: string, settings: string): string;
  nameKey(value: string, kind: string): string;
  fromQuickBooksJson(raw: string): string;
  fromXeroJson(raw: string): string;
  version(): string;
}

/** `JSON.stringify` that turns `undefined` (absent optional argument) into empty text. */
function text(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
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

  return {
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
      return JSON.parse(call('planSync', (g) => g.planSyncJson(text(input)))) as SyncPlan;
    },
    /** `planSync` for JSON text in and out: skips `JSON.stringify`/`JSON.parse` when you have text. */
    planSyncJson(input: string): string {
      return call('planSyncJson', (g) => g.planSyncJson(input));
    },
    /**
     * Validates one bill as a form does on every edit. `context` holds ledger accounts, tax rates,
     * settings, policy, connection, and optionally each counterpart's standing
     * (`{ "cp-1": "matched" | "create" | "blocked" }`).
     */
    validateBill(bill: Payable, context?: BillContext): PushResult {
      return JSON.parse(call('validateBill', (g) => g.validateBillJson(text(bill), text(context)))) as PushResult;
    },
    /** Shapes a credit note for pushing: no document number, no invoice link; with its warnings. */
    shapeCreditNote(creditNote: Receivable, context?: BillContext): ShapedCreditNote {
      const out = call('shapeCreditNote', (g) => g.shapeCreditNoteJson(text(creditNote), text(context)));
      return JSON.parse(out) as ShapedCreditNote;
    },
    /** Matches Monite counterparts against accounting customers and vendors (SPEC §3.1). */
    matchCounterparts(monite: Counterpart[], accounting: AccountingCounterpart[]): CounterpartMatch[] {
      const out = call('matchCounterparts', (g) => g.matchCounterpartsJson(text(monite), text(accounting)));
      return JSON.parse(out) as CounterpartMatch[];
    },
    /** Matches products by name (SPEC §3.2); `settings` gives the default products ledger account. */
    matchProducts(monite: Product[], accounting: AccountingProduct[], settings?: Settings): ProductResult[] {
      const out = call('matchProducts', (g) => g.matchProductsJson(text(monite), text(accounting), text(settings)));
      return JSON.parse(out) as ProductResult[];
    },
    /** The `strict` (default) or `loose` name key (SPEC §2). */
    nameKey(value: string, kind: KeyKind = 'strict'): string {
      return call('nameKey', (g) => g.nameKey(value, kind));
    },
    /** Raw QuickBooks Online bodies → the neutral accounting snapshot. */
    fromQuickBooks(raw: RawQuickBooks): Snapshot {
      return JSON.parse(call('fromQuickBooks', (g) => g.fromQuickBooksJson(text(raw)))) as Snapshot;
    },
    /** Raw Xero bodies → the neutral accounting snapshot. */
    fromXero(raw: RawXero): Snapshot {
      return JSON.parse(call('fromXero', (g) => g.fromXeroJson(text(raw)))) as Snapshot;
    },
    /** Package and name-key versions, e.g. `0.1.0 (keys v1)`. */
    version(): string {
      return call('version', (g) => g.version());
    },
  };
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
