#!/usr/bin/env node
// The seed inputs of every fuzz target, shared by the native fuzzers and the package's JS fuzz test
// (pkg/test/fuzz.test.mjs imports `seedArguments`). Run as a script, it writes the native seed corpora into
// <out>/<target>/ (default fuzz/corpus/).
//
// Sources: the inputs of the rule tables (tests/cases/*.json), the name-key vectors
// (tests/vectors/name_keys.json), a few small raw bodies written here, shapes that stress the bounds, the
// committed regression inputs (fuzz/regressions/<target>/, native only), and — read by path at run time, never
// copied into the repository — the real QuickBooks and Xero bodies of ../shared/fixtures/
// (LEDGERBRIDGE_FIXTURES overrides; skipped with a note when absent).
//
// Native files: multi-argument targets take their arguments as JSON texts separated by NUL bytes
// (fuzz/src/lib.rs `split`), `name_key` the raw text; files are named by the SHA-1 of their content, as
// libFuzzer names its own, so re-running adds nothing twice. Long record lists are cut into chunks of a few
// records, so every real record is in some small seed (small inputs mutate faster) and libFuzzer's default
// -max_len (the largest seed) stays a few kilobytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const FUZZ = dirname(fileURLToPath(import.meta.url));
const ROOT = join(FUZZ, '..');
export const FIXTURES = process.env.LEDGERBRIDGE_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures');
export const TARGETS = [
  'plan_sync',
  'validate_bill',
  'credit_note',
  'match_counterparts',
  'match_products',
  'name_key',
  'quickbooks',
  'xero',
];
const CHUNK = 4;

function chunks(list, size = CHUNK) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** The arguments one rule-table plan input gives every target. */
function fromPlanInput(input, add) {
  const m = input?.monite ?? {};
  const a = input?.accounting ?? {};
  add('plan_sync', input);
  const context = {
    ledger_accounts: a.ledger_accounts,
    tax_rates: a.tax_rates,
    settings: m.settings,
    policy: input?.policy,
    connection: m.connection,
    counterparts: Object.fromEntries((m.counterparts ?? []).map((c, i) => [c.id, ['matched', 'create', 'blocked'][i % 3]])),
  };
  const payables = m.payables ?? [];
  payables.forEach((bill, i) => {
    add('validate_bill', bill, context, payables[(i + 1) % payables.length]);
    add('validate_bill', bill, undefined);
  });
  for (const r of m.receivables ?? []) add('credit_note', r, context);
  if (m.counterparts || a.counterparts) add('match_counterparts', m.counterparts ?? [], a.counterparts ?? []);
  if (m.products || a.products) add('match_products', m.products ?? [], a.products ?? [], m.settings);
  for (const c of m.counterparts ?? []) add('name_key', c.organization?.legal_name ?? `${c.individual?.first_name} ${c.individual?.last_name}`);
  for (const c of a.counterparts ?? []) add('name_key', c.name ?? '');
}

function fixture(relative) {
  const path = join(FIXTURES, relative);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

/** The records of a body (`{QueryResponse:{X:[…]}}`, `{X:[…]}`) and a function that rebuilds a body of some. */
function records(body, entity) {
  if (!body) return [[], () => undefined];
  if (body.QueryResponse) return [body.QueryResponse[entity] ?? [], (list) => ({ QueryResponse: { [entity]: list } })];
  return [body[entity] ?? [], (list) => ({ [entity]: list })];
}

/**
 * Every seed, as the arguments of its target: `{ target, args, source }` with JS values (`name_key`: the text;
 * an `undefined` argument is an absent one). `fixtures` says whether the shared fixtures were found.
 */
export function seedArguments() {
  const out = [];
  let source = '';
  const add = (target, ...args) => out.push({ target, args, source });

  source = 'rule tables';
  for (const file of readdirSync(join(ROOT, 'tests', 'cases')).filter((f) => f.endsWith('.json')).sort()) {
    for (const c of JSON.parse(readFileSync(join(ROOT, 'tests', 'cases', file), 'utf8'))) {
      if (typeof c.input_text === 'string') out.push({ target: 'plan_sync', args: [], text: c.input_text, source });
      if (c.input !== undefined) fromPlanInput(c.input, add);
    }
  }

  source = 'name-key vectors';
  const vectors = JSON.parse(readFileSync(join(ROOT, 'tests', 'vectors', 'name_keys.json'), 'utf8'));
  for (const v of vectors.keys ?? []) add('name_key', v.input);

  source = 'small raw bodies';
  add('quickbooks', {
    customers: { QueryResponse: { Customer: [{ Id: '1', DisplayName: "Bill's Windsurf Shop", Active: true, BillAddr: { Line1: '12 Ocean Dr.', City: 'Half Moon Bay', Country: 'USA', PostalCode: '94213' } }] } },
    vendors: [{ Id: '2', DisplayName: 'PG&E', Active: false }],
    items: { Item: [{ Id: '3', Name: 'Design', Type: 'Service', UnitPrice: 75, IncomeAccountRef: { value: '82' } }, { Id: '4', Name: 'Hardware', Type: 'Category' }] },
    accounts: { QueryResponse: { Account: [{ Id: '82', Name: 'Design income', AccountType: 'Income', AcctNum: '4000' }] } },
    tax_rates: { QueryResponse: { TaxRate: [{ Id: '5', Name: 'CA 8.25%', RateValue: 8.25, Active: true }] } },
    currency: 'USD',
  });
  add('xero', {
    contacts: { Contacts: [{ ContactID: 'c1', Name: 'Bayside Club', ContactStatus: 'ACTIVE', IsSupplier: true, IsCustomer: true, Addresses: [{ AddressType: 'POBOX', AddressLine1: 'P O Box 3354', City: 'Ridge Heights', PostalCode: '21001', Country: 'US' }] }] },
    items: { Items: [{ ItemID: 'i1', Name: 'Test Item', IsTrackedAsInventory: true, SalesDetails: { UnitPrice: 12.5, AccountCode: '200' } }] },
    accounts: { Accounts: [{ AccountID: 'a1', Name: 'Sales', Code: '200', Status: 'ACTIVE', Type: 'REVENUE' }] },
    tax_rates: { TaxRates: [{ Name: '15% GST on Expenses', TaxType: 'INPUT2', ReportTaxType: 'INPUT', EffectiveRate: 15, Status: 'ACTIVE', CanApplyToExpenses: true, CanApplyToRevenue: false }] },
    currency: 'NZD',
  });

  source = 'fixtures';
  const qbo = {
    customers: records(fixture('qbo-sandbox-nango/customers.json'), 'Customer'),
    vendors: records(fixture('qbo-sandbox-nango/vendors.json'), 'Vendor'),
    items: records(fixture('qbo-sandbox-nango/items.json'), 'Item'),
    accounts: records(fixture('qbo-sandbox-nango/accounts.json'), 'Account'),
  };
  const xero = {
    contacts: records(fixture('xero-demo-nango/contacts.json') ?? fixture('xero-openapi-examples/contacts_get_200.json'), 'Contacts'),
    items: records(fixture('xero-demo-nango/items.json'), 'Items'),
    accounts: records(fixture('xero-demo-nango/accounts.json'), 'Accounts'),
    tax_rates: records(fixture('xero-openapi-examples/taxrates_get_200.json'), 'TaxRates'),
  };
  for (const [target, root, bodies] of [
    ['quickbooks', 'quickbooks_online', qbo],
    ['xero', 'xero', xero],
  ]) {
    for (const [field, [list, rebuild]] of Object.entries(bodies)) {
      for (const part of chunks(list)) {
        const raw = { [field]: rebuild(part), currency: 'USD' };
        add(target, raw);
        add('plan_sync', { accounting: { [root]: raw } });
      }
    }
    // A bit of everything in one body.
    const mixed = Object.entries(bodies).filter(([, [list]]) => list.length).map(([field, [list, rebuild]]) => [field, rebuild(list.slice(0, 3))]);
    if (mixed.length) add(target, { ...Object.fromEntries(mixed), currency: 'USD' });
  }
  // Neutral records made from the real names and addresses, for the matching targets and the keys.
  const names = [
    ...qbo.customers[0].map((c) => ({ id: `qc${c.Id}`, name: c.DisplayName, kind: 'customer', address: c.BillAddr && { country: c.BillAddr.Country, city: c.BillAddr.City, line1: c.BillAddr.Line1, postal_code: c.BillAddr.PostalCode } })),
    ...qbo.vendors[0].map((v) => ({ id: `qv${v.Id}`, name: v.DisplayName, kind: 'vendor' })),
    ...xero.contacts[0].map((c) => ({ id: `x${c.ContactID}`, name: c.Name, kind: c.IsSupplier ? 'vendor' : 'customer' })),
  ].filter((r) => typeof r.name === 'string');
  for (const part of chunks(names, 6)) {
    const monite = part.map((r, i) => ({ id: `m${i}`, type: 'organization', organization: { legal_name: i % 2 ? r.name.toUpperCase() : r.name }, addresses: r.address ? [{ id: `ad${i}`, ...r.address }] : [] }));
    add('match_counterparts', monite, part);
  }
  const products = [...qbo.items[0].map((i) => ({ id: `qi${i.Id}`, name: i.Name, price: i.UnitPrice })), ...xero.items[0].map((i) => ({ id: `xi${i.ItemID}`, name: i.Name }))].filter((p) => typeof p.name === 'string');
  for (const part of chunks(products, 6)) {
    add('match_products', part.slice(0, 3).map((p, i) => ({ id: `mp${i}`, name: p.name })), part, { accounting: { ledger_account_ids: { products: 'la1' } } });
  }
  for (const r of [...names, ...products]) add('name_key', r.name);
  const fixtures = names.length + products.length > 0;

  // Not reproducers: starting points near the sizes where work or output could outgrow the input (many
  // records sharing a name, long similar names, many lines, text that NFKC expands), for mutations to push.
  source = 'stress shapes';
  const same = (n, prefix, name) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name }));
  const orgs = (n, name) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, organization: { legal_name: name }, addresses: [{ country: ['DE', 'FR'][i % 2], city: 'Berlin' }] }));
  const acc = same(48, 'a', 'Acme').map((r, i) => ({ ...r, kind: 'vendor', address: { country: ['DE', 'FR', ''][i % 3], city: 'Berlin' } }));
  add('match_counterparts', orgs(48, 'ACME'), acc);
  add('plan_sync', { monite: { counterparts: orgs(48, 'Acme Ltd') }, accounting: { counterparts: same(48, 'a', 'Acme Limited') } });
  add('match_products', same(40, 'm', 'Widget'), same(40, 'a', 'widget'), undefined);
  add('plan_sync', { monite: { products: same(40, 'm', 'Widget') }, accounting: { products: same(40, 'a', 'WIDGET') } });
  const long = 'ab'.repeat(700);
  const near = [long, `${long}c`, `c${long}`, long.replace('ab', 'ba'), `${long.slice(0, 700)} ${long.slice(700)}`];
  add('match_counterparts', [{ id: 'm', organization: { legal_name: long.replace('ab', 'bb') } }], near.map((name, i) => ({ id: `a${i}`, name })));
  add('name_key', long);
  const empty = Array.from({ length: 64 }, () => ({}));
  add('validate_bill', { id: 'b', status: 'issued', line_items: empty }, { tax_rates: [{ id: 't', effective_tax_rate: 0 }] });
  add('plan_sync', { monite: { receivables: [{ id: 'r', type: 'invoice', status: 'issued', line_items: empty.map(() => ({ product: {} })) }] } });
  add('credit_note', { id: 'c', type: 'credit_note', status: 'issued', line_items: empty.map(() => ({ product: {} })) }, undefined);
  add('name_key', '\u{FDFA}'.repeat(400));
  add('name_key', 'ǅ\u{0390}\u{FB03}ß\u{2033}\u{00AD}\u{200B} Ltd.'.repeat(40));

  return { seeds: out, fixtures };
}

/** One seed as the bytes of a native fuzz input. */
function bytesOf({ target, args, text }) {
  if (text !== undefined) return Buffer.from(text, 'utf8');
  if (target === 'name_key') return Buffer.from(args[0], 'utf8');
  const parts = args.map((a) => Buffer.from(a === undefined ? '' : JSON.stringify(a), 'utf8'));
  return Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from([0]), p] : [p])));
}

function main() {
  const outDir = process.argv[2] ?? join(FUZZ, 'corpus');
  const { seeds, fixtures } = seedArguments();
  if (!fixtures) console.error(`seeds: fixtures not found at ${FIXTURES}; the adapters get the small bodies only`);
  const files = new Map(TARGETS.map((t) => [t, new Map()]));
  const put = (target, bytes) => files.get(target).set(createHash('sha1').update(bytes).digest('hex'), bytes);
  for (const s of seeds) put(s.target, bytesOf(s));
  for (const target of TARGETS) {
    const dir = join(FUZZ, 'regressions', target);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) put(target, readFileSync(join(dir, file)));
  }
  for (const [target, byName] of files) {
    mkdirSync(join(outDir, target), { recursive: true });
    for (const [name, bytes] of byName) writeFileSync(join(outDir, target, name), bytes);
    const largest = Math.max(0, ...[...byName.values()].map((b) => b.length));
    console.log(`seeds: ${target}: ${byName.size} inputs (largest ${largest} bytes)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
