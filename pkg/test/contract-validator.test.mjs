// The contract validator (pkg/test/support/contract.mjs, on openapi-backend) on hand-made examples: it has
// to accept what the Monite document allows and reject, readably, what it does not, before it is trusted to
// check the API client and the simulator. The Monite document is read from ../shared/monite-openapi/ and
// the tests that need it skip when it is absent; a small OpenAPI 3.1 document written to a temporary folder
// checks the JSON Schema 2020-12 behaviour on keywords the Monite document does not use.
// Run: node --test pkg/test/contract-validator.test.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadContract, missingContractReason, noContract, UNDOCUMENTED_ERROR_STATUSES } from './support/contract.mjs';

const ENTITY = '9d2b4c8f-2087-4738-ba91-7359683c49a4';
const CONNECTION = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const RECORD = '5e0a8c1e-63b4-4f7a-9c53-2d2f0d3a9b11';

/** Headers every accounting operation of the document requires, plus a bearer token. */
const headers = (extra = {}) => ({
  'x-monite-version': '2024-05-25',
  'x-monite-entity-id': ENTITY,
  authorization: 'Bearer test-token',
  ...extra,
});
const json = { 'content-type': 'application/json' };

/** A valid `AccountingConnectionResponse`. */
const connection = (overrides = {}) => ({
  id: CONNECTION,
  created_at: '2024-05-25T10:00:00Z',
  updated_at: '2024-05-25T10:05:00.123456+00:00',
  connection_url: 'https://connect.example.test/link/abc',
  errors: [],
  last_pull: '2024-05-25T10:05:00Z',
  platform: 'quickbooks',
  status: 'connected',
  business_info: { name: 'Acme Ltd', legal_name: 'Acme Limited', base_currency: 'EUR' },
  ...overrides,
});

/** A valid `SyncRecordResource`. */
const syncedRecord = (overrides = {}) => ({
  id: RECORD,
  created_at: '2024-05-25T10:00:00Z',
  updated_at: '2024-05-25T10:00:00Z',
  last_pulled_at: '2024-05-25T10:00:00Z',
  object_id: CONNECTION,
  object_type: 'receivable',
  platform: 'quickbooks_online',
  sync_status: 'done',
  errors: {},
  ...overrides,
});

/** Fails with the validator's own messages, so a broken assertion shows what it said. */
function assertOk(result) {
  assert.equal(result.ok, true, `expected valid, got:\n  ${result.errors.join('\n  ')}`);
  assert.deepEqual(result.errors, []);
}

function assertFails(result, ...patterns) {
  assert.equal(result.ok, false, 'expected a contract failure, got ok');
  assert.ok(result.errors.length > 0);
  for (const pattern of patterns) {
    assert.ok(
      result.errors.some((e) => pattern.test(e)),
      `no error matches ${pattern}; errors:\n  ${result.errors.join('\n  ')}`,
    );
  }
}

test('loadContract resolves to null, with a reason, when the document is absent', async () => {
  const missing = join(tmpdir(), 'ledgerbridge-no-such-dir', 'monite-accounting-subset.json');
  assert.equal(await loadContract(missing), null);
  assert.match(missingContractReason(missing), /not found at .*ledgerbridge-no-such-dir/);
});

describe('the Monite accounting document', { skip: noContract }, () => {
  let contract;
  before(async () => {
    contract = await loadContract();
  });
  // A request with the usual headers, and a JSON response; `extra` overrides any field.
  const req = (method, path, extra = {}) => contract.validateRequest({ method, path, headers: headers(), ...extra });
  const res = (method, path, status, body, extra = {}) =>
    contract.validateResponse({ method, path, status, headers: json, body, ...extra });

  test('is loaded from ../shared and maps concrete paths to its templates', () => {
    assert.match(contract.documentPath, /shared[\\/]monite-openapi[\\/]monite-accounting-subset\.json$/);
    const ops = contract.operations();
    assert.ok(ops.length >= 50, `only ${ops.length} operations`);
    const result = req('GET', `/accounting_connections/${CONNECTION}`);
    assertOk(result);
    assert.equal(result.operationId, 'get_accounting_connections_id');
    assert.equal(result.route, 'GET /accounting_connections/{connection_id}');
    const push = req('POST', `/accounting_synced_records/${RECORD}/push`);
    assertOk(push);
    assert.equal(push.operationId, 'post_accounting_synced_records_id_push');
  });

  test('every operation of the document compiles under JSON Schema 2020-12 in strict-schema mode', () => {
    // Operations otherwise compile on first use; doing all of them here means an unknown keyword or format
    // anywhere in the document fails this test instead of a simulator test later.
    assert.equal(contract.compileAll(), contract.operations().length);
  });

  test('POST /accounting_connections: a valid 201 AccountingConnectionResponse passes', () => {
    assertOk(req('POST', '/accounting_connections'));
    const result = res('POST', '/accounting_connections', 201, connection());
    assertOk(result);
    assert.equal(result.operationId, 'post_accounting_connections');
    // Only the required properties, and the body as JSON text (as read off the socket), pass too.
    const minimal = {
      id: CONNECTION,
      created_at: '2024-05-25T10:00:00Z',
      updated_at: '2024-05-25T10:00:00Z',
      connection_url: 'https://x.test/',
    };
    assertOk(res('POST', '/accounting_connections', 201, JSON.stringify(minimal)));
  });

  test('POST /accounting_connections: status "bogus" fails, naming the field, the value and the allowed ones', () => {
    const result = res('POST', '/accounting_connections', 201, connection({ status: 'bogus' }));
    assertFails(
      result,
      /^response body at \/status: must be one of "connected", "disconnected", "deauthorized", "pending_auth" — got "bogus"$/,
    );
    assert.equal(result.errors.length, 1, result.errors.join('\n'));
  });

  test('a response body breaking formats, types and required properties lists each problem', () => {
    const body = connection({ id: 'conn-1', created_at: 'yesterday', errors: [{}], business_info: 'Acme' });
    delete body.connection_url;
    assertFails(
      res('GET', `/accounting_connections/${CONNECTION}`, 200, body),
      /response body at \/id: must be a valid uuid — got "conn-1"/,
      /response body at \/created_at: must be a valid date-time — got "yesterday"/,
      /response body at \/connection_url: required, but missing/,
      /response body at \/errors\/0\/message: required, but missing/,
      /response body at \/business_info: must be of type object — got "Acme"/,
    );
  });

  test('GET /accounting_synced_records without the required object_type query parameter fails', () => {
    const result = req('GET', '/accounting_synced_records');
    assertFails(result, /^request query parameter "object_type": required, but missing$/);
    assert.equal(result.operationId, 'get_accounting_synced_records');
    // With it (as an object, a query string, or left on the path) the request passes.
    assertOk(req('GET', '/accounting_synced_records', { query: { object_type: 'receivable', limit: 2 } }));
    assertOk(req('GET', '/accounting_synced_records', { query: '?object_type=bill&order=desc' }));
    assertOk(req('GET', `/accounting_synced_records?object_type=product&object_id__in=${CONNECTION}&object_id__in=${RECORD}`));
  });

  test('query parameters are checked against their schemas, and unknown ones are rejected', () => {
    const query = { object_type: 'invoice', limit: '500', object_id__in: 'abc', colour: 'red' };
    assertFails(
      req('GET', '/accounting_synced_records', { query }),
      /request query parameter "object_type": must be one of "product", "customer", .* — got "invoice"/,
      /request query parameter "limit": must be <= 250 — got 500/,
      /request query parameter "object_id__in" at \/0: must be a valid uuid — got "abc"/,
      /request query parameter "colour": not defined by the document/,
    );
  });

  test('a valid list response passes; a bad item in it fails with its index', () => {
    const page = { data: [syncedRecord(), syncedRecord({ id: CONNECTION, sync_status: 'pending' })], next_pagination_token: 'eyJ9' };
    assertOk(res('GET', '/accounting_synced_records', 200, page, { headers: { 'content-type': 'application/json; charset=utf-8' } }));
    assertOk(res('GET', '/accounting_connections', 200, { data: [connection(), connection({ status: 'pending_auth' })] }));
    assertOk(res('GET', '/accounting_connections', 200, { data: [] }));
    assertFails(
      res('GET', '/accounting_synced_records', 200, { data: [syncedRecord(), syncedRecord({ sync_status: 'synced' })] }),
      /response body at \/data\/1\/sync_status: must be one of "pending", "error", "done" — got "synced"/,
    );
    assertFails(res('GET', '/accounting_connections', 200, [connection()]), /^response body: must be of type object/);
  });

  test('header x-monite-version is required wherever the document says so', () => {
    const withoutVersion = headers();
    delete withoutVersion['x-monite-version'];
    assertFails(
      req('GET', '/accounting_connections', { headers: withoutVersion }),
      /^request header "x-monite-version": required, but missing$/,
    );
    // Header names are case-insensitive; the value must be a date.
    assertOk(req('GET', '/accounting_connections', { headers: { ...withoutVersion, 'X-Monite-Version': '2024-05-25' } }));
    assertFails(
      req('GET', '/accounting_connections', { headers: { ...withoutVersion, 'x-monite-version': 'latest' } }),
      /request header "x-monite-version": must be a valid date — got "latest"/,
    );
    // POST /auth/token needs it too (but no entity id and no bearer token).
    const body = { client_id: ENTITY, client_secret: 's3cret', grant_type: 'client_credentials' };
    assertFails(req('POST', '/auth/token', { headers: json, body }), /request header "x-monite-version": required, but missing/);
    assertOk(req('POST', '/auth/token', { headers: { ...json, 'x-monite-version': '2024-05-25' }, body }));
    // Every operation of this document declares it required.
    for (const { method, path } of contract.operations()) {
      const op = contract.document.paths[path][method.toLowerCase()];
      const declared = op.parameters.some((p) => p.in === 'header' && p.name === 'x-monite-version' && p.required);
      assert.ok(declared, `${method} ${path}`);
    }
  });

  test('the entity header and the bearer token are required where the document says so', () => {
    const bare = headers();
    delete bare['x-monite-entity-id'];
    delete bare.authorization;
    assertFails(
      req('GET', '/ledger_accounts', { headers: bare }),
      /request header "x-monite-entity-id": required, but missing/,
      /request header "authorization": GET \/ledger_accounts requires HTTPBearer/,
    );
    assertFails(
      req('GET', '/ledger_accounts', { headers: { ...headers(), authorization: 'Basic dXNlcjpwYXNz' } }),
      /request header "authorization"/,
    );
  });

  test('request bodies: anyOf with {"type": "null"}, additionalProperties, required body, media type', () => {
    const h = { ...json, 'x-monite-version': '2024-05-25' };
    const body = { client_id: ENTITY, client_secret: 's3cret', grant_type: 'entity_user', entity_user_id: null };
    assertOk(req('POST', '/auth/token', { headers: h, body }));
    assertOk(req('POST', '/auth/token', { headers: h, body: { ...body, entity_user_id: RECORD } }));
    assertFails(
      req('POST', '/auth/token', { headers: h, body: { ...body, entity_user_id: 42, scope: 'all' } }),
      /request body at \/entity_user_id: matches none of the anyOf alternatives \(must be of type string — got 42; must be of type null — got 42\)/,
      /request body at \/scope: not defined by the document/,
    );
    assertFails(req('POST', '/auth/token', { headers: h }), /request body: required, but missing/);
    assertFails(
      req('POST', '/auth/token', { headers: { ...h, 'content-type': 'text/plain' }, body: JSON.stringify(body) }),
      /request header "content-type": text\/plain is not declared \(application\/json\)/,
    );
    assertFails(req('POST', '/auth/token', { headers: h, body: '{"client_id": ' }), /request body: is not valid JSON/);
    // POST /accounting_connections declares no request body in this document (ORIGIN.md): sending one fails.
    assertFails(
      req('POST', '/accounting_connections', { headers: { ...headers(), ...json }, body: { platform: 'quickbooks' } }),
      /request body: POST \/accounting_connections declares no request body, but one was sent/,
    );
  });

  test('a request or response on a path or method not in the document fails', () => {
    assertFails(req('GET', '/accounting_nothing'), /^request: no path of the document matches GET \/accounting_nothing$/);
    assertFails(
      req('DELETE', `/accounting_connections/${CONNECTION}`),
      /DELETE is not an operation of \/accounting_connections\/\{connection_id\} in the document \(it has GET\)/,
    );
    assertFails(req('GET', '/v1/accounting_connections'), /without the servers' \/v1 prefix/);
    assertFails(req('GET', '/accounting_connections/'), /no path of the document matches/);
    const notFound = res('GET', '/no_such_thing/abc', 404, { error: { message: 'Not found' } });
    assertFails(notFound, /^response 404: no path of the document matches GET \/no_such_thing\/abc$/);
    assert.equal(notFound.operationId, null);
  });

  test('a status the operation does not document fails; documented error statuses are checked', () => {
    assertFails(
      res('GET', `/accounting_connections/${CONNECTION}`, 404, { error: { message: 'Not found' } }),
      /^response status: 404 is not documented for GET \/accounting_connections\/\{connection_id\} \(documented: 200, 405, 422, 500; also accepted: 401, 429\)$/,
    );
    assertOk(res('GET', `/counterparts/${CONNECTION}`, 404, { error: { message: 'Counterpart not found' } }));
    const detail = [{ loc: ['query', 'object_type'], msg: 'Field required', type: 'missing' }];
    assertOk(res('GET', '/accounting_synced_records', 422, { detail }));
    assertFails(res('POST', '/accounting_connections', 500, { message: 'boom' }), /response body at \/error: required, but missing/);
  });

  test('401 and 429, which this copy of the document leaves out, are accepted only as ErrorSchemaResponse', () => {
    assert.deepEqual([...UNDOCUMENTED_ERROR_STATUSES], [401, 429]);
    for (const status of UNDOCUMENTED_ERROR_STATUSES) {
      assertOk(res('GET', '/accounting_connections', status, { error: { message: 'Too many requests' } }));
      assertFails(
        res('GET', '/accounting_connections', status, { detail: 'nope' }),
        new RegExp(`response body at /error: required, but missing \\(ErrorSchemaResponse for ${status}\\)`),
      );
      assertFails(res('GET', '/accounting_connections', status, undefined), /must carry an ErrorSchemaResponse body/);
    }
    // Where the document does list 401 (POST /auth/token), its own definition applies.
    assertOk(res('POST', '/auth/token', 401, { error: { message: 'Bad credentials' } }));
  });

  test('204 must have no body, and a JSON body needs a JSON content type when headers are given', () => {
    assertOk(res('DELETE', `/counterparts/${CONNECTION}`, 204, '', { headers: {} }));
    assertOk(res('DELETE', `/counterparts/${CONNECTION}`, 204, undefined, { headers: undefined }));
    assertFails(
      res('DELETE', `/counterparts/${CONNECTION}`, 204, { ok: true }),
      /response body: DELETE \/counterparts\/\{counterpart_id\} → 204 declares no body, but one was returned/,
    );
    assertFails(
      res('GET', '/accounting_connections', 200, { data: [] }, { headers: { 'content-type': 'text/html' } }),
      /response header "content-type": text\/html is not declared \(application\/json\)/,
    );
    assertFails(res('GET', '/accounting_connections', 200, undefined), /declares a body \(application\/json\), none was returned/);
  });

  test('counts every validation and assertAllValid lists each failure, where and what', async () => {
    const recorder = await loadContract();
    assert.notEqual(recorder, contract, 'each loadContract() call gets its own counts');
    assert.deepEqual({ ...recorder.counts }, { requests: 0, responses: 0, failures: 0 });
    const created = { method: 'POST', path: '/accounting_connections', status: 201, headers: json };
    recorder.validateRequest({ method: 'POST', path: '/accounting_connections', headers: headers() });
    recorder.validateResponse({ ...created, body: connection() });
    recorder.assertAllValid(); // nothing failed yet
    recorder.validateResponse({ ...created, body: connection({ status: 'bogus' }) });
    recorder.validateRequest({ method: 'GET', path: '/accounting_synced_records', headers: headers() });
    assert.deepEqual({ ...recorder.counts }, { requests: 2, responses: 2, failures: 2 });
    assert.throws(
      () => recorder.assertAllValid(),
      (err) => {
        assert.equal(err.name, 'ContractViolation');
        assert.match(err.message, /^2 of 4 contract validations against .*monite-accounting-subset\.json failed:/);
        assert.match(
          err.message,
          /response POST \/accounting_connections → 201 \(post_accounting_connections\)\n\s+- response body at \/status: must be one of/,
        );
        assert.match(
          err.message,
          /request GET \/accounting_synced_records \(get_accounting_synced_records\)\n\s+- request query parameter "object_type": required/,
        );
        return true;
      },
    );
    recorder.reset();
    assert.deepEqual({ ...recorder.counts }, { requests: 0, responses: 0, failures: 0 });
    recorder.assertAllValid();
  });
});

describe('JSON Schema 2020-12 semantics on a small OpenAPI 3.1 document', () => {
  let dir;
  let contract;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ledgerbridge-contract-'));
    const file = join(dir, 'mini-3.1.json');
    writeFileSync(file, JSON.stringify(miniDocument()));
    contract = await loadContract(file);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const get = (body) =>
    contract.validateResponse({ method: 'GET', path: '/things/t-1', status: 200, headers: json, body });
  const thing = (overrides = {}) => ({ kind: 'a', version: 2, pair: ['x', 1], code: 'AB', note: null, maybe: null, ...overrides });

  test('a valid body passes', () => {
    assertOk(get(thing()));
    assertOk(get(thing({ note: 'text', maybe: 3 })));
  });

  test('const', () => {
    assertFails(get(thing({ version: 3 })), /^response body at \/version: must be 2 — got 3$/);
  });

  test('type arrays with "null" and anyOf with {"type": "null"}', () => {
    assertFails(get(thing({ note: 5 })), /response body at \/note: must be of type string or null — got 5/);
    assertFails(get(thing({ maybe: 'x' })), /response body at \/maybe: matches none of the anyOf alternatives/);
  });

  test('prefixItems and items: false (ignored by a draft-07 validator)', () => {
    assertFails(get(thing({ pair: [1, 1] })), /response body at \/pair\/0: must be of type string — got 1/);
    assertFails(get(thing({ pair: ['x', 1, 'extra'] })), /response body at \/pair/);
  });

  test('keywords beside $ref apply together with the referenced schema', () => {
    assertFails(get(thing({ code: 'ABCDE' })), /response body at \/code: must NOT have more than 3 characters/);
    assertFails(get(thing({ code: 'ab' })), /response body at \/code: must match pattern/);
    assertFails(get(thing({ kind: 'c' })), /response body at \/kind: must be one of "a", "b" — got "c"/);
  });

  test('dependentRequired', () => {
    assertFails(get(thing({ maybe: 1, since: '2024-01-01' })), /must have property until when property since is present/);
  });

  test('no security scheme in this document, so no bearer token is needed; 401 without ErrorSchemaResponse fails', () => {
    assertOk(contract.validateRequest({ method: 'GET', path: '/things/t-1', headers: {} }));
    assertFails(
      contract.validateResponse({ method: 'GET', path: '/things/t-1', status: 401, headers: json, body: { error: {} } }),
      /401 is not documented and the document has no ErrorSchemaResponse/,
    );
  });
});

function miniDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'contract validator self-test', version: '1' },
    paths: {
      '/things/{thing_id}': {
        get: {
          operationId: 'get_thing',
          parameters: [{ name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Kind: { type: 'string', enum: ['a', 'b'] },
        Code: { type: 'string', pattern: '^[A-Z]+$' },
        Thing: {
          type: 'object',
          additionalProperties: false,
          required: ['kind', 'version', 'pair'],
          dependentRequired: { since: ['until'] },
          properties: {
            kind: { $ref: '#/components/schemas/Kind', description: 'sibling annotation', examples: ['a'] },
            code: { $ref: '#/components/schemas/Code', maxLength: 3 },
            version: { const: 2 },
            note: { type: ['string', 'null'] },
            maybe: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
            pair: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
            since: { type: 'string', format: 'date' },
            until: { type: 'string', format: 'date' },
          },
        },
      },
    },
  };
}
