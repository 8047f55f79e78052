// Data the simulator serves: a tiny deterministic default dataset (a PlanInput, SPEC §8) and, when the
// project's sample generator has been built, `loadSample()` that runs it to get the demo sample.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The entity the default dataset belongs to (and the default for any dataset that names none). */
export const DEFAULT_ENTITY_ID = 'e0000000-0000-4000-8000-000000000001';
/** Partner credentials the simulator accepts unless `startSimulator({ clientId, clientSecret })` says otherwise. */
export const DEFAULT_CLIENT_ID = 'c0000000-0000-4000-8000-000000000001';
export const DEFAULT_CLIENT_SECRET = 'sim-client-secret';
/** The entity user the simulator knows for the `entity_user` grant (bound to the default entity). */
export const DEFAULT_ENTITY_USER_ID = 'a0000000-0000-4000-8000-000000000001';

/** @param {string} prefix hex, up to 8 characters @param {number} n @returns {string} */
const uid = (prefix, n) => `${prefix.padEnd(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const T0 = '2025-01-06T09:00:00.000000+00:00';
const T1 = '2025-02-03T10:30:00.000000+00:00';

const LEDGER = {
  sales: uid('1a', 1),
  supplies: uid('1a', 2),
  consulting: uid('1a', 3),
  bank: uid('1a', 4),
};
const TAX = { de19: uid('7a', 1), de7: uid('7a', 2), zero: uid('7a', 3) };
const CP = { acme: uid('c1', 1), nordHh: uid('c1', 2), nordMuc: uid('c1', 3), jane: uid('c1', 4), harbor: uid('c1', 5) };
const PRODUCT = { consulting: uid('b1', 1), widget: uid('b1', 2), support: uid('b1', 3) };
const PAYABLE = { supplies: uid('ba', 1), harbor: uid('ba', 2), draft: uid('ba', 3) };
const RECEIVABLE = { invoice: uid('e1', 1), creditNote: uid('e1', 2) };

/**
 * @param {string} id @param {string} name @param {{ customer?: boolean, vendor?: boolean }} roles
 * @param {{ country: string, city: string, line1: string, postal_code: string, line2?: string }} address
 */
function organization(id, name, roles, address) {
  const addressId = id.replace(/^c1/, 'ad');
  return {
    id,
    created_at: T0,
    updated_at: T0,
    type: 'organization',
    organization: { legal_name: name, is_customer: Boolean(roles.customer), is_vendor: Boolean(roles.vendor) },
    default_billing_address_id: addressId,
    addresses: [{ id: addressId, counterpart_id: id, ...address }],
  };
}

/** @param {string} id @param {string} name @param {number} price @param {'product' | 'service'} type */
function product(id, name, price, type) {
  return {
    id,
    created_at: T0,
    updated_at: T0,
    entity_id: DEFAULT_ENTITY_ID,
    name,
    type,
    price: { currency: 'EUR', value: price },
    ledger_account_id: LEDGER.sales,
  };
}

/**
 * @param {string} payableId @param {number} n @param {string} name @param {number} quantity @param {number} unitPrice
 * @param {number} tax basis points @param {string | undefined} ledgerAccountId
 */
function payableLine(payableId, n, name, quantity, unitPrice, tax, ledgerAccountId) {
  const subtotal = Math.round(quantity * unitPrice);
  const taxAmount = Math.round((subtotal * tax) / 10000);
  return {
    id: uid('11', n),
    payable_id: payableId,
    name,
    quantity,
    unit: 'pcs',
    unit_price: unitPrice,
    subtotal,
    tax,
    tax_amount: taxAmount,
    total: subtotal + taxAmount,
    ...(ledgerAccountId ? { ledger_account_id: ledgerAccountId } : {}),
  };
}

/**
 * @param {string} id @param {string} status @param {string} counterpartId @param {string} issuedAt
 * @param {ReturnType<typeof payableLine>[]} lines
 */
function payable(id, status, counterpartId, issuedAt, lines) {
  const subtotal = lines.reduce((sum, line) => sum + line.subtotal, 0);
  const tax = lines.reduce((sum, line) => sum + line.tax_amount, 0);
  return {
    id,
    created_at: T1,
    updated_at: T1,
    entity_id: DEFAULT_ENTITY_ID,
    status,
    counterpart_id: counterpartId,
    currency: 'EUR',
    document_id: `BILL-${id.slice(-3)}`,
    issued_at: issuedAt,
    due_date: '2025-03-05',
    credit_notes: [],
    payable_origin: 'upload',
    source_of_payable_data: 'user_specified',
    subtotal,
    tax_amount: tax,
    total_amount: subtotal + tax,
    amount_due: subtotal + tax,
    amount_paid: 0,
    amount_to_pay: subtotal + tax,
    tags: [],
    line_items: lines,
  };
}

/** One receivable line (`ResponseItem`) for a catalogue product. @param {string} productId @param {string} name @param {number} price @param {number} quantity */
function receivableLine(productId, name, price, quantity) {
  const vat = Math.round((price * 1900) / 10000);
  return {
    quantity,
    total_before_vat: price * quantity,
    total_after_vat: (price + vat) * quantity,
    product: {
      id: productId,
      name,
      type: 'service',
      is_inline: false,
      price: { currency: 'EUR', value: price },
      price_after_vat: { currency: 'EUR', value: price + vat },
      vat_rate: { country: 'DE', value: 1900 },
      accounting_tax_rate_id: TAX.de19,
      ledger_account_id: LEDGER.sales,
    },
  };
}

const ENTITY = { name: 'Simulated Trading GmbH', type: 'organization' };
const ENTITY_ADDRESS = { country: 'DE', city: 'Berlin', line1: 'Friedrichstraße 1', postal_code: '10117' };

/** The connection of `defaultData({ connected: true })`: QuickBooks, connected before every document's date. */
export const DEFAULT_CONNECTION_ID = uid('0c', 1);

/**
 * A small PlanInput: 5 counterparts (one same-name pair told apart by city, one with no accounting twin),
 * 3 products, 3 bills (one pushable-looking, one missing a ledger account, one draft without lines),
 * an invoice and its credit note, 2 payment records, 3 tax rates, 4 ledger accounts, entity settings, and
 * the accounting side's counterparts and products. No connection: the entity starts unconnected.
 * With `connected: true`, a connected QuickBooks connection made on 2025-01-01 (before every document) and a
 * policy that pushes bills `waiting_to_be_paid` and `canceled`: its first sync pushes a bill, the invoice, the
 * credit note and the receivable's payment, fails the bill without a ledger account, creates one counterpart
 * and one product, and links the rest. A fresh copy on every call.
 * @param {{ connected?: boolean }} [options]
 * @returns {any} a PlanInput
 */
export function defaultData(options = {}) {
  const data = baseData();
  if (!options.connected) return data;
  data.monite.connection = {
    id: DEFAULT_CONNECTION_ID,
    created_at: '2025-01-01T00:00:00.000000+00:00',
    updated_at: '2025-01-01T00:05:00.000000+00:00',
    connection_url: `https://connect.accounting.example/${DEFAULT_CONNECTION_ID}`,
    errors: [],
    platform: 'quickbooks',
    status: 'connected',
  };
  data.policy = { pushable_bill_statuses: ['waiting_to_be_paid', 'canceled'] };
  return data;
}

/** @returns {any} */
function baseData() {
  const invoiceLines = [receivableLine(PRODUCT.consulting, 'Consulting hour', 12000, 10)];
  const creditLines = [receivableLine(PRODUCT.consulting, 'Consulting hour', 12000, 2)];
  const total = (/** @type {typeof invoiceLines} */ lines, /** @type {'total_before_vat' | 'total_after_vat'} */ key) =>
    lines.reduce((sum, line) => sum + line[key], 0);
  return {
    monite: {
      counterparts: [
        organization(CP.acme, 'Acme Ltd', { customer: true }, { country: 'DE', city: 'Berlin', line1: 'Hauptstraße 5', postal_code: '10115' }),
        organization(CP.nordHh, 'Nordlicht GmbH', { vendor: true }, { country: 'DE', city: 'Hamburg', line1: 'Hafenweg 12', postal_code: '20457' }),
        organization(CP.nordMuc, 'Nordlicht GmbH', { customer: true }, { country: 'DE', city: 'München', line1: 'Isartorplatz 3', postal_code: '80331' }),
        {
          id: CP.jane,
          created_at: T0,
          updated_at: T0,
          type: 'individual',
          individual: { first_name: 'Jane', last_name: 'Doe', is_customer: true, is_vendor: false },
          addresses: [{ id: uid('ad', 4), counterpart_id: CP.jane, country: 'GB', city: 'London', line1: '221B Baker Street', postal_code: 'NW1 6XE' }],
        },
        organization(CP.harbor, 'Blue Harbor Inc.', { vendor: true }, { country: 'US', city: 'Boston', line1: '1 Harbor Way', postal_code: '02110' }),
      ],
      products: [
        product(PRODUCT.consulting, 'Consulting hour', 12000, 'service'),
        product(PRODUCT.widget, 'Widget', 2500, 'product'),
        product(PRODUCT.support, 'Support plan', 9900, 'service'),
      ],
      payables: [
        payable(PAYABLE.supplies, 'waiting_to_be_paid', CP.nordHh, '2025-02-03', [
          payableLine(PAYABLE.supplies, 1, 'Printer paper', 10, 450, 1900, LEDGER.supplies),
          payableLine(PAYABLE.supplies, 2, 'Coffee', 4, 1299, 700, LEDGER.supplies),
        ]),
        payable(PAYABLE.harbor, 'canceled', CP.harbor, '2025-02-04', [
          payableLine(PAYABLE.harbor, 3, 'Freight', 1, 30000, 0, undefined),
        ]),
        payable(PAYABLE.draft, 'draft', CP.nordHh, '2025-02-05', []),
      ],
      receivables: [
        {
          id: RECEIVABLE.invoice,
          type: 'invoice',
          created_at: T1,
          updated_at: T1,
          status: 'issued',
          document_id: 'INV-0001',
          issue_date: T1,
          currency: 'EUR',
          counterpart_id: CP.acme,
          counterpart_name: 'Acme Ltd',
          counterpart_type: 'organization',
          entity: ENTITY,
          entity_address: ENTITY_ADDRESS,
          file_language: 'en',
          original_file_language: 'en',
          line_items: invoiceLines,
          related_documents: { credit_note_ids: [RECEIVABLE.creditNote] },
          subtotal: total(invoiceLines, 'total_before_vat'),
          total_amount: total(invoiceLines, 'total_after_vat'),
          total_vat_amount: total(invoiceLines, 'total_after_vat') - total(invoiceLines, 'total_before_vat'),
          total_amount_with_credit_notes: total(invoiceLines, 'total_after_vat') - total(creditLines, 'total_after_vat'),
          amount_due: 0,
          amount_paid: total(invoiceLines, 'total_after_vat') - total(creditLines, 'total_after_vat'),
        },
        {
          id: RECEIVABLE.creditNote,
          type: 'credit_note',
          created_at: T1,
          updated_at: T1,
          status: 'issued',
          document_id: 'CN-0001',
          issue_date: T1,
          based_on: RECEIVABLE.invoice,
          based_on_document_id: 'INV-0001',
          currency: 'EUR',
          counterpart_id: CP.acme,
          counterpart_name: 'Acme Ltd',
          counterpart_type: 'organization',
          entity: ENTITY,
          entity_address: ENTITY_ADDRESS,
          file_language: 'en',
          original_file_language: 'en',
          line_items: creditLines,
          subtotal: total(creditLines, 'total_before_vat'),
          total_amount: total(creditLines, 'total_after_vat'),
          total_vat_amount: total(creditLines, 'total_after_vat') - total(creditLines, 'total_before_vat'),
        },
      ],
      payment_records: [
        {
          id: uid('fa', 1),
          amount: total(invoiceLines, 'total_after_vat') - total(creditLines, 'total_after_vat'),
          currency: 'EUR',
          history: [],
          is_external: true,
          object: { id: RECEIVABLE.invoice, type: 'receivable', old_status: 'issued', new_status: 'paid' },
          paid_at: '2025-02-20T12:00:00.000000+00:00',
          payment_method: 'bank_transfer',
          status: 'succeeded',
        },
        {
          id: uid('fa', 2),
          amount: 5000,
          currency: 'EUR',
          history: [],
          is_external: true,
          object: { id: PAYABLE.supplies, type: 'payable', old_status: 'waiting_to_be_paid', new_status: 'partially_paid' },
          paid_at: '2025-02-21T12:00:00.000000+00:00',
          payment_method: 'bank_transfer',
          status: 'succeeded',
        },
      ],
      settings: {
        language: 'en',
        vat_mode: 'exclusive',
        payables_skip_approval_flow: false,
        accounting: {
          ledger_account_ids: { products: LEDGER.sales, payments: LEDGER.bank },
          tax_ids: { deductions: null },
        },
      },
    },
    accounting: {
      counterparts: [
        { id: '101', name: 'Acme Limited', kind: 'customer', address: { country: 'DE', city: 'Berlin', line1: 'Hauptstraße 5', postal_code: '10115' } },
        { id: '102', name: 'Nordlicht GmbH', kind: 'vendor', address: { country: 'DE', city: 'Hamburg', line1: 'Hafenweg 12', postal_code: '20457' } },
        { id: '103', name: 'Nordlicht GmbH', kind: 'customer', address: { country: 'DE', city: 'München', line1: 'Isartorplatz 3', postal_code: '80331' } },
        { id: '104', name: 'Jane Doe', kind: 'customer', address: { country: 'GB', city: 'London', line1: '221B Baker Street', postal_code: 'NW1 6XE' } },
      ],
      products: [
        { id: '201', name: 'Consulting Hour', price: 12000, type: 'service', ledger_account_id: LEDGER.consulting },
        { id: '202', name: 'Widget', price: 2500, type: 'product' },
        { id: '203', name: 'Gadget', price: 4200, type: 'product' },
      ],
      tax_rates: [
        taxRate(TAX.de19, '19% USt.', 'DE19', 1900),
        taxRate(TAX.de7, '7% USt.', 'DE7', 700),
        taxRate(TAX.zero, 'Tax exempt', 'EXEMPT', 0),
      ],
      ledger_accounts: [
        { id: LEDGER.sales, name: 'Sales', nominal_code: '4000', type: 'Income', subtype: 'SalesOfProductIncome', status: 'active', is_bank_account: false, currency: 'EUR' },
        { id: LEDGER.supplies, name: 'Office Supplies', nominal_code: '6815', type: 'Expense', subtype: 'OfficeGeneralAdministrativeExpenses', status: 'active', is_bank_account: false, currency: 'EUR' },
        { id: LEDGER.consulting, name: 'Consulting Income', nominal_code: '4400', type: 'Income', subtype: 'ServiceFeeIncome', status: 'active', is_bank_account: false, currency: 'EUR' },
        { id: LEDGER.bank, name: 'Business Account', nominal_code: '1200', type: 'Bank', subtype: 'Checking', status: 'active', is_bank_account: true, currency: 'EUR' },
      ],
    },
  };
}

/** @param {string} id @param {string} name @param {string} code @param {number} rate */
function taxRate(id, name, code, rate) {
  return {
    id,
    name,
    code,
    effective_tax_rate: rate,
    total_tax_rate: rate,
    status: 'active',
    components: [{ name, rate, is_compound: false }],
  };
}

/**
 * The entity a PlanInput belongs to: the first `entity_id` found on its products or payables.
 * @param {any} data
 * @returns {string | undefined}
 */
export function entityIdOf(data) {
  for (const list of [data?.monite?.products, data?.monite?.payables]) {
    if (!Array.isArray(list)) continue;
    const found = list.find((record) => typeof record?.entity_id === 'string');
    if (found) return found.entity_id;
  }
  return undefined;
}

/** Path of the project's sample generator (`cargo build --release -p ledgerbridge-sample --example generate`), or null if not built. */
export function sampleGenerator() {
  const path = fileURLToPath(new URL('../target/release/examples/generate', import.meta.url));
  return existsSync(path) ? path : null;
}

/**
 * Runs the project's sample generator and returns its PlanInput.
 * @param {{ demo?: boolean, seed?: number, counterparts?: number, secondDay?: boolean }} [options]
 *   `demo` (default) — the small demo sample; `counterparts` — a scaled one; `seed` — the generator's seed;
 *   `secondDay` — the day after its first sync (`monite.synced_records`, the records that sync created, and
 *   one planted case of every re-sync outcome, SPEC §3.0).
 * @returns {any} the parsed PlanInput
 */
export function loadSample(options = {}) {
  const binary = sampleGenerator();
  if (!binary) {
    throw new Error('sample generator not built: run `cargo build --release -p ledgerbridge-sample --example generate` first');
  }
  const args = [];
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  if (options.counterparts !== undefined) args.push('--counterparts', String(options.counterparts));
  else args.push('--demo');
  if (options.secondDay) args.push('--second-day');
  const out = execFileSync(binary, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out);
}
