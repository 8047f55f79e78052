// Contract checks against the Monite API document (OpenAPI 3.1): every request the API client sends and
// every response the simulator returns can be validated here. The validation is done by openapi-backend
// (npm, devDependency pinned in the root package.json): its router maps a concrete path such as
// `/accounting_connections/abc` to the document's template `/accounting_connections/{connection_id}`, and
// its validator checks path, query, header parameters, the request body, the response body for the
// status code and the documented response headers, with Ajv. This file only configures it for an OpenAPI
// 3.1 document (see `createEngine`) and turns Ajv's errors into readable sentences.
//
//   const contract = await loadContract();           // null when the document is absent
//   test('…', { skip: noContract }, async () => { … });
//   contract.validateRequest({ method, path, query, headers, body })          → { ok, errors, operationId }
//   contract.validateResponse({ method, path, status, headers, body })        → { ok, errors, operationId }
//   contract.counts                                                            → { requests, responses, failures }
//   contract.assertAllValid()                                                  // throws, listing every failure
//
// Paths are given without the servers' `/v1` prefix (`/accounting_connections/abc`, not
// `/v1/accounting_connections/abc`). The document is read by path from ../shared (never copied here).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The document used when `loadContract()` gets no path (overridable, e.g. to check the tests skip). */
export const DEFAULT_DOCUMENT =
  process.env.LEDGERBRIDGE_MONITE_OPENAPI ??
  join(ROOT, '..', 'shared', 'monite-openapi', 'monite-accounting-subset.json');

/**
 * Statuses the real API returns on every operation that this copy of the document leaves out
 * (../shared/monite-openapi/ORIGIN.md: Monite's generated clients list 401 and 429 for the accounting
 * endpoints, the spec copy does not). They are accepted only with the document's `ErrorSchemaResponse` body.
 */
export const UNDOCUMENTED_ERROR_STATUSES = Object.freeze([401, 429]);

/** Why the document at `path` cannot be used, or `false` when it can (for `test(name, { skip }, fn)`). */
export function missingContractReason(path = DEFAULT_DOCUMENT) {
  return existsSync(path)
    ? false
    : `Monite OpenAPI document not found at ${path} (expected ../shared/monite-openapi/ beside the repository)`;
}

/** `missingContractReason()` for the default document. */
export const noContract = missingContractReason();

const engines = new Map();

/**
 * Loads the document and returns a fresh recorder over it, or `null` when the file is absent (the reason is
 * `missingContractReason(path)`). The compiled validators are shared between recorders of the same file;
 * counts and failures are per recorder. Operations compile lazily, on first use (`compileAll()` compiles
 * every one up front).
 * @param {string} [path]
 */
export async function loadContract(path = DEFAULT_DOCUMENT) {
  const file = resolve(path);
  if (missingContractReason(file)) return null;
  if (!engines.has(file)) {
    const pending = createEngine(file);
    engines.set(file, pending);
    pending.catch(() => engines.delete(file));
  }
  return createRecorder(await engines.get(file));
}

// ---------------------------------------------------------------------------------------------------------
// openapi-backend, set up for OpenAPI 3.1

/**
 * Ajv and ajv-formats are taken from openapi-backend's own dependency tree (openapi-backend → ajv,
 * openapi-backend → openapi-schema-validator → ajv-formats), resolved from the package that declares them,
 * so there is one validator stack and nothing hand-rolled.
 */
function openapiStack() {
  const require = createRequire(import.meta.url);
  const backendEntry = require.resolve('openapi-backend');
  const { OpenAPIBackend, OpenAPIValidator } = require(backendEntry);
  const fromBackend = createRequire(backendEntry);
  const ajvModule = fromBackend('ajv/dist/2020');
  const formatsModule = createRequire(fromBackend.resolve('openapi-schema-validator'))('ajv-formats');
  return {
    OpenAPIBackend,
    OpenAPIValidator,
    Ajv2020: ajvModule.default ?? ajvModule,
    addFormats: formatsModule.default ?? formatsModule,
  };
}

/**
 * OpenAPI 3.1 schema keywords that are not JSON Schema 2020-12 keywords (the OAS base vocabulary). Declared
 * so that Ajv can run in strict-schema mode: any *other* unknown keyword or format makes compilation throw
 * instead of being silently ignored.
 */
const OAS_VOCABULARY = ['discriminator', 'xml', 'externalDocs', 'example'];

async function createEngine(file) {
  const { OpenAPIBackend, OpenAPIValidator, Ajv2020, addFormats } = openapiStack();
  const document = JSON.parse(readFileSync(file, 'utf8'));
  if (typeof document.openapi !== 'string' || !document.openapi.startsWith('3.1')) {
    throw new Error(`${file}: expected an OpenAPI 3.1 document, found openapi: ${JSON.stringify(document.openapi)}`);
  }

  // openapi-backend compiles with Ajv's draft-07 class by default; an OpenAPI 3.1 document's schemas are
  // JSON Schema 2020-12, so each validator is built with Ajv2020 instead (its documented `customizeAjv`
  // hook). openapi-backend's OpenAPI formats (int32, int64, float, double, byte, …) are carried over from the
  // instance it made, after ajv-formats' (uuid, date, date-time, email, uri, …).
  const extensions = extensionKeywords(document);
  const makeAjv = (original, ajvOpts = {}) => {
    const ajv = new Ajv2020({ ...ajvOpts, strict: false, strictSchema: true, allErrors: true, verbose: true });
    ajv.addVocabulary([...OAS_VOCABULARY, ...extensions]);
    addFormats(ajv);
    for (const [name, format] of Object.entries(original?.formats ?? {})) {
      if (!(name in ajv.formats)) ajv.addFormat(name, format);
    }
    return ajv;
  };

  const backend = new OpenAPIBackend({
    definition: rewriteRefSiblings(document),
    strict: true, // a document that cannot be dereferenced is an error, not a warning
    validate: false, // the validator is made below, lazily compiled
    ignoreTrailingSlashes: false, // `/counterparts/` is not `/counterparts`
  });
  // openapi-backend checks the document itself against the OpenAPI *3.0* meta-schema (openapi-schema-
  // validator), which rejects 3.1 documents (`examples`, `type: "null"`, …). The document is Monite's, not
  // under test here, so that check is skipped; the parts that are used are still dereferenced and compiled.
  backend.validateDefinition = () => backend.document;
  await backend.init();

  const validator = new OpenAPIValidator({
    definition: backend.definition,
    router: backend.router,
    customizeAjv: (original, ajvOpts) => makeAjv(original, ajvOpts),
    lazyCompileValidators: true,
  });

  // The undocumented 401/429 (see UNDOCUMENTED_ERROR_STATUSES) are validated explicitly against the
  // document's own ErrorSchemaResponse, `{ error: { message } }`, with the same Ajv set-up.
  const errorSchema = backend.definition.components?.schemas?.ErrorSchemaResponse;
  const validateErrorBody = errorSchema ? makeAjv(null).compile(OpenAPIValidator.decycle(errorSchema)) : null;

  return { file, document, backend, validator, router: backend.router, validateErrorBody };
}

/** Specification extensions (`x-…`) may appear in Schema Objects; they are annotations, not constraints. */
function extensionKeywords(document) {
  const found = new Set();
  (function walk(node) {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('x-')) found.add(key);
        walk(value);
      }
    }
  })(document);
  return [...found];
}

/**
 * In OpenAPI 3.1 (JSON Schema 2020-12) a `$ref` may have sibling keywords (`{ "$ref": …, "examples": […] }`),
 * and both apply. openapi-backend's dereferencer merges such siblings into a shallow copy of the target,
 * which shares the target's arrays (`enum`, `required`) between objects, and its cycle-breaker then turns
 * the second occurrence of a shared array into a `$ref` object, which Ajv rejects. `{ …siblings, allOf:
 * [{ $ref }] }` means exactly the same in 2020-12 and dereferences to shared whole schemas only. Only
 * schemas are rewritten (`components.schemas` and every `schema` value), not other Reference Objects, and
 * only in the in-memory copy, never the file.
 */
function rewriteRefSiblings(document) {
  const visit = (node, key) => {
    if (key === 'schema') return wrapRefSiblings(node);
    if (Array.isArray(node)) return node.map((item) => visit(item));
    if (node === null || typeof node !== 'object') return node;
    const out = {};
    for (const [k, v] of Object.entries(node)) out[k] = visit(v, k);
    return out;
  };
  const out = visit(document);
  if (out.components?.schemas) out.components.schemas = wrapRefSiblings(document.components.schemas);
  return out;
}

function wrapRefSiblings(node) {
  if (Array.isArray(node)) return node.map(wrapRefSiblings);
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) out[key] = wrapRefSiblings(value);
  if (typeof out.$ref === 'string' && Object.keys(out).length > 1) {
    const { $ref, ...siblings } = out;
    return { ...siblings, allOf: [{ $ref }, ...(Array.isArray(siblings.allOf) ? siblings.allOf : [])] };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The recorder

function createRecorder(engine) {
  const counts = { requests: 0, responses: 0, failures: 0 };
  /**
   * @type {{ kind: 'request' | 'response', method: string, path: string, status?: number,
   *           operationId: string | null, errors: string[] }[]}
   */
  const failures = [];

  const record = (kind, call, result) => {
    counts[kind === 'request' ? 'requests' : 'responses'] += 1;
    if (!result.ok) {
      counts.failures += 1;
      failures.push({
        kind,
        method: String(call.method ?? '').toUpperCase(),
        path: String(call.path ?? ''),
        ...(kind === 'response' ? { status: Number(call.status) } : {}),
        operationId: result.operationId,
        errors: result.errors,
      });
    }
    return result;
  };

  return {
    /** Absolute path of the document. */
    documentPath: engine.file,
    /** The parsed document, as read (not dereferenced). */
    document: engine.document,
    /** Live counters: validations done and how many of them failed. */
    counts,
    /** Every failed validation so far, in order. */
    failures,
    /**
     * @param {{ method: string, path: string, query?: object | string | URLSearchParams, headers?: object,
     *            body?: unknown }} request
     * @returns {{ ok: boolean, errors: string[], operationId: string | null, route?: string }}
     */
    validateRequest(request) {
      return record('request', request, checkRequest(engine, request));
    },
    /**
     * @param {{ method: string, path: string, status: number, headers?: object, body?: unknown }} response
     * @returns {{ ok: boolean, errors: string[], operationId: string | null, route?: string }}
     */
    validateResponse(response) {
      return record('response', response, checkResponse(engine, response));
    },
    /** Throws when any validation failed, listing each failure (where and what). */
    assertAllValid() {
      if (failures.length === 0) return;
      const total = counts.requests + counts.responses;
      const lines = failures.map((f) => {
        const status = f.status !== undefined ? ` → ${f.status}` : '';
        const id = f.operationId ? ` (${f.operationId})` : '';
        return [`${f.kind} ${f.method} ${f.path}${status}${id}`, ...f.errors.map((e) => `    - ${e}`)].join('\n');
      });
      const error = new Error(
        `${failures.length} of ${total} contract validations against ${engine.file} failed:\n  ${lines.join('\n  ')}`,
      );
      error.name = 'ContractViolation';
      throw error;
    },
    /** Forgets counts and failures. */
    reset() {
      counts.requests = 0;
      counts.responses = 0;
      counts.failures = 0;
      failures.length = 0;
    },
    /** Operations of the document as `METHOD /template` with their operationId. */
    operations() {
      return engine.router
        .getOperations()
        .map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path }));
    },
    /** Compiles every operation's validators now (they are otherwise compiled on first use); returns how many. */
    compileAll() {
      const ops = engine.router.getOperations();
      for (const op of ops) {
        engine.validator.getRequestValidatorsForOperation(op.operationId);
        engine.validator.getStatusBasedResponseValidatorForOperation(op.operationId);
        engine.validator.getResponseHeadersValidatorForOperation(op.operationId);
      }
      return ops.length;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Checks

function findOperation(engine, method, rawPath) {
  const path = String(rawPath ?? '').split('?')[0];
  const verb = String(method ?? '').toLowerCase();
  const operation = engine.router.matchOperation({ method: verb, path, headers: {} });
  if (operation) return { operation };
  const hint = /^\/v\d+\//.test(path) ? ' (paths are given without the servers\' /v1 prefix)' : '';
  const sameTemplate = engine.router
    .getOperations()
    .filter((op) => new RegExp(`^${op.path.replace(/\{[^}]*\}/g, '[^/]+')}$`).test(path));
  if (sameTemplate.length > 0) {
    const allowed = [...new Set(sameTemplate.map((op) => op.method.toUpperCase()))].join(', ');
    const template = sameTemplate[0].path;
    return { error: `${verb.toUpperCase()} is not an operation of ${template} in the document (it has ${allowed})` };
  }
  return { error: `no path of the document matches ${verb.toUpperCase()} ${path}${hint}` };
}

function checkRequest(engine, { method, path, query, headers, body } = {}) {
  const found = findOperation(engine, method, path);
  if (found.error) return { ok: false, errors: [`request: ${found.error}`], operationId: null };
  const { operation } = found;
  const route = `${operation.method.toUpperCase()} ${operation.path}`;
  const errors = [];
  const hdrs = normalizeHeaders(headers);
  const parsed = parseBody(body, hdrs);
  if (parsed.error) errors.push(`request body: ${parsed.error}`);

  const result = engine.validator.validateRequest(
    {
      method: operation.method,
      path: String(path).split('?')[0],
      query: normalizeQuery(path, query),
      headers: hdrs,
      body: parsed.error ? undefined : parsed.value,
    },
    operation,
  );
  errors.push(...formatAjvErrors(result.errors ?? [], 'request'));

  // Request body against the operation's requestBody: openapi-backend validates a body the operation
  // declares, but ignores one sent to an operation that declares none, and does not look at its media type.
  const hasBody = parsed.value !== undefined;
  if (hasBody && !operation.requestBody) {
    errors.push(`request body: ${route} declares no request body, but one was sent`);
  } else if (hasBody && headers !== undefined) {
    checkMediaType(errors, 'request', hdrs, Object.keys(operation.requestBody.content ?? {}));
  }

  // Security requirements: openapi-backend checks these only in its server-side `handleRequest` (through
  // registered handlers), not in `validateRequest`, so the document's HTTP bearer scheme is checked here.
  const bearer = bearerRequirement(engine.backend.definition, operation);
  if (bearer && !/^Bearer\s+\S+/i.test(String(hdrs.authorization ?? ''))) {
    errors.push(`request header "authorization": ${route} requires ${bearer} (Authorization: Bearer <token>)`);
  }

  return { ok: errors.length === 0, errors: dedupe(errors), operationId: operation.operationId, route };
}

function checkResponse(engine, { method, path, status, headers, body } = {}) {
  const found = findOperation(engine, method, path);
  if (found.error) return { ok: false, errors: [`response ${status}: ${found.error}`], operationId: null };
  const { operation } = found;
  const route = `${operation.method.toUpperCase()} ${operation.path}`;
  const code = Number(status);
  const errors = [];
  const hdrs = normalizeHeaders(headers);
  const parsed = parseBody(body, hdrs);
  if (parsed.error) errors.push(`response body: ${parsed.error}`);
  const value = parsed.error ? undefined : parsed.value;
  const done = () => ({ ok: errors.length === 0, errors: dedupe(errors), operationId: operation.operationId, route });

  const statusKey = documentedStatus(operation.responses ?? {}, code);
  if (statusKey === undefined) {
    if (UNDOCUMENTED_ERROR_STATUSES.includes(code)) {
      // Left out of this copy of the document but returned by the real API (ORIGIN.md): validated here
      // explicitly against the document's ErrorSchemaResponse `{ error: { message } }`.
      const check = engine.validateErrorBody;
      if (!check) {
        errors.push(`response status: ${code} is not documented and the document has no ErrorSchemaResponse to check it against`);
      } else if (value === undefined) {
        errors.push(`response body: status ${code} must carry an ErrorSchemaResponse body, none was returned`);
      } else if (!check(value)) {
        const problems = formatAjvErrors(check.errors ?? [], 'response');
        errors.push(...problems.map((e) => `${e} (ErrorSchemaResponse for ${code})`));
      }
      if (headers !== undefined && value !== undefined) checkMediaType(errors, 'response', hdrs, ['application/json']);
      return done();
    }
    const documented = Object.keys(operation.responses ?? {}).join(', ');
    const accepted = UNDOCUMENTED_ERROR_STATUSES.join(', ');
    errors.push(`response status: ${code} is not documented for ${route} (documented: ${documented}; also accepted: ${accepted})`);
    return done();
  }

  const declared = Object.keys(operation.responses[statusKey]?.content ?? {});
  if (declared.length === 0) {
    if (value !== undefined && value !== null) {
      errors.push(`response body: ${route} → ${statusKey} declares no body, but one was returned`);
    }
  } else if (value === undefined) {
    errors.push(`response body: ${route} → ${statusKey} declares a body (${declared.join(', ')}), none was returned`);
  } else {
    const result = engine.validator.validateResponse(value, operation, code);
    errors.push(...formatAjvErrors(result.errors ?? [], 'response'));
    if (headers !== undefined) checkMediaType(errors, 'response', hdrs, declared);
  }
  if (headers !== undefined) {
    // Headers the document declares for this status are all required ('superset'); others are allowed.
    const options = { statusCode: code, setMatchType: 'superset' };
    const result = engine.validator.validateResponseHeaders(hdrs, operation, options);
    errors.push(...formatAjvErrors(result.errors ?? [], 'response-headers'));
  }
  return done();
}

/** The key of `responses` that describes `code`: exact, then `4XX`-style, then `default`. */
function documentedStatus(responses, code) {
  if (String(code) in responses) return String(code);
  const range = `${Math.floor(code / 100)}XX`;
  if (range in responses) return range;
  return 'default' in responses ? 'default' : undefined;
}

/** A body was sent: its Content-Type must be one of the media types the document declares for it. */
function checkMediaType(errors, side, headers, declared) {
  const type = mediaType(headers);
  if (!type) errors.push(`${side} header "content-type": missing, the body must be ${declared.join(' or ')}`);
  else if (!declared.includes(type)) {
    errors.push(`${side} header "content-type": ${type} is not declared (${declared.join(', ')})`);
  }
}

/** The name of the HTTP bearer scheme every alternative of the operation's `security` requires, if any. */
function bearerRequirement(definition, operation) {
  const requirements = operation.security ?? definition.security ?? [];
  if (requirements.length === 0) return null;
  const schemes = definition.components?.securitySchemes ?? {};
  const isBearer = (name) => schemes[name]?.type === 'http' && String(schemes[name]?.scheme).toLowerCase() === 'bearer';
  // Each alternative is an object of scheme names; `{}` means anonymous access is allowed.
  if (requirements.some((alt) => Object.keys(alt).length === 0 || !Object.keys(alt).some(isBearer))) return null;
  return Object.keys(requirements[0]).find(isBearer) ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Input normalization

/** Lower-cased header names; accepts a plain object, a `Headers` / `Map`, or `[name, value]` pairs. */
function normalizeHeaders(headers) {
  if (headers === undefined || headers === null) return {};
  const entries =
    typeof headers.entries === 'function' && !Array.isArray(headers)
      ? [...headers.entries()]
      : Array.isArray(headers)
        ? headers
        : Object.entries(headers);
  const out = {};
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    out[String(name).toLowerCase()] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
  }
  return out;
}

/**
 * Query as sent on the wire: every value a string, repeated names as arrays. Accepts an object, a
 * `URLSearchParams`, a query string, and a query string left on `path`.
 */
function normalizeQuery(path, query) {
  const out = {};
  const add = (name, value) => {
    if (value === undefined || value === null) return;
    const values = Array.isArray(value) ? value.map(String) : [String(value)];
    const prior = out[name];
    const all = prior === undefined ? values : [...(Array.isArray(prior) ? prior : [prior]), ...values];
    out[name] = all.length === 1 ? all[0] : all;
  };
  const fromString = (text) => {
    for (const [name, value] of new URLSearchParams(text)) add(name, value);
  };
  const rawPath = String(path ?? '');
  if (rawPath.includes('?')) fromString(rawPath.slice(rawPath.indexOf('?') + 1));
  if (typeof query === 'string') fromString(query.replace(/^\?/, ''));
  else if (query instanceof URLSearchParams) fromString(query.toString());
  else if (query && typeof query === 'object') for (const [name, value] of Object.entries(query)) add(name, value);
  return out;
}

function mediaType(headers) {
  const raw = headers['content-type'];
  return raw ? String(raw).split(';')[0].trim().toLowerCase() : '';
}

/** A body as a value: parsed objects pass through; JSON text or bytes are parsed; empty means none. */
function parseBody(body, headers) {
  if (body === undefined) return { value: undefined };
  let text = null;
  if (typeof body === 'string') text = body;
  else if (body instanceof Uint8Array) text = Buffer.from(body).toString('utf8');
  else if (body instanceof ArrayBuffer) text = Buffer.from(body).toString('utf8');
  if (text === null) return { value: body };
  if (text.trim() === '') return { value: undefined };
  const type = mediaType(headers);
  if (type && type !== 'application/json' && !type.endsWith('+json')) return { value: text };
  try {
    return { value: JSON.parse(text) };
  } catch (err) {
    return { error: `is not valid JSON (${err.message})` };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Ajv errors as sentences: "<request|response> <where>: <what> — got <value>"

function formatAjvErrors(errors, side) {
  const list = errors.filter((e) => e && typeof e === 'object');
  const isGroup = (e) => e.keyword === 'anyOf' || e.keyword === 'oneOf';
  // Ajv reports the failure of each alternative of an anyOf/oneOf (before the anyOf error itself); they
  // are folded into one sentence per outermost anyOf/oneOf.
  const memberOf = (e, group) =>
    e !== group && e.schemaPath.startsWith(`${group.schemaPath}/`) && e.instancePath.startsWith(group.instancePath);
  const groups = list.filter(isGroup);
  const lines = [];
  for (const error of list) {
    if (groups.some((group) => memberOf(error, group))) continue;
    if (!isGroup(error)) {
      lines.push(sentence(error, side));
      continue;
    }
    const where = location(error.instancePath, side);
    const got = error.data === null || typeof error.data !== 'object' ? ` — got ${show(error.data)}` : '';
    if (error.keyword === 'oneOf' && Array.isArray(error.params?.passingSchemas)) {
      const passing = error.params.passingSchemas.join(', ');
      lines.push(`${where}: matches more than one alternative of a oneOf (${passing})${got}`);
      continue;
    }
    const reasons = list
      .filter((other) => memberOf(other, error) && !isGroup(other))
      .map((branch) => {
        const rel = branch.instancePath.slice(error.instancePath.length);
        return `${rel ? `${rel}: ` : ''}${describe(branch)}`;
      });
    lines.push(`${where}: matches none of the ${error.keyword} alternatives (${dedupe(reasons).join('; ')})${got}`);
  }
  return dedupe(lines);
}

function sentence(error, side) {
  const { keyword, params = {} } = error;
  const child = (name) => location(`${error.instancePath}/${escapePointer(name)}`, side);
  if (keyword === 'required') return `${child(params.missingProperty)}: required, but missing`;
  if (keyword === 'additionalProperties') {
    return `${child(params.additionalProperty)}: not defined by the document (additionalProperties is false)`;
  }
  if (keyword === 'unevaluatedProperties') {
    return `${child(params.unevaluatedProperty)}: not defined by the document (unevaluatedProperties is false)`;
  }
  return `${location(error.instancePath, side)}: ${describe(error)}`;
}

function describe(error) {
  const { keyword, params = {}, data } = error;
  switch (keyword) {
    case 'enum':
      return `must be one of ${listValues(params.allowedValues)} — got ${show(data)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)} — got ${show(data)}`;
    case 'type':
      return `must be of type ${[params.type].flat().join(' or ')} — got ${show(data)}`;
    case 'format':
      return `must be a valid ${params.format} — got ${show(data)}`;
    case 'required':
      return `property ${JSON.stringify(params.missingProperty)} is required, but missing`;
    case 'additionalProperties':
      return `property ${JSON.stringify(params.additionalProperty)} is not defined by the document`;
    default: {
      const scalar = data !== undefined && (data === null || typeof data !== 'object');
      return `${error.message}${scalar ? ` — got ${show(data)}` : ''}`;
    }
  }
}

/** `/requestBody/a/0` → `request body at /a/0`; `/query/limit` → `request query parameter "limit"`. */
function location(instancePath, side) {
  const segments = instancePath.split('/').slice(1).map(unescapePointer);
  if (side === 'response-headers') {
    const [, name] = segments; // validated as { headers: {…} }
    return name === undefined ? 'response headers' : `response header "${name}"`;
  }
  if (side === 'response') return segments.length ? `response body at /${segments.join('/')}` : 'response body';
  const [part, name, ...rest] = segments;
  const tail = rest.length ? ` at /${rest.join('/')}` : '';
  switch (part) {
    case undefined:
      return 'request';
    case 'requestBody':
      return name === undefined ? 'request body' : `request body at /${[name, ...rest].join('/')}`;
    case 'query':
      return name === undefined ? 'request query' : `request query parameter "${name}"${tail}`;
    case 'header':
      return name === undefined ? 'request headers' : `request header "${name}"${tail}`;
    case 'path':
      return name === undefined ? 'request path' : `request path parameter "${name}"${tail}`;
    case 'cookie':
      return name === undefined ? 'request cookies' : `request cookie "${name}"${tail}`;
    default:
      return `request ${segments.join('/')}`;
  }
}

function escapePointer(s) {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

function unescapePointer(s) {
  return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

function show(value) {
  if (value === undefined) return 'nothing';
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function listValues(values) {
  const shown = values.slice(0, 8).map((v) => JSON.stringify(v));
  return values.length > 8 ? `${shown.join(', ')}, … (${values.length} values)` : shown.join(', ');
}

function dedupe(list) {
  return [...new Set(list)];
}
