// validateBill keeps the validator of the last context it read (README "Benchmarks and size"): results and
// errors must be exactly those of a fresh validator, whatever changes between calls.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createBillValidator, InputError, validateBill } from 'ledgerbridge';

const context = {
  ledger_accounts: [{ id: 'la-1', name: 'Expenses', status: 'Active' }],
  tax_rates: [{ id: 'tr-20', name: 'VAT 20', effective_tax_rate: 2000, status: 'ACTIVE' }],
};
const bill = {
  id: 'b-1',
  status: 'approved',
  currency: 'EUR',
  document_id: 'INV-1',
  counterpart_id: 'cp-1',
  line_items: [{ name: 'Paper', quantity: 2, unit_price: 500, tax: 2000, ledger_account_id: 'la-1' }],
};

const fresh = (b, c) => {
  const v = createBillValidator(c);
  try {
    return v.validate(b);
  } finally {
    v.free();
  }
};
const thrown = (fn) => {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('expected a throw');
};

test('the same context object, changed between calls, is read again', () => {
  const c = structuredClone(context);
  const first = validateBill(bill, c);
  assert.deepEqual(first, fresh(bill, c));
  c.ledger_accounts[0].status = 'Archived'; // the form's context changes in place
  const second = validateBill(bill, c);
  assert.deepEqual(second, fresh(bill, c));
  assert.notDeepEqual(second, first);
  c.ledger_accounts[0].status = 'Active';
  assert.deepEqual(validateBill(bill, c), first);
});

test('with and without a context, alternating, and other bills against a kept context', () => {
  for (let i = 0; i < 3; i++) {
    assert.deepEqual(validateBill(bill), fresh(bill));
    assert.deepEqual(validateBill(bill, context), fresh(bill, context));
    const other = { ...bill, id: `b-${i}`, line_items: [{ ...bill.line_items[0], ledger_account_id: 'la-missing' }] };
    assert.deepEqual(validateBill(other, context), fresh(other, context));
  }
});

test('errors are those of a call without the cache: the bill first, then the context', () => {
  validateBill(bill, context); // a kept context
  const badBill = { ...bill, line_items: [{ ...bill.line_items[0], quantity: 'two' }] };
  const badContext = { ...context, tax_rates: [{ id: 'tr-x', effective_tax_rate: 'high' }] };
  const e1 = thrown(() => validateBill(badBill, context));
  assert.ok(e1 instanceof InputError);
  assert.equal(e1.path, 'bill.line_items[0].quantity');
  const e2 = thrown(() => validateBill(bill, badContext));
  assert.ok(e2 instanceof InputError);
  assert.equal(e2.path, 'context.tax_rates[0].effective_tax_rate');
  const e3 = thrown(() => validateBill(badBill, badContext));
  assert.equal(e3.path, 'bill.line_items[0].quantity', 'the bill is read first, as without the cache');
  assert.deepEqual(validateBill(bill, context), fresh(bill, context), 'the module still works');
});
