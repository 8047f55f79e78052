#!/usr/bin/env node
// Writes the seed corpus of every fuzz target into <out>/<target>/ (default fuzz/corpus/): the inputs of the
// rule tables (tests/cases/*.json), the name-key vectors (tests/vectors/name_keys.json), the committed
// regression inputs (fuzz/regressions/<target>/), and — read by path at run time, never copied into the
// repository — the real QuickBooks and Xero bodies of ../shared/fixtures/ (LEDGERBRIDGE_FIXTURES overrides;
// skipped with a note when absent). Files are named by the SHA-1 of their content, as libFuzzer names its own,
// so re-running adds nothing twice and the fuzzers' own finds sit beside the seeds.
//
// Multi-argument targets take their arguments separated by NUL bytes (fuzz/src/lib.rs `split`). Long record
// lists are cut into chunks of a few records, so every real record is in some small seed (small inputs
// mutate faster) and libFuzzer's default -max_len (the largest seed) stays a few kilobytes.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FUZZ = dirname(fileURLToPath(import.meta.url));
const ROOT = join(FUZZ, '..');
const OUT = process.argv[2] ?? join(FUZZ, 'corpus');
const FIXTURES = process.env.LEDGERBRIDGE_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures');
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

const seeds = new Map(TARGETS.map((t) => [t, new Map()]));
function seed(target, ...parts) {
  const bytes = Buffer.concat(parts.map((p, i) => Buffer.concat([i ? Buffer.from([0]) : Buffer.alloc(0), Buffer.from(p, 'utf8')])));
  seeds.get(target).set(createHash('sha1').update(bytes).digest('hex'), bytes);
}
const json = (v) => (v === undefined ? '' : JSON.stringify(v));
function chunks(list, size = CHUNK) {
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length ? out : [[]];
}

// --- the rule tables -------------------------------------------------------------------------------------
function fromPlanInput(input) {
  const m = input?.monite ?? {};
  const a = input?.accounting ?? {};
  seed('plan_sync', json(input));
  const context = {
    ledger_accounts: a.ledger_accounts,
    tax_rates: a.tax_rates,
    settings: m.settings,
    policy: input?.policy,
    connection: m.connection,
    counterparts: Object.fromEntries((m.counterparts ?? []).map((c, i) => [c.id, ['matched', 'create', 'blocked'][i % 3]])),
  };
  const payables = m.payables ?? [];
  for (let i = 0; i < payables.length; i++) {
    seed('validate_bill', json(payables[i]), json(context), json(payables[(i + 1) % payables.length]));
    seed('validate_bill', json(payables[i]), '');
  }
  for (const r of m.receivables ?? []) seed('credit_note', json(r), json(context));
  if (m.counterparts || a.counterparts) seed('match_counterparts', json(m.counterparts ?? []), json(a.counterparts ?? []));
  if (m.products || a.products) seed('match_products', json(m.products ?? []), json(a.products ?? []), json(m.settings));
  for (const c of m.counterparts ?? []) seed('name_key', c.organization?.legal_name ?? `${c.individual?.first_name} ${c.individual?.last_name}`);
  for (const c of a.counterparts ?? []) seed('name_key', c.name ?? '');
}

for (const file of readdirSync(join(ROOT, 'tests', 'cases')).filter((f) => f.endsWith('.json')).sort()) {
  for (const c of JSON.parse(readFileSync(join(ROOT, 'tests', 'cases', file), 'utf8'))) {
    if (typeof c.input_text === 'string') seed('plan_sync', c.input_text);
    if (c.input !== undefined) fromPlanInput(c.input);
  }
}

// --- the name-key vectors --------------------------------------------------------------------------------
const vectors = JSON.parse(readFileSync(join(ROOT, 'tests', 'vectors', 'name_keys.json'), 'utf8'));
for (const v of vectors.keys ?? []) seed('name_key', v.input);

// --- small raw bodies, so the adapters have seeds without the fixtures -----------------------------------
seed('quickbooks', json({
  customers: { QueryResponse: { Customer: [{ Id: '1', DisplayName: "Bill's Windsurf Shop", Active: true, BillAddr: { Line1: '12 Ocean Dr.', City: 'Half Moon Bay', Country: 'USA', PostalCode: '94213' } }] } },
  vendors: [{ Id: '2', DisplayName: 'PG&E', Active: false }],
  items: { Item: [{ Id: '3', Name: 'Design', Type: 'Service', UnitPrice: 75, IncomeAccountRef: { value: '82' } }, { Id: '4', Name: 'Hardware', Type: 'Category' }] },
  accounts: { QueryResponse: { Account: [{ Id: '82', Name: 'Design income', AccountType: 'Income', AcctNum: '4000' }] } },
  tax_rates: { QueryResponse: { TaxRate: [{ Id: '5', Name: 'CA 8.25%', RateValue: 8.25, Active: true }] } },
  currency: 'USD',
}));
seed('xero', json({
  contacts: { Contacts: [{ ContactID: 'c1', Name: 'Bayside Club', ContactStatus: 'ACTIVE', IsSupplier: true, IsCustomer: true, Addresses: [{ AddressType: 'POBOX', AddressLine1: 'P O Box 3354', City: 'Ridge Heights', PostalCode: '21001', Country: 'US' }] }] },
  items: { Items: [{ ItemID: 'i1', Name: 'Test Item', IsTrackedAsInventory: true, SalesDetails: { UnitPrice: 12.5, AccountCode: '200' } }] },
  accounts: { Accounts: [{ AccountID: 'a1', Name: 'Sales', Code: '200', Status: 'ACTIVE', Type: 'REVENUE' }] },
  tax_rates: { TaxRates: [{ Name: '15% GST on Expenses', TaxType: 'INPUT2', ReportTaxType: 'INPUT', EffectiveRate: 15, Status: 'ACTIVE', CanApplyToExpenses: true, CanApplyToRevenue: false }] },
  currency: 'NZD',
}));

// --- the real bodies, by path ----------------------------------------------------------------------------
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
const haveFixtures = Object.values(qbo).some(([list]) => list.length) || Object.values(xero).some(([list]) => list.length);
if (!haveFixtures) console.error(`seeds: fixtures not found at ${FIXTURES}; the adapters get the small bodies only`);

for (const [target, root, bodies, currency] of [
  ['quickbooks', 'quickbooks_online', qbo, 'USD'],
  ['xero', 'xero', xero, 'USD'],
]) {
  for (const [field, [list, rebuild]] of Object.entries(bodies)) {
    for (const part of chunks(list)) {
      if (!part.length) continue;
      const raw = { [field]: rebuild(part), currency };
      seed(target, json(raw));
      seed('plan_sync', json({ accounting: { [root]: raw } }));
    }
  }
  // A bit of everything in one body, and the same records under a Monite plan.
  const mixed = Object.fromEntries(Object.entries(bodies).map(([field, [list, rebuild]]) => [field, rebuild(list.slice(0, 3))]).filter(([, b]) => b));
  seed(target, json({ ...mixed, currency }));
}

// Neutral records made from the real names and addresses, for the matching targets and the keys.
const names = [
  ...qbo.customers[0].map((c) => ({ id: `qc${c.Id}`, name: c.DisplayName, kind: 'customer', address: c.BillAddr && { country: c.BillAddr.Country, city: c.BillAddr.City, line1: c.BillAddr.Line1, postal_code: c.BillAddr.PostalCode } })),
  ...qbo.vendors[0].map((v) => ({ id: `qv${v.Id}`, name: v.DisplayName, kind: 'vendor' })),
  ...xero.contacts[0].map((c) => ({ id: `x${c.ContactID}`, name: c.Name, kind: c.IsSupplier ? 'vendor' : 'customer' })),
].filter((r) => typeof r.name === 'string');
for (const part of chunks(names, 6)) {
  const monite = part.map((r, i) => ({ id: `m${i}`, type: 'organization', organization: { legal_name: i % 2 ? r.name.toUpperCase() : r.name }, addresses: r.address ? [{ id: `ad${i}`, ...r.address }] : [] }));
  seed('match_counterparts', json(monite), json(part));
}
const products = [...qbo.items[0].map((i) => ({ id: `qi${i.Id}`, name: i.Name, price: i.UnitPrice })), ...xero.items[0].map((i) => ({ id: `xi${i.ItemID}`, name: i.Name }))].filter((p) => typeof p.name === 'string');
for (const part of chunks(products, 6)) {
  seed('match_products', json(part.slice(0, 3).map((p, i) => ({ id: `mp${i}`, name: p.name }))), json(part), json({ accounting: { ledger_account_ids: { products: 'la1' } } }));
}
for (const r of [...names, ...products]) seed('name_key', r.name);

// --- shapes that stress the bounds -----------------------------------------------------------------------
// Not reproducers: starting points near the sizes where work or output could outgrow the input (many records
// sharing a name, long similar names, many lines, text that NFKC expands), for the mutations to push further.
{
  const same = (n, prefix, name) => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, name }));
  const orgs = (n, name) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, organization: { legal_name: name }, addresses: [{ country: ['DE', 'FR'][i % 2], city: 'Berlin' }] }));
  const acc = same(48, 'a', 'Acme').map((r, i) => ({ ...r, kind: 'vendor', address: { country: ['DE', 'FR', ''][i % 3], city: 'Berlin' } }));
  seed('match_counterparts', json(orgs(48, 'ACME')), json(acc));
  seed('plan_sync', json({ monite: { counterparts: orgs(48, 'Acme Ltd') }, accounting: { counterparts: same(48, 'a', 'Acme Limited') } }));
  seed('match_products', json(same(40, 'm', 'Widget')), json(same(40, 'a', 'widget')), '');
  seed('plan_sync', json({ monite: { products: same(40, 'm', 'Widget') }, accounting: { products: same(40, 'a', 'WIDGET') } }));
  const long = 'ab'.repeat(700);
  const near = [long, `${long}c`, `c${long}`, long.replace('ab', 'ba'), `${long.slice(0, 700)} ${long.slice(700)}`];
  seed('match_counterparts', json([{ id: 'm', organization: { legal_name: long.replace('ab', 'bb') } }]), json(near.map((name, i) => ({ id: `a${i}`, name }))));
  seed('name_key', long);
  const empty = Array.from({ length: 64 }, () => ({}));
  seed('validate_bill', json({ id: 'b', status: 'issued', line_items: empty }), json({ tax_rates: [{ id: 't', effective_tax_rate: 0 }] }));
  seed('plan_sync', json({ monite: { receivables: [{ id: 'r', type: 'invoice', status: 'issued', line_items: empty.map(() => ({ product: {} })) }] } }));
  seed('credit_note', json({ id: 'c', type: 'credit_note', status: 'issued', line_items: empty.map(() => ({ product: {} })) }), '');
  seed('name_key', '\u{FDFA}'.repeat(400));
  seed('name_key', 'ǅ\u{0390}\u{FB03}ß\u{2033}\u{00AD}\u{200B} Ltd.'.repeat(40));
}

// --- the committed regression inputs ---------------------------------------------------------------------
for (const target of TARGETS) {
  const dir = join(FUZZ, 'regressions', target);
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir).sort()) {
    const bytes = readFileSync(join(dir, file));
    seeds.get(target).set(createHash('sha1').update(bytes).digest('hex'), bytes);
  }
}

for (const [target, files] of seeds) {
  mkdirSync(join(OUT, target), { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(OUT, target, name), bytes);
  const largest = Math.max(0, ...[...files.values()].map((b) => b.length));
  console.log(`seeds: ${target}: ${files.size} inputs (largest ${largest} bytes)`);
}
