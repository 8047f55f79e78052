// The built package, imported by name through its `exports` (node_modules/ledgerbridge → pkg/).
// SPEC §8: planSync contract; §2 name keys; §3 matching; §4 push rules; error classes.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import * as lb from 'ledgerbridge';
import {
  EngineError,
  fromQuickBooks,
  fromXero,
  init,
  InputError,
  isInitialized,
  LedgerbridgeError,
  matchCounterparts,
  matchProducts,
  nameKey,
  planSync,
  planSyncJson,
  shapeCreditNote,
  validateBill,
  version,
} from 'ledgerbridge';

import {
  allKeys,
  bill,
  billContext,
  byteCompare,
  countRows,
  creditNote,
  demoInput,
  noFixtures,
  noGenerator,
  PKG,
  quickBooksRaw,
  reversedCollections,
  scaledInput,
  shuffledCollections,
  smallInput,
  xeroRaw,
} from './helpers.mjs';

const require = createRequire(import.meta.url);

/** Error codes of SPEC §8 (plus none other may appear in `errors` / reasons). */
const CONTRACT_CODES = new Set([
  'no_candidate_with_this_name',
  'no_candidate_agrees_on_country',
  'no_candidate_agrees_on_city',
  'no_candidate_agrees_on_address',
  'ambiguous',
  'duplicate_match',
  'multiple_matches',
  'tax_rate_not_found',
  'tax_rate_ambiguous',
  'ledger_account_missing',
  'ledger_account_unknown',
  'line_items_missing',
  'status_not_pushable',
  'predates_connection',
  'counterpart_not_matched',
  'payments_ledger_account_missing',
  'not_a_receivable_payment',
  'name_collision',
  'deductions_tax_missing',
]);

const PUSH_SECTIONS = ['bills', 'invoices', 'credit_notes', 'payment_records'];

/** Runs `fn`, asserts it throws, returns the error. */
function thrown(fn, what = String(fn)) {
  let result;
  try {
    result = fn();
  } catch (error) {
    return error;
  }
  assert.fail(`expected a throw from ${what}; it returned ${JSON.stringify(result)?.slice(0, 120)}`);
}

function assertStrictlyAscending(ids, what) {
  for (let i = 1; i < ids.length; i++) {
    assert.ok(byteCompare(ids[i - 1], ids[i]) < 0, `${what} not sorted by id at ${i}: ${ids[i - 1]} then ${ids[i]}`);
  }
}

// -----------------------------------------------------------------------------------------------------------
describe('planSync on the demo sample', { skip: noGenerator }, () => {
  test('summary counts equal the number of rows per status, and every status occurs', () => {
    const plan = planSync(demoInput());
    assert.deepEqual(plan.summary, countRows(plan));
    const c = plan.summary.pull.counterparts;
    // The demo is meant to show every outcome; an empty bucket would make the check above vacuous.
    assert.ok(c.matched > 0 && c.unmatched > 0 && c.ambiguous > 0 && c.duplicate_match > 0, JSON.stringify(c));
    assert.ok(plan.summary.push.bills.eligible > 0 && plan.summary.push.bills.not_eligible > 0);
    assert.ok(plan.summary.pull.products.create > 0 && plan.summary.pull.products.multiple_matches > 0);
    assert.equal(plan.summary.pull.counterparts.total, demoInput().monite.counterparts.length);
    assert.equal(plan.summary.push.bills.total, demoInput().monite.payables.length);
  });

  test('results are sorted by id', () => {
    const plan = planSync(demoInput());
    assertStrictlyAscending(plan.pull.counterparts.map((r) => r.monite_id), 'pull.counterparts');
    assertStrictlyAscending(plan.push.counterparts.map((r) => r.monite_id), 'push.counterparts');
    for (const section of PUSH_SECTIONS) {
      assertStrictlyAscending(plan.push[section].map((r) => r.monite_id), `push.${section}`);
    }
    assertStrictlyAscending(plan.pull.tax_rates.map((r) => r.accounting_id), 'pull.tax_rates');
    assertStrictlyAscending(plan.pull.ledger_accounts.map((r) => r.accounting_id), 'pull.ledger_accounts');
    // Products: by Monite id, then accounting id; rows without a Monite id last.
    const key = (r) => [r.monite_id === null ? 1 : 0, r.monite_id ?? '', r.accounting_id ?? ''];
    for (let i = 1; i < plan.pull.products.length; i++) {
      const [a, b] = [key(plan.pull.products[i - 1]), key(plan.pull.products[i])];
      const order = a[0] - b[0] || byteCompare(a[1], b[1]) || byteCompare(a[2], b[2]);
      assert.ok(order < 0, `pull.products not sorted at ${i}: ${JSON.stringify(a)} then ${JSON.stringify(b)}`);
    }
    for (let i = 1; i < plan.errors.length; i++) {
      const [a, b] = [plan.errors[i - 1], plan.errors[i]];
      const order = byteCompare(a.object_type, b.object_type) || byteCompare(a.object_id, b.object_id) || byteCompare(a.code, b.code);
      assert.ok(order <= 0, `errors not sorted at ${i}`);
    }
  });

  test('planSync(obj) deep-equals JSON.parse(planSyncJson(JSON.stringify(obj)))', () => {
    const input = demoInput();
    const text = planSyncJson(JSON.stringify(input));
    assert.equal(typeof text, 'string');
    assert.deepEqual(planSync(input), JSON.parse(text));
  });

  test('rows keep the contract: non-matches carry no accounting id, eligibility follows errors, codes are the published ones', () => {
    const plan = planSync(demoInput());
    for (const r of plan.pull.counterparts) {
      if (r.status === 'matched') {
        assert.equal(typeof r.accounting_id, 'string');
        assert.ok(['name', 'country', 'city', 'address'].includes(r.decided_by), r.monite_id);
        assert.ok(r.candidates.includes(r.accounting_id));
        assert.equal(r.reason, null);
      } else {
        assert.equal(r.accounting_id, null, r.monite_id);
        assert.equal(r.decided_by, null, r.monite_id);
        assert.ok(CONTRACT_CODES.has(r.reason), `reason ${r.reason}`);
      }
      for (const s of r.suggestions) assert.ok(s.score >= 0.9 && s.score <= 1, JSON.stringify(s));
      assert.ok(r.suggestions.length <= 3);
    }
    for (const section of PUSH_SECTIONS) {
      for (const r of plan.push[section]) {
        assert.equal(r.eligible, r.errors.length === 0, `${section} ${r.monite_id}`);
        assert.equal(r.payload !== undefined, r.eligible, `${section} ${r.monite_id}: payload only when eligible`);
        for (const issue of r.errors) {
          assert.ok(CONTRACT_CODES.has(issue.code), `code ${issue.code}`);
          assert.equal(typeof issue.path, 'string');
          assert.ok(issue.message.length > 0);
        }
      }
    }
    for (const r of plan.push.counterparts) {
      assert.equal(r.action === 'blocked', r.errors.length > 0, r.monite_id);
      assert.equal(r.payload !== undefined, r.action === 'create', r.monite_id);
    }
    for (const e of plan.errors) assert.ok(CONTRACT_CODES.has(e.code), `errors[] code ${e.code}`);
  });

  test('push results carry every field their published type requires (PushResult.warnings: Issue[])', () => {
    // esm/node.d.ts → glue/web/ledgerbridge.d.ts declares `warnings: Issue[]` (not optional) on PushResult.
    const plan = planSync(demoInput());
    const missing = PUSH_SECTIONS.flatMap((s) => plan.push[s].filter((r) => !Array.isArray(r.warnings)).map((r) => `${s}/${r.monite_id}`));
    assert.deepEqual(missing.slice(0, 3), [], `${missing.length} push rows lack "warnings" (first 3 shown)`);
  });
});

// -----------------------------------------------------------------------------------------------------------
describe('determinism', () => {
  test('demo input with every collection reversed gives the same plan, byte for byte', { skip: noGenerator }, () => {
    const input = demoInput();
    const reversed = reversedCollections(input);
    assert.notDeepEqual(reversed.monite.counterparts, input.monite.counterparts);
    assert.deepEqual(planSync(reversed), planSync(input));
    assert.equal(planSyncJson(JSON.stringify(reversed)), planSyncJson(JSON.stringify(input)));
  });

  test('a scaled sample (400 counterparts per side), shuffled, gives the same plan byte for byte', { skip: noGenerator }, () => {
    const input = scaledInput(7, 400);
    const expected = planSyncJson(JSON.stringify(input));
    assert.equal(planSyncJson(JSON.stringify(shuffledCollections(input, 1))), expected);
    assert.equal(planSyncJson(JSON.stringify(reversedCollections(input))), expected);
    const plan = JSON.parse(expected);
    assert.equal(plan.summary.pull.counterparts.total, 400);
    assert.deepEqual(plan.summary, countRows(plan));
  });

  test('the small hand-written input: reversed gives the same plan; repeated calls agree', () => {
    const input = smallInput();
    const plan = planSync(input);
    assert.deepEqual(planSync(reversedCollections(input)), plan);
    assert.deepEqual(planSync(input), plan);
    assert.deepEqual(input, smallInput(), 'planSync must not mutate its input');
    // And the plan says what the input means.
    assert.deepEqual(
      plan.pull.counterparts.map((r) => [r.monite_id, r.status, r.accounting_id, r.decided_by]),
      [
        ['cp-1', 'matched', 'qb-1', 'name'],
        ['cp-2', 'unmatched', null, null],
        ['cp-3', 'matched', 'qb-3', 'country'],
      ],
    );
    assert.deepEqual(plan.push.counterparts.map((r) => r.action), ['none', 'create', 'none']);
    assert.deepEqual(plan.summary, countRows(plan));
  });
});

// -----------------------------------------------------------------------------------------------------------
describe('validateBill', () => {
  test('a valid 20-line bill is eligible, with its payload', () => {
    const input = bill(20);
    const result = validateBill(input, billContext());
    assert.equal(result.monite_id, 'bill-1');
    assert.equal(result.eligible, true);
    assert.deepEqual(result.errors, []);
    assert.ok(result.payload, 'eligible bill has a payload');
    assert.equal(result.payload.invoice_number, 'RE-2024-1');
    assert.equal(result.payload.currency, 'EUR');
    assert.equal(result.payload.lines.length, 20);
    result.payload.lines.forEach((line, i) => {
      assert.equal(line.description, `Line ${i}`);
      assert.equal(line.quantity, i + 1);
      assert.equal(line.ledger_account_id, 'la-expenses');
      assert.deepEqual(line.tax_rate_ref, { id: 'tr-20' });
    });
    assert.deepEqual(input, bill(20), 'validateBill must not mutate the bill');
  });

  test('a missing ledger account on line 0 is one issue at its path, and clears after the fix', () => {
    const broken = bill(20);
    delete broken.line_items[0].ledger_account_id;
    const result = validateBill(broken, billContext());
    assert.equal(result.eligible, false);
    assert.equal(result.payload, undefined);
    assert.equal(result.errors.length, 1);
    assert.equal(result.errors[0].code, 'ledger_account_missing');
    assert.equal(result.errors[0].path, 'line_items[0].ledger_account_id');
    assert.ok(result.errors[0].message.length > 0);

    broken.line_items[0].ledger_account_id = 'la-expenses';
    const fixed = validateBill(broken, billContext());
    assert.equal(fixed.eligible, true);
    assert.deepEqual(fixed.errors, []);
  });

  test('every reason is listed: a non-pushable status still reports each offending line', () => {
    const b = bill(4);
    b.status = 'draft';
    delete b.line_items[1].ledger_account_id;
    b.line_items[3].ledger_account_id = 'la-old'; // archived
    const result = validateBill(b, billContext());
    assert.equal(result.eligible, false);
    const got = result.errors.map((e) => [e.code, e.path]).sort();
    assert.deepEqual(got, [
      ['ledger_account_missing', 'line_items[1].ledger_account_id'],
      ['ledger_account_unknown', 'line_items[3].ledger_account_id'],
      ['status_not_pushable', 'status'],
    ]);
  });

  test('no line items, a bill issued before the connection, and a blocked counterpart', () => {
    const empty = { ...bill(0), line_items: [] };
    assert.deepEqual(validateBill(empty, billContext()).errors.map((e) => e.code), ['line_items_missing']);

    const old = { ...bill(2), issued_at: '2023-12-31' };
    assert.deepEqual(validateBill(old, billContext()).errors.map((e) => e.code), ['predates_connection']);

    const blocked = validateBill(bill(2), { ...billContext(), counterparts: { 'cp-1': 'blocked' } });
    assert.deepEqual(blocked.errors.map((e) => [e.code, e.path]), [['counterpart_not_matched', 'counterpart_id']]);
    assert.equal(validateBill(bill(2), { ...billContext(), counterparts: { 'cp-1': 'create' } }).eligible, true);
  });

  test('tax rates: an unknown explicit reference and an unmapped rate are tax_rate_not_found', () => {
    const b = bill(2);
    b.line_items[0].accounting_tax_rate_id = 'tr-nope';
    b.line_items[1].tax = 1600;
    const got = validateBill(b, billContext()).errors.map((e) => [e.code, e.path.split('.')[0]]);
    assert.deepEqual(got, [
      ['tax_rate_not_found', 'line_items[0]'],
      ['tax_rate_not_found', 'line_items[1]'],
    ]);
  });
});

// -----------------------------------------------------------------------------------------------------------
describe('shapeCreditNote', () => {
  test('no document number and no link to the invoice anywhere in the payload; the preview warns', () => {
    const shaped = shapeCreditNote(creditNote(), billContext());
    const keys = allKeys(shaped.payload);
    for (const forbidden of ['invoice_number', 'document_id', 'based_on', 'based_on_document_id']) {
      assert.ok(!keys.has(forbidden), `payload has ${forbidden}`);
    }
    const text = JSON.stringify(shaped.payload);
    for (const value of ['CN-2024-7', 'INV-2024-3', '"inv-1"']) assert.ok(!text.includes(value), `payload carries ${value}`);
    assert.ok(shaped.warnings.length > 0, 'warnings present');
    for (const w of shaped.warnings) {
      assert.equal(typeof w.code, 'string');
      assert.equal(typeof w.path, 'string');
      assert.match(w.message, /cancel/i);
    }
    // What is kept.
    assert.equal(shaped.payload.currency, 'EUR');
    assert.equal(shaped.payload.customer_ref.company_name, 'Acme Ltd');
    assert.equal(shaped.payload.lines.length, 1);
    assert.equal(shaped.payload.lines[0].ledger_account_id, 'la-expenses');
    assert.deepEqual(shaped.payload.lines[0].tax_rate_ref, { id: 'tr-20' });
  });

  test('in a plan, the eligible credit note has the same shape and the same warnings', () => {
    const plan = planSync(smallInput());
    assert.equal(plan.push.credit_notes.length, 1);
    const row = plan.push.credit_notes[0];
    assert.equal(row.monite_id, 'cn-1');
    assert.equal(row.eligible, true, JSON.stringify(row.errors));
    const keys = allKeys(row.payload);
    for (const forbidden of ['invoice_number', 'document_id', 'based_on', 'based_on_document_id']) assert.ok(!keys.has(forbidden));
    assert.deepEqual(row.warnings, shapeCreditNote(creditNote(), billContext()).warnings);
  });

  test('a draft credit note is not pushed (status_not_pushable)', () => {
    const input = smallInput();
    input.monite.receivables[0].status = 'draft';
    const row = planSync(input).push.credit_notes[0];
    assert.equal(row.eligible, false);
    assert.deepEqual(row.errors.map((e) => e.code), ['status_not_pushable']);
  });
});

// -----------------------------------------------------------------------------------------------------------
describe('matching', () => {
  const org = (id, name, addresses) => ({ id, type: 'organization', organization: { legal_name: name }, ...(addresses && { addresses }) });

  test('matchCounterparts: by name, by city, duplicate match, and suggestions for no group', () => {
    const monite = [
      org('m1', 'Acme Ltd.'),
      org('m2', 'Initech', [{ country: 'de', city: 'Berlin' }]),
      org('m3', 'Initech', [{ country: 'DE', city: 'Bonn' }]),
      org('m4', 'Globex', [{ country: 'GB', city: 'London' }]),
      org('m5', 'Globex', [{ country: 'GB', city: 'Leeds' }]),
      org('m6', 'Café Lumière GmbH'),
    ];
    const accounting = [
      { id: 'a1', name: 'ACME LIMITED', kind: 'vendor' },
      { id: 'a2', name: 'Initech', kind: 'customer', address: { country: 'DE', city: 'Berlin' } },
      { id: 'a3', name: 'Initech', kind: 'vendor', address: { country: 'DE', city: 'Bonn' } },
      { id: 'a4', name: 'globex', kind: 'customer', address: { country: 'gb' } },
      { id: 'a5', name: 'Lumiere Cafe', kind: 'customer' },
    ];
    const rows = Object.fromEntries(matchCounterparts(monite, accounting).map((r) => [r.monite_id, r]));
    assert.deepEqual(Object.keys(rows), ['m1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    assert.deepEqual([rows.m1.status, rows.m1.accounting_id, rows.m1.decided_by], ['matched', 'a1', 'name']);
    assert.deepEqual([rows.m2.status, rows.m2.accounting_id, rows.m2.decided_by], ['matched', 'a2', 'city']);
    assert.deepEqual([rows.m3.status, rows.m3.accounting_id, rows.m3.decided_by], ['matched', 'a3', 'city']);
    assert.deepEqual(rows.m2.candidates, ['a2', 'a3']);
    for (const [id, rival] of [['m4', 'm5'], ['m5', 'm4']]) {
      assert.deepEqual([rows[id].status, rows[id].reason, rows[id].accounting_id], ['ambiguous', 'duplicate_match', null]);
      assert.deepEqual(rows[id].rivals, [rival]);
    }
    assert.deepEqual([rows.m6.status, rows.m6.reason, rows.m6.accounting_id], ['unmatched', 'no_candidate_with_this_name', null]);
    assert.deepEqual(rows.m6.suggestions.map((s) => s.accounting_id), ['a5']);
    assert.ok(rows.m6.suggestions[0].score >= 0.9);
  });

  test('matchProducts: match, create (payload in minor units with the default ledger account), multiple_matches', () => {
    const rows = matchProducts(
      [{ id: 'p1', name: 'Widget' }, { id: 'p2', name: 'Bolt' }],
      [
        { id: 'i1', name: 'WIDGET' },
        { id: 'i2', name: 'Gadget', price: 12.5, currency: 'USD', type: 'product' },
        { id: 'i3', name: 'Bolt' },
        { id: 'i4', name: 'bolt' },
      ],
      { accounting: { ledger_account_ids: { products: 'la-products' } } },
    );
    assert.deepEqual(
      rows.map((r) => [r.action, r.monite_id, r.accounting_id, r.error?.code ?? null]),
      [
        ['match', 'p1', 'i1', null],
        ['none', 'p2', null, 'multiple_matches'],
        ['create', null, 'i2', null],
        ['none', null, 'i3', 'multiple_matches'],
        ['none', null, 'i4', 'multiple_matches'],
      ],
    );
    assert.deepEqual(rows[1].error, { code: 'multiple_matches', monite_ids: ['p2'], monite_ids_total: 1, accounting_ids: ['i3', 'i4'], accounting_ids_total: 2 });
    assert.deepEqual(rows[2].payload, { name: 'Gadget', price: { currency: 'USD', value: 1250 }, type: 'product', ledger_account_id: 'la-products' });
  });

  test('nameKey: strict and loose keys, idempotent; an invalid kind is an InputError', () => {
    assert.equal(nameKey('Acme Limited'), 'acme ltd');
    assert.equal(nameKey('Acme Limited', 'strict'), nameKey('  ACME\u00a0Ltd.  ', 'strict'));
    assert.notEqual(nameKey('Acme'), nameKey('Acme Ltd'));
    assert.equal(nameKey('Straße'), nameKey('STRASSE'));
    assert.equal(nameKey('Bill’s Windsurf\u200b Shop'), "bill's windsurf shop");
    assert.equal(nameKey('Café Lumière, Ltd.', 'loose'), 'cafe lumiere');
    assert.equal(nameKey('Lumière Café GmbH', 'loose'), nameKey('cafe lumiere', 'loose'));
    for (const value of ['Straße & Söhne G.m.b.H.', 'Ǆemal “Co.”', '  a \t b  ']) {
      for (const kind of ['strict', 'loose']) assert.equal(nameKey(nameKey(value, kind), kind), nameKey(value, kind));
    }
    const error = thrown(() => nameKey('x', 'medium'));
    assert.ok(error instanceof InputError);
    assert.equal(error.code, 'invalid_value');
    assert.equal(error.path, 'kind');
  });
});

// -----------------------------------------------------------------------------------------------------------
describe('adapters on the shared fixtures', { skip: noFixtures }, () => {
  test('fromQuickBooks: the sandbox company, customers and vendors in one pool', () => {
    const raw = quickBooksRaw();
    const snap = fromQuickBooks(raw);
    assert.equal(snap.counterparts.filter((c) => c.kind === 'customer').length, raw.customers.QueryResponse.Customer.length);
    assert.equal(snap.counterparts.filter((c) => c.kind === 'vendor').length, raw.vendors.QueryResponse.Vendor.length);
    assert.equal(snap.products.length, raw.items.QueryResponse.Item.length);
    assert.equal(snap.ledger_accounts.length, raw.accounts.QueryResponse.Account.length);
    const names = snap.counterparts.map((c) => c.name);
    assert.ok(names.includes("Bill's Windsurf Shop"), 'raw names are kept');
    assert.ok(names.includes('0969 Ocean View Road'), 'sub-customers use DisplayName');
    assert.ok(!names.some((n) => n.includes(':')), 'never the FullyQualifiedName');
    // Raw bodies inside a PlanInput are adapted the same way.
    const monite = { counterparts: [{ id: 'm-1', type: 'organization', organization: { legal_name: 'Bill’s Windsurf Shop' } }] };
    const viaRaw = planSync({ monite, accounting: { quickbooks_online: raw } });
    assert.deepEqual(viaRaw, planSync({ monite, accounting: snap }));
    assert.equal(viaRaw.pull.counterparts[0].status, 'matched');
    assert.equal(viaRaw.pull.counterparts[0].accounting_id, snap.counterparts.find((c) => c.name === "Bill's Windsurf Shop").id);
  });

  test('fromXero: the demo company; repeated item names are multiple_matches in a plan', () => {
    const raw = xeroRaw();
    const snap = fromXero(raw);
    assert.equal(snap.counterparts.length, raw.contacts.Contacts.length);
    assert.equal(snap.products.length, raw.items.Items.length);
    assert.equal(snap.ledger_accounts.length, raw.accounts.Accounts.length);
    assert.equal(snap.tax_rates.length, raw.tax_rates.TaxRates.length);
    const input2 = snap.tax_rates.find((t) => t.id === 'INPUT2');
    assert.equal(input2.effective_tax_rate, 1500);
    assert.equal(input2.direction, 'purchase');

    const plan = planSync({ monite: { products: [{ id: 'mp-1', name: 'Test Item' }] }, accounting: { xero: raw } });
    const row = plan.pull.products.find((r) => r.monite_id === 'mp-1');
    assert.equal(row.action, 'none');
    assert.equal(row.error.code, 'multiple_matches');
    assert.ok(row.error.accounting_ids.length > 1);
    assert.ok(plan.errors.some((e) => e.object_id === 'mp-1' && e.code === 'multiple_matches'));
  });
});

// -----------------------------------------------------------------------------------------------------------
describe('version', () => {
  test('version() names the package version and the name-key version', () => {
    const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8'));
    assert.match(version(), /^\d+\.\d+\.\d+ \(keys v\d+\)$/);
    assert.ok(version().startsWith(`${pkg.version} `), `${version()} vs ${pkg.version}`);
  });
});

// -----------------------------------------------------------------------------------------------------------
describe('errors', () => {
  const malformed = () => ({
    monite: { payables: [{ id: 'b1', status: 'issued', line_items: [{ quantity: 'x' }] }] },
  });

  test('malformed input throws an InputError naming the JSON path', () => {
    const error = thrown(() => planSync(malformed()));
    assert.ok(error instanceof InputError);
    assert.ok(error instanceof LedgerbridgeError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'InputError');
    assert.equal(error.code, 'invalid_type');
    assert.equal(error.path, 'monite.payables[0].line_items[0].quantity');
    assert.ok(error.message.startsWith('monite.payables[0].line_items[0].quantity'), error.message);
    assert.ok(error.detail.length > 0 && !error.detail.startsWith('monite.'), error.detail);
    assert.equal(typeof error.stack, 'string');
    assert.match(error.stack, /InputError/);
    // The engine keeps working after an error.
    assert.equal(planSync(smallInput()).pull.counterparts.length, 3);
  });

  test('invalid JSON text, duplicate ids, missing fields and unknown enum values have their codes', () => {
    const json = thrown(() => planSyncJson('{"monite": '));
    assert.ok(json instanceof InputError);
    assert.equal(json.code, 'invalid_json');

    const dup = thrown(() =>
      planSync({ monite: { counterparts: [org('c1', 'A'), org('c1', 'B')] } }),
    );
    assert.ok(dup instanceof InputError);
    assert.equal(dup.code, 'duplicate_id');
    assert.equal(dup.path, 'monite.counterparts[1].id');

    const dupAccounting = thrown(() => planSync({ accounting: { products: [{ id: 'i', name: 'A' }, { id: 'i', name: 'B' }] } }));
    assert.equal(dupAccounting.code, 'duplicate_id');
    assert.equal(dupAccounting.path, 'accounting.products[1].id');

    const missing = thrown(() => planSync({ monite: { payables: [{ status: 'issued' }] } }));
    assert.equal(missing.code, 'missing_field');
    assert.equal(missing.path, 'monite.payables[0].id');

    const direction = thrown(() => planSync({ policy: { direction: 'sideways' } }));
    assert.equal(direction.code, 'invalid_value');
    assert.equal(direction.path, 'policy.direction');

    const bad = thrown(() => validateBill('nope'));
    assert.ok(bad instanceof InputError);
    assert.equal(bad.code, 'invalid_type');
  });

  test('an array where an object is expected is an invalid_type error', () => {
    // serde reads a struct from a JSON array positionally; the contract's shapes are objects.
    for (const [input, path] of [
      [[], ''],
      [{ monite: [] }, 'monite'],
      [{ monite: { payables: [['b1', 'issued']] } }, 'monite.payables[0]'],
    ]) {
      const error = thrown(() => planSync(input), `planSync(${JSON.stringify(input)})`);
      assert.ok(error instanceof InputError, String(error));
      assert.equal(error.code, 'invalid_type');
      assert.equal(error.path, path);
    }
  });

  test('a non-string argument to a text function is reported as misuse, not as an engine failure', () => {
    for (const call of [() => planSyncJson(42), () => nameKey(42), () => nameKey('Acme', 42)]) {
      const error = thrown(call);
      assert.ok(!(error instanceof EngineError), `EngineError: ${error.message}`);
      assert.ok(error instanceof InputError || error instanceof TypeError, String(error));
    }
  });

  function org(id, name) {
    return { id, type: 'organization', organization: { legal_name: name } };
  }
});

// -----------------------------------------------------------------------------------------------------------
describe('module formats', () => {
  test('the exports map sends import to esm/ and require to cjs/', () => {
    assert.equal(fileURLToPath(import.meta.resolve('ledgerbridge')), join(PKG, 'esm', 'node.js'));
    assert.equal(require.resolve('ledgerbridge'), join(PKG, 'cjs', 'node.js'));
  });

  test('ESM import and CJS require both work and agree', async () => {
    const cjs = require('ledgerbridge');
    assert.notEqual(cjs.planSync, planSync, 'two separate builds were loaded');
    assert.deepEqual(Object.keys(cjs).filter((k) => k !== '__esModule').sort(), Object.keys(lb).sort());
    for (const api of [lb, cjs]) {
      await api.init();
      assert.equal(await api.init(), undefined, 'init() resolves (idempotent)');
      assert.equal(api.isInitialized(), true);
    }
    assert.equal(cjs.version(), version());
    assert.equal(cjs.nameKey('Acme Limited'), nameKey('Acme Limited'));
    assert.deepEqual(cjs.planSync(smallInput()), planSync(smallInput()));
    assert.equal(cjs.planSyncJson(JSON.stringify(smallInput())), planSyncJson(JSON.stringify(smallInput())));
    const error = thrown(() => cjs.planSync({ monite: { payables: [{ id: 'b', status: 'issued', line_items: [{ quantity: 'x' }] }] } }));
    assert.ok(error instanceof cjs.InputError && error instanceof cjs.LedgerbridgeError && error instanceof Error);
    assert.equal(error.path, 'monite.payables[0].line_items[0].quantity');
    assert.equal(isInitialized(), true);
    await init();
  });

  test('ESM and CJS give equal plans on the demo sample', { skip: noGenerator }, () => {
    const cjs = require('ledgerbridge');
    assert.deepEqual(cjs.planSync(demoInput()), planSync(demoInput()));
  });
});
