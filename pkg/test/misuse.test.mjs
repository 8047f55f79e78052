// Every misuse a plain JavaScript caller can make is an InputError naming what is wrong (issue: hostile input):
// values JSON.stringify cannot write, values that are not what an argument wants, lone surrogates, texts past
// the documented maximum. EngineError stays for real bugs, and the module keeps working afterwards.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import * as lb from 'ledgerbridge';
import { EngineError, InputError, nameKey, planSync, planSyncJson, matchCounterparts, validateBill } from 'ledgerbridge';

import { inputError } from './support/errors.mjs';

const good = {
  monite: { counterparts: [{ id: 'm1', organization: { legal_name: 'Acme Limited' } }] },
  accounting: { counterparts: [{ id: 'a1', name: 'ACME Ltd.', kind: 'vendor' }] },
};

function stillWorks() {
  assert.equal(planSync(good).summary.pull.counterparts.matched, 1);
}

describe('values JSON.stringify cannot write', () => {
  test('a BigInt names its path', () => {
    const input = structuredClone(good);
    input.monite.counterparts[0].organization.employees = 10n;
    inputError(() => planSync(input), { code: 'invalid_value', path: 'monite.counterparts[0].organization.employees', detail: /BigInt/ });
    stillWorks();
  });

  test('a cycle names where it closes', () => {
    const input = structuredClone(good);
    input.monite.counterparts[0].self = input.monite.counterparts[0];
    inputError(() => planSync(input), { code: 'invalid_value', path: 'monite.counterparts[0].self', detail: /cycle/ });
    const bill = { id: 'b1', status: 'issued', line_items: [] };
    bill.line_items.push({ bill });
    inputError(() => validateBill(bill), { path: 'bill.line_items[0].bill', detail: /cycle/ });
    stillWorks();
  });

  test('a toJSON that returns nothing, or throws', () => {
    inputError(() => planSync({ toJSON() {} }), { code: 'invalid_value', path: '', detail: /no JSON form/ });
    inputError(() => planSync({ monite: { toJSON() { throw new Error('boom'); } } }), { path: 'monite', detail: /toJSON\(\) threw: boom/ });
    stillWorks();
  });
});

describe('arguments that are not what the function wants', () => {
  test('non-objects, non-arrays, non-strings', () => {
    for (const value of [null, 5, 'text', [], true, undefined]) inputError(() => planSync(value), { code: 'invalid_type', path: '' });
    inputError(() => matchCounterparts({}, []), { code: 'invalid_type', path: 'monite', detail: /expected an array, found an object/ });
    inputError(() => planSyncJson(42), { code: 'invalid_type', path: '' });
    inputError(() => nameKey({ name: 'x' }), { code: 'invalid_type', path: 'value' });
    stillWorks();
  });
});

describe('lone surrogates', () => {
  test('in a value planSync writes: the engine names the field and says why', () => {
    const input = structuredClone(good);
    input.monite.counterparts[0].organization.legal_name = 'Acme \ud800 Limited';
    inputError(() => planSync(input), { code: 'invalid_value', path: 'monite.counterparts[0].organization.legal_name', detail: /lone surrogate/ });
  });

  test('in a string argument: refused, not silently replaced by U+FFFD', () => {
    inputError(() => nameKey('Acme \udc00'), { code: 'invalid_value', path: 'value', detail: /lone surrogate/ });
    inputError(() => planSyncJson('{"monite":{"counterparts":[{"id":"m\ud83d","organization":{"legal_name":"x"}}]}}'), { path: '', detail: /lone surrogate/ });
    assert.equal(nameKey('Acme \ud83d\ude00'), nameKey('acme \ud83d\ude00'), 'a surrogate pair is fine');
    stillWorks();
  });
});

describe('documented maxima', () => {
  test('the TypeScript layer and the engine agree on the limits', () => {
    const engine = lb.limits();
    assert.deepEqual(engine, { max_text_bytes: 512 * 1024 * 1024, max_key_value_bytes: 1024 * 1024 });
    // The TypeScript layer refuses a longer string before copying it into the module. (A plan text cannot
    // pass 512 MiB in V8, whose strings stop at 2^29 − 24 characters.)
    inputError(() => nameKey('a'.repeat(engine.max_key_value_bytes + 1)), { code: 'too_large', path: 'value' });
  });

  test('nameKey: a value past 1 MiB is too_large before any work; one just within it is keyed', () => {
    inputError(() => nameKey('\ufdfa'.repeat(4e7), 'loose'), { code: 'too_large', path: 'value' });
    const within = '\ufdfa'.repeat(Math.floor((1024 * 1024) / 3));
    const key = nameKey(within, 'loose');
    assert.ok(key.length > within.length * 10, 'U+FDFA expands under NFKC');
    stillWorks();
  });

  test('a plan text whose names could expand past the memory budget is too_large, typed, and the module stays alive', () => {
    const names = '\ufdfa'.repeat(12_000_000);
    inputError(() => planSyncJson(`{"monite":{"counterparts":[{"id":"m1","organization":{"legal_name":"${names}"}}]}}`), { code: 'too_large', path: '' });
    stillWorks();
  });
});
