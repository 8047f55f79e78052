// The byte entry, planSyncBytes (issue 11): UTF-8 JSON bytes in, UTF-8 JSON bytes out, byte-identical to
// planSyncJson on the same document; every kind of bytes a caller holds; typed errors for everything else.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

import { planSync, planSyncBytes, planSyncJson } from 'ledgerbridge';

import { demoInput, generateText, noGenerator, runCli } from './helpers.mjs';
import { inputError } from './support/errors.mjs';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** An input with non-ASCII names on both sides (where UTF-16 and UTF-8 lengths differ). */
const unicode = {
  monite: {
    counterparts: [
      { id: 'm1', organization: { legal_name: 'Müller & Söhne GmbH' } },
      { id: 'm2', organization: { legal_name: 'Ελληνική Εταιρεία' } },
      { id: 'm3', individual: { first_name: '太郎', last_name: '山田' } },
    ],
  },
  accounting: {
    counterparts: [
      { id: 'a1', name: 'MÜLLER & SÖHNE G.m.b.H.', kind: 'vendor' },
      { id: 'a2', name: 'ΕΛΛΗΝΙΚΉ ΕΤΑΙΡΕΊΑ', kind: 'customer' },
      { id: 'a3', name: '太郎 山田 😀', kind: 'customer' },
    ],
  },
};

describe('planSyncBytes', () => {
  test('gives the bytes of planSyncJson on the same document (ASCII and non-ASCII)', () => {
    for (const input of [demoInput(), unicode]) {
      const text = JSON.stringify(input);
      const out = planSyncBytes(encoder.encode(text));
      assert.ok(out instanceof Uint8Array);
      assert.equal(decoder.decode(out), planSyncJson(text));
    }
    const plan = JSON.parse(decoder.decode(planSyncBytes(encoder.encode(JSON.stringify(unicode)))));
    assert.deepEqual(plan, planSync(unicode));
    assert.equal(plan.pull.counterparts.find((c) => c.monite_id === 'm1').accounting_id, 'a1');
  });

  test('takes a Buffer, an ArrayBuffer, a view into a larger buffer and a DataView', () => {
    const text = JSON.stringify(unicode);
    const expected = planSyncJson(text);
    const bytes = encoder.encode(text);
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 3);
    for (const value of [Buffer.from(text), bytes.buffer.slice(0), padded.subarray(3, 3 + bytes.length), new DataView(padded.buffer, 3, bytes.length)]) {
      assert.equal(decoder.decode(planSyncBytes(value)), expected, Object.prototype.toString.call(value));
    }
  });

  test('on a scaled sample: the same bytes as planSyncJson', { skip: noGenerator }, () => {
    const text = generateText(['--seed', '5', '--counterparts', '3000']);
    assert.equal(decoder.decode(planSyncBytes(Buffer.from(text))), planSyncJson(text));
  });

  test('bytes that are not UTF-8 are invalid_json naming the offset; the module keeps working', () => {
    const bytes = encoder.encode('{"monite":{"counterparts":[{"id":"m1","organization":{"legal_name":"Acme X"}}]}}');
    const at = bytes.indexOf('X'.charCodeAt(0));
    bytes[at] = 0xff;
    inputError(() => planSyncBytes(bytes), { path: '', code: 'invalid_json', detail: new RegExp(`not UTF-8 text: byte ${at} `) });
    inputError(() => planSyncBytes(new Uint8Array([0x7b, 0xc3])), { path: '', code: 'invalid_json', detail: /byte 1 / }); // truncated sequence
    inputError(() => planSyncBytes(encoder.encode('[1]')), { path: '', code: 'invalid_type', detail: /expected an object, found an array/ });
    inputError(() => planSyncBytes(new Uint8Array()), { path: '', code: 'invalid_json' });
    assert.equal(JSON.parse(decoder.decode(planSyncBytes(encoder.encode(JSON.stringify(unicode))))).summary.pull.counterparts.total, 3);
  });

  test('what is not bytes is invalid_type, before the module is called', () => {
    for (const value of ['{}', {}, [], null, undefined, 42, [123, 125]]) {
      inputError(() => planSyncBytes(value), { path: '', code: 'invalid_type', detail: /expected a Uint8Array, Buffer or ArrayBuffer/ });
    }
  });
});

describe('the CLI plans files as bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerbridge-bytes-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a non-ASCII input: stdout is the plan, byte for byte', () => {
    const file = join(dir, 'unicode.json');
    writeFileSync(file, JSON.stringify(unicode, null, 2));
    const { status, stdout, stderr } = runCli(['plan', file]);
    assert.equal(status, 0, stderr);
    assert.equal(stdout, `${planSyncJson(JSON.stringify(unicode, null, 2))}\n`);
  });

  test('a file that is not UTF-8: exit 2, one line naming the file and the offset', () => {
    const file = join(dir, 'latin1.json');
    writeFileSync(file, Buffer.concat([Buffer.from('{"monite":{"counterparts":[{"id":"m1","organization":{"legal_name":"M'), Buffer.from([0xfc]), Buffer.from('ller"}}]}}')]));
    const { status, stdout, stderr } = runCli(['plan', file]);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /latin1\.json/);
    assert.match(stderr, /input: not UTF-8 text: byte 69 starts an invalid sequence/);
    assert.equal(stderr.trim().split('\n').length, 1, stderr);
  });
});

test('memoryBytes: the module memory, in whole pages, never shrinking across a plan', async () => {
  const { memoryBytes } = await import('ledgerbridge');
  const before = memoryBytes();
  assert.ok(Number.isInteger(before) && before > 0 && before % 65536 === 0, String(before));
  planSyncBytes(encoder.encode(JSON.stringify(unicode)));
  assert.ok(memoryBytes() >= before);
});
