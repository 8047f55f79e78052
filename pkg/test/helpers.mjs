// Shared helpers for the package tests (node --test pkg/test/). Paths, sample data (from the Rust example
// generator when it is built, else skipped), small hand-written inputs, the shared fixtures, and a CLI runner.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PKG = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = join(PKG, '..');
// Overridable (e.g. to check that the tests skip cleanly when they are absent).
export const GENERATOR = process.env.LEDGERBRIDGE_GENERATOR ?? join(ROOT, 'target', 'release', 'examples', 'generate');
export const FIXTURES = process.env.LEDGERBRIDGE_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures');

// ---------------------------------------------------------------------------------------------------------
// Sample data from the generator

/** Why generated samples are unavailable, or `false` when they are (for `test(name, { skip }, fn)`). */
export const noGenerator = existsSync(GENERATOR)
  ? false
  : `sample generator not built (${GENERATOR}); run \`cargo build --release -p ledgerbridge-sample --example generate\``;

const generated = new Map();
/** The generator's stdout for `args`, cached; parse it per test so tests never share objects. */
export function generateText(args) {
  const key = args.join(' ');
  if (!generated.has(key)) {
    generated.set(key, execFileSync(GENERATOR, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 }));
  }
  return generated.get(key);
}

/** The demo PlanInput (fresh object each call). */
export function demoInput() {
  return JSON.parse(generateText(['--demo']));
}

/** A scaled PlanInput: `n` counterparts per side, other collections in proportion. */
export function scaledInput(seed, n) {
  return JSON.parse(generateText(['--seed', String(seed), '--counterparts', String(n)]));
}

// ---------------------------------------------------------------------------------------------------------
// Shared real-world fixtures (../shared/fixtures), read by path, never copied

/** Why the fixtures are unavailable, or `false`. */
export const noFixtures = existsSync(join(FIXTURES, 'qbo-sandbox-nango', 'customers.json'))
  ? false
  : `shared fixtures not found at ${FIXTURES}`;

export function fixture(relative) {
  return JSON.parse(readFileSync(join(FIXTURES, relative), 'utf8'));
}

/** The QuickBooks Online sandbox bodies, as `RawQuickBooks`. */
export function quickBooksRaw() {
  return {
    customers: fixture('qbo-sandbox-nango/customers.json'),
    vendors: fixture('qbo-sandbox-nango/vendors.json'),
    items: fixture('qbo-sandbox-nango/items.json'),
    accounts: fixture('qbo-sandbox-nango/accounts.json'),
    currency: 'USD',
  };
}

/** The Xero demo company bodies plus Xero's example tax rates, as `RawXero`. */
export function xeroRaw() {
  return {
    contacts: fixture('xero-demo-nango/contacts.json'),
    items: fixture('xero-demo-nango/items.json'),
    accounts: fixture('xero-demo-nango/accounts.json'),
    tax_rates: fixture('xero-openapi-examples/taxrates_get_200.json'),
    currency: 'USD',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Hand-written inputs

/** A form's context: one active ledger account, one 20 % tax rate, a connection made on 2024-01-01. */
export function billContext() {
  return {
    ledger_accounts: [
      { id: 'la-expenses', name: 'Expenses', type: 'expense', status: 'Active', nominal_code: '400' },
      { id: 'la-old', name: 'Old expenses', type: 'expense', status: 'Archived' },
    ],
    tax_rates: [{ id: 'tr-20', name: 'VAT 20 %', code: 'S20', effective_tax_rate: 2000, status: 'Active' }],
    connection: { id: 'conn-1', status: 'connected', platform: 'quickbooks', created_at: '2024-01-01T00:00:00Z' },
  };
}

/** An issued bill with `lines` valid line items (20 by default). */
export function bill(lines = 20) {
  return {
    id: 'bill-1',
    status: 'issued',
    issued_at: '2024-06-01',
    counterpart_id: 'cp-1',
    currency: 'EUR',
    document_id: 'RE-2024-1',
    line_items: Array.from({ length: lines }, (_, i) => ({
      id: `line-${i}`,
      name: `Line ${i}`,
      quantity: i + 1,
      unit_price: 1500,
      tax: 2000,
      ledger_account_id: 'la-expenses',
    })),
  };
}

/** An issued credit note that refers to its invoice in every way the API allows. */
export function creditNote() {
  return {
    id: 'cn-1',
    type: 'credit_note',
    status: 'issued',
    issue_date: '2024-06-02',
    counterpart_id: 'cp-1',
    counterpart_name: 'Acme Ltd',
    currency: 'EUR',
    document_id: 'CN-2024-7',
    based_on: 'inv-1',
    based_on_document_id: 'INV-2024-3',
    memo: 'Returned goods',
    line_items: [
      {
        quantity: 2,
        total_before_vat: 2000,
        product: { name: 'Widget', ledger_account_id: 'la-expenses', vat_rate: { value: 2000 }, price: { currency: 'EUR', value: 1000 } },
      },
    ],
  };
}

/** A small complete PlanInput: one of each matching outcome and one bill, one credit note. */
export function smallInput() {
  const ctx = billContext();
  return {
    monite: {
      counterparts: [
        { id: 'cp-1', type: 'organization', organization: { legal_name: 'Acme Limited', is_vendor: true } },
        { id: 'cp-2', type: 'organization', organization: { legal_name: 'Globex Corporation', is_customer: true } },
        {
          id: 'cp-3',
          type: 'individual',
          individual: { first_name: 'Ada', last_name: 'Lovelace', is_customer: true },
          addresses: [{ id: 'addr-3', country: 'GB', city: 'London', line1: '1 St James Sq', postal_code: 'SW1Y 4JH' }],
        },
      ],
      products: [{ id: 'p-1', name: 'Widget' }],
      payables: [bill(3)],
      receivables: [creditNote()],
      settings: { accounting: { ledger_account_ids: { products: 'la-expenses', payments: 'la-expenses' } } },
      connection: ctx.connection,
    },
    accounting: {
      counterparts: [
        { id: 'qb-1', name: 'ACME LTD.', kind: 'vendor' },
        { id: 'qb-3', name: 'Ada Lovelace', kind: 'customer', address: { country: 'GB', city: 'London' } },
        { id: 'qb-4', name: 'Ada Lovelace', kind: 'customer', address: { country: 'US', city: 'Boston' } },
      ],
      products: [
        { id: 'item-1', name: 'widget', type: 'product' },
        { id: 'item-2', name: 'Gadget', price: 12.5, currency: 'EUR', type: 'product' },
      ],
      tax_rates: ctx.tax_rates,
      ledger_accounts: ctx.ledger_accounts,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Checks

/** Rust's `String` order (UTF-8 bytes), which JS `<` only approximates. */
export function byteCompare(a, b) {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The counts the plan's rows imply, in the shape of `plan.summary`. */
export function countRows(plan) {
  const count = (rows, pred) => rows.filter(pred).length;
  const eligibility = (rows) => ({
    total: rows.length,
    eligible: count(rows, (r) => r.eligible),
    not_eligible: count(rows, (r) => !r.eligible),
  });
  const { pull, push } = plan;
  return {
    pull: {
      counterparts: {
        total: pull.counterparts.length,
        matched: count(pull.counterparts, (r) => r.status === 'matched'),
        unmatched: count(pull.counterparts, (r) => r.status === 'unmatched'),
        ambiguous: count(pull.counterparts, (r) => r.status === 'ambiguous'),
        duplicate_match: count(pull.counterparts, (r) => r.reason === 'duplicate_match'),
        with_suggestions: count(pull.counterparts, (r) => r.suggestions.length > 0),
      },
      products: {
        total: pull.products.length,
        match: count(pull.products, (r) => r.action === 'match'),
        create: count(pull.products, (r) => r.action === 'create'),
        none: count(pull.products, (r) => r.action === 'none'),
        multiple_matches: count(pull.products, (r) => r.error?.code === 'multiple_matches'),
      },
      tax_rates: pull.tax_rates.length,
      ledger_accounts: pull.ledger_accounts.length,
    },
    push: {
      counterparts: {
        total: push.counterparts.length,
        none: count(push.counterparts, (r) => r.action === 'none'),
        create: count(push.counterparts, (r) => r.action === 'create'),
        blocked: count(push.counterparts, (r) => r.action === 'blocked'),
      },
      bills: eligibility(push.bills),
      invoices: eligibility(push.invoices),
      credit_notes: eligibility(push.credit_notes),
      payment_records: eligibility(push.payment_records),
    },
    errors: plan.errors.length,
  };
}

/** Every key of an object, recursively (to prove a field is absent anywhere in a payload). */
export function allKeys(value, into = new Set()) {
  if (Array.isArray(value)) for (const v of value) allKeys(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      allKeys(v, into);
    }
  }
  return into;
}

/** Reverses every top-level collection of a PlanInput (record order must not matter). */
export function reversedCollections(input) {
  const out = structuredClone(input);
  for (const side of ['monite', 'accounting']) {
    for (const [key, value] of Object.entries(out[side] ?? {})) {
      if (Array.isArray(value)) out[side][key] = value.slice().reverse();
    }
  }
  return out;
}

/** A deterministic PRNG (xorshift32): a function returning the next unsigned 32-bit number. */
export function xorshift32(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

/** A deterministic shuffle (xorshift32) of every top-level collection. */
export function shuffledCollections(input, seed = 0x9e3779b9) {
  const next = xorshift32(seed);
  const out = structuredClone(input);
  for (const side of ['monite', 'accounting']) {
    for (const [key, value] of Object.entries(out[side] ?? {})) {
      if (!Array.isArray(value)) continue;
      const a = value.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = next() % (i + 1);
        [a[i], a[j]] = [a[j], a[i]];
      }
      out[side][key] = a;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// CLI

/** The installed bin link when present (how a user runs it), else the built file. */
export const CLI = existsSync(join(ROOT, 'node_modules', '.bin', 'ledgerbridge'))
  ? join(ROOT, 'node_modules', '.bin', 'ledgerbridge')
  : join(PKG, 'esm', 'cli.js');

/** Runs the CLI with `args` (and optional stdin text); returns `{ status, stdout, stderr }`. */
export function runCli(args, { input, cwd = ROOT } = {}) {
  const command = CLI.endsWith('.js') ? process.execPath : CLI;
  const argv = CLI.endsWith('.js') ? [CLI, ...args] : args;
  const result = spawnSync(command, argv, { input, cwd, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
