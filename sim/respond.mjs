// Response values and the two error shapes of the API document. Handlers return a `SimResponse` instead of
// writing to the socket, so the server can delay it, drop it after processing, or count it first.

/**
 * @typedef {object} SimResponse
 * @property {number} status
 * @property {Record<string, string>} [headers]
 * @property {unknown} [body]    serialized as JSON
 * @property {string} [html]     sent as text/html instead of `body`
 */

/**
 * One entry of `HTTPValidationError.detail` (`ValidationError`: `loc`, `msg`, `type`).
 * @typedef {{ loc: (string | number)[], msg: string, type: string }} ValidationIssue
 */

/** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] @returns {SimResponse} */
export function json(status, body, headers) {
  return { status, body, headers };
}

/** @param {number} status @param {string} text @param {Record<string, string>} [headers] @returns {SimResponse} */
export function html(status, text, headers) {
  return { status, html: text, headers };
}

/**
 * `ErrorSchemaResponse`: `{ "error": { "message": "…" } }` — every non-422 error.
 * @param {number} status @param {string} message @param {Record<string, string>} [headers]
 * @returns {SimResponse}
 */
export function apiError(status, message, headers) {
  return { status, body: { error: { message } }, headers };
}

/**
 * `HTTPValidationError`: 422 `{ "detail": [ValidationError…] }`.
 * @param {ValidationIssue[]} detail
 * @returns {SimResponse}
 */
export function validationError(detail) {
  return { status: 422, body: { detail } };
}

/**
 * @param {string} type  pydantic-style error type (`missing`, `uuid_parsing`, `enum`, …)
 * @param {(string | number)[]} loc
 * @param {string} msg
 * @returns {ValidationIssue}
 */
export function issue(type, loc, msg) {
  return { loc, msg, type };
}

/** @param {string} location @returns {SimResponse} */
export function seeOther(location) {
  return { status: 303, headers: { location }, html: `<!doctype html><p>See <a href="${location}">${location}</a></p>` };
}

/**
 * Writes a response. Errors on an already-closed socket are ignored: the client may have given up (its
 * timeout) while the simulator was still delaying — the server does not learn of it, as a real one would not.
 * @param {import('node:http').ServerResponse} res
 * @param {SimResponse} response
 * @param {Record<string, string>} baseHeaders  headers every response carries (x-request-id, CORS)
 */
export function write(res, response, baseHeaders) {
  if (res.destroyed || res.writableEnded) return;
  const headers = { ...baseHeaders, ...(response.headers ?? {}) };
  /** @type {string | undefined} */
  let payload;
  if (response.html !== undefined) {
    headers['content-type'] = 'text/html; charset=utf-8';
    payload = response.html;
  } else if (response.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(response.body);
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  try {
    res.writeHead(response.status, headers);
    res.end(payload);
  } catch {
    // the socket went away; nothing to tell
  }
}
