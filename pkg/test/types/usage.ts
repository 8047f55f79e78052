// Typed use of the public API, imported by name as a consumer would (resolved through `exports`:
// "types" → esm/node.d.ts). Checked by `node_modules/.bin/tsc -p pkg/test/types/tsconfig.json`; never run.
// Each `@ts-expect-error` line must NOT type-check: tsc fails if one of them stops being an error.
import {
  createClient,
  init,
  InputError,
  NetworkError,
  PushRejectedError,
  isInitialized,
  LedgerbridgeError,
  matchCounterparts,
  matchProducts,
  nameKey,
  NotInitializedError,
  planSync,
  planSyncJson,
  planSyncBytes,
  shapeCreditNote,
  validateBill,
  version,
} from 'ledgerbridge';
import type {
  BillContext,
  CounterpartMatch,
  InputErrorCode,
  Issue,
  KeyKind,
  Code,
  MatchStatus,
  ObjectType,
  Payable,
  PlanInput,
  ProductResult,
  PushFailedOptions,
  PushFailedReport,
  PushResult,
  Receivable,
  RepushFailure,
  RepushSection,
  RepushSkip,
  ShapedCreditNote,
  SyncPlan,
} from 'ledgerbridge';

// ---------------------------------------------------------------------------------------------------------
// Input: a PlanInput literal in the API's own shapes.
const bill: Payable = {
  id: 'bill-1',
  status: 'issued',
  issued_at: '2024-06-01',
  counterpart_id: 'cp-1',
  currency: 'EUR',
  line_items: [{ id: 'l-0', name: 'Hosting', quantity: 2, unit_price: 1500, tax: 2000, ledger_account_id: 'la-1' }],
};

const input: PlanInput = {
  monite: {
    counterparts: [
      { id: 'cp-1', type: 'organization', organization: { legal_name: 'Acme Ltd', is_vendor: true } },
      { id: 'cp-2', individual: { first_name: 'Ada', last_name: 'Lovelace' }, addresses: [{ country: 'GB', city: 'London' }] },
    ],
    products: [{ id: 'p-1', name: 'Widget' }],
    payables: [bill],
    receivables: [{ id: 'cn-1', type: 'credit_note', status: 'issued', based_on: 'inv-1' }],
    payment_records: [{ id: 'pay-1', amount: 100, object: { id: 'inv-1', type: 'receivable' } }],
    settings: { accounting: { ledger_account_ids: { products: 'la-1', payments: 'la-2' }, tax_ids: { deductions: null } } },
    connection: { id: 'conn-1', status: 'connected', created_at: '2024-01-01T00:00:00Z' },
  },
  accounting: {
    counterparts: [{ id: 'qb-1', name: 'ACME LIMITED', kind: 'vendor', address: { country: 'GB' } }],
    products: [{ id: 'i-1', name: 'widget', price: 12.5, currency: 'EUR', type: 'product' }],
    tax_rates: [{ id: 'tr-20', name: 'VAT', effective_tax_rate: 2000, direction: 'purchase' }],
    ledger_accounts: [{ id: 'la-1', name: 'Expenses', status: 'Active' }],
    quickbooks_online: { customers: { QueryResponse: { Customer: [] } }, currency: 'USD' },
  },
  policy: { pushable_bill_statuses: ['issued', 'canceled'], direction: 'purchase' },
};

// ---------------------------------------------------------------------------------------------------------
// Output: SyncPlan, its rows and summary.
const plan: SyncPlan = planSync(input);
const same: SyncPlan = JSON.parse(planSyncJson(JSON.stringify(input))) as SyncPlan;
const planBytes: Uint8Array = planSyncBytes(new TextEncoder().encode(JSON.stringify(input)));
planSyncBytes(new ArrayBuffer(2));
// @ts-expect-error the byte entry takes bytes, not text
planSyncBytes('{}');
const ambiguous: number = plan.summary.pull.counterparts.ambiguous;
const eligibleBills: number = plan.summary.push.bills.eligible + same.summary.push.bills.not_eligible;
const errorCount: number = plan.summary.errors + plan.errors.length;

function describeMatch(row: CounterpartMatch): string {
  const status: MatchStatus = row.status;
  switch (status) {
    case 'matched':
      // A match always names the field that decided; the compiler only knows it may be null.
      return `${row.monite_id} → ${row.accounting_id ?? '?'} by ${row.decided_by ?? '?'}`;
    case 'unmatched':
      return `${row.monite_id}: ${row.reason ?? ''}; maybe ${row.suggestions.map((s) => `${s.accounting_id} (${s.score.toFixed(2)})`).join(', ')}`;
    case 'ambiguous':
      return `${row.monite_id}: one of ${row.candidates.join(', ')}; rivals ${row.rivals.join(', ')}`;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}
const lines: string[] = plan.pull.counterparts.map(describeMatch);

const firstProduct: ProductResult | undefined = plan.pull.products[0];
const productName: string | undefined = firstProduct?.payload?.name;
const productError: string[] = firstProduct?.error?.accounting_ids ?? [];

// PushResult fields.
function explain(result: PushResult): string {
  const issues: Issue[] = result.errors;
  const warnings: Issue[] = result.warnings;
  const head = `${result.monite_id}: ${result.eligible ? 'eligible' : 'not eligible'}`;
  return [head, ...issues.map((i) => `${i.code} at ${i.path}: ${i.message}`), ...warnings.map((w) => w.message)].join('\n');
}
const billReports: string[] = plan.push.bills.map(explain);
const pushPayload = plan.push.bills[0]?.payload;
const counterpartAction: 'none' | 'create' | 'blocked' | undefined = plan.push.counterparts[0]?.action;

// validateBill / shapeCreditNote with a form's context.
const context: BillContext = {
  ledger_accounts: [{ id: 'la-1', status: 'Active' }],
  tax_rates: [{ id: 'tr-20', effective_tax_rate: 2000 }],
  counterparts: { 'cp-1': 'matched', 'cp-2': 'create' },
  policy: { direction: 'purchase' },
};
const checked: PushResult = validateBill(bill, context);
const bare: boolean = validateBill(bill).eligible;
const creditNote: Receivable = { id: 'cn-1', type: 'credit_note', status: 'issued', line_items: [{ quantity: 1, product: { name: 'Widget' } }] };
const shaped: ShapedCreditNote = shapeCreditNote(creditNote, context);
const customer: string | null = shaped.payload.customer_ref.company_name;
const warningCodes: string[] = shaped.warnings.map((w) => w.code);

// Matching and keys.
const matches: CounterpartMatch[] = matchCounterparts(input.monite?.counterparts ?? [], [{ id: 'a', name: 'A' }]);
const products: ProductResult[] = matchProducts([{ id: 'p', name: 'P' }], [{ id: 'i', name: 'P', price: { currency: 'EUR', value: 100 } }], {});
const kind: KeyKind = 'loose';
const keys: string[] = [nameKey('Acme Limited'), nameKey('Acme Limited', kind), nameKey('x', 'strict')];
const v: string = version();

// Errors: InputError fields and narrowing.
function handle(error: unknown): string {
  if (error instanceof InputError) {
    const code: InputErrorCode = error.code;
    const path: string = error.path;
    const detail: string = error.detail;
    const stack: string | undefined = error.stack;
    if (code === 'invalid_json') return `not JSON: ${detail}`;
    return `${error.name} ${code} at ${path}: ${error.message} ${stack ?? ''}`;
  }
  if (error instanceof NotInitializedError) return error.code;
  if (error instanceof LedgerbridgeError) return `${error.code}: ${error.message}`;
  return String(error);
}

async function start(): Promise<boolean> {
  await init();
  return isInitialized();
}

// The client: a re-sync preview, then pushing again what failed.
async function repush(): Promise<string[]> {
  const client = createClient({ entityId: 'e-1', fetchToken: async () => ({ access_token: 't', expires_in: 60 }) });
  const preview: SyncPlan = await client.previewSync({ accounting: { counterparts: [] }, syncedRecords: true });
  const options: PushFailedOptions = { concurrency: 2, sections: ['bills', 'invoices'], signal: AbortSignal.timeout(30_000) };
  const report: PushFailedReport = await client.pushFailed(preview, options);
  const section: RepushSection = report.pushed[0]?.section ?? 'bills';
  const platformIds: (string | null | undefined)[] = report.pushed.map((p) => p.record.platform_object_id);
  const reasons: RepushSkip['reason'][] = report.skipped.map((s) => s.reason);
  const explain = (f: RepushFailure): string => {
    if (f.error instanceof PushRejectedError) return `${f.monite_id}: ${JSON.stringify(f.error.apiErrors)}`;
    if (f.error instanceof NetworkError) return `${f.monite_id}: ${f.error.causeCode ?? ''} ${f.ambiguous ? 'check before retrying' : ''}`;
    return f.error.message;
  };
  const records = await client.loadSyncedRecords();
  return [section, ...reasons, ...platformIds.map(String), ...report.failed.map(explain), String(report.aborted), String(records.length)];
}

export const used = [
  ambiguous,
  eligibleBills,
  errorCount,
  lines,
  productName,
  productError,
  billReports,
  pushPayload,
  counterpartAction,
  checked,
  bare,
  customer,
  warningCodes,
  matches,
  products,
  keys,
  v,
  handle,
  start,
  repush,
];

// ---------------------------------------------------------------------------------------------------------
// Negative cases: each next line must be a type error.

// @ts-expect-error a number is not a PlanInput
planSync(42);

// @ts-expect-error 'medium' is not a KeyKind ('strict' | 'loose')
nameKey('x', 'medium');

// @ts-expect-error policy.direction is 'purchase' | 'sale'
const sideways: PlanInput = { policy: { direction: 'sideways' } };

// @ts-expect-error SyncPlan has no `warnings` field (warnings live on push rows)
const notAField = plan.warnings;

// @ts-expect-error validateBill takes a Payable object, not JSON text
validateBill('{"id":"b","status":"issued"}');

// @ts-expect-error a Payable needs an id
const noId: Payable = { status: 'issued' };

// @ts-expect-error accounting counterparts are customers or vendors
const employee: PlanInput = { accounting: { counterparts: [{ id: 'e', name: 'E', kind: 'employee' }] } };

// @ts-expect-error line quantities are numbers
const textQuantity: Payable = { id: 'b', status: 'issued', line_items: [{ quantity: 'x' }] };

// @ts-expect-error `eligible` is a boolean
const eligibleText: string = checked.eligible;

function codes(error: InputError): boolean {
  // @ts-expect-error 'bad_input' is not an InputErrorCode
  return error.code === 'bad_input';
}

// @ts-expect-error 'maybe' is not a MatchStatus
const maybe: MatchStatus = 'maybe';

// Contract codes and object types are unions generated from the engine's enums, not `string`.
function issueCodes(plan: SyncPlan): Code[] {
  const reason: Code | null = plan.pull.counterparts[0]?.reason ?? null;
  const errorType: ObjectType | undefined = plan.errors[0]?.object_type;
  return [...(reason ? [reason] : []), ...plan.push.bills.flatMap((b) => b.errors.map((e) => e.code)), ...(errorType ? [] : [])];
}
// @ts-expect-error 'tax_rate_missing' is not a contract code
const notACode: Code = 'tax_rate_missing';
// @ts-expect-error 'invoice' is not an errors[].object_type
const notAType: ObjectType = 'invoice';

// @ts-expect-error the bill context's counterpart states are 'matched' | 'create' | 'blocked'
const unknownState: BillContext = { counterparts: { 'cp-1': 'unknown' } };

async function repushNegatives(): Promise<unknown[]> {
  const client = createClient({ entityId: 'e-1', fetchToken: async () => ({ access_token: 't', expires_in: 60 }) });
  // @ts-expect-error counterparts are not a section pushFailed pushes
  const counterparts: PushFailedOptions = { sections: ['counterparts'] };
  // @ts-expect-error pushFailed takes a plan, not a list of ids
  const ids = await client.pushFailed(['record-1']);
  const report = await client.pushFailed(planSync(input));
  // @ts-expect-error 'failed' is not a skip reason ('not_eligible' | 'aborted')
  const reason: RepushSkip['reason'] = 'failed';
  // @ts-expect-error `ambiguous` is a boolean
  const ambiguous: string | undefined = report.failed[0]?.ambiguous;
  return [counterparts, ids, reason, ambiguous];
}

// The API document: POST /accounting_connections has no body; page sizes per list, within each list's bounds.
async function documentNegatives(): Promise<unknown[]> {
  const fetchToken = async () => ({ access_token: 't', expires_in: 60 });
  const client = createClient({ entityId: 'e-1', fetchToken, pageSize: { receivables: 250, accounting_synced_records: 250 } });
  const sized = createClient({ entityId: 'e-1', fetchToken, pageSize: 100 });
  // @ts-expect-error connect() takes no platform: the entity user picks QuickBooks or Xero on the connection_url page
  const withPlatform = await client.connect({ platform: 'xero' });
  const replaced = await sized.connect({ replace: true });
  // @ts-expect-error `counterpart` is not a list name (`counterparts`, `products`, …)
  const typo = createClient({ entityId: 'e-1', fetchToken, pageSize: { counterpart: 5 } });
  // @ts-expect-error objectType is required by GET /accounting_synced_records
  const noType = client.syncedRecords({ limit: 250 });
  return [withPlatform, replaced, typo, noType];
}

export const negatives = [sideways, notAField, noId, employee, textQuantity, eligibleText, codes, maybe, unknownState, repushNegatives, issueCodes, notACode, notAType, documentNegatives];
