// Access tokens: `POST /auth/token` (grants `client_credentials` and `entity_user`) and the Bearer check that
// guards every other endpoint. Tokens are opaque, expire after `tokenTtlSeconds` of the injected clock, and can
// all be expired at once (`faults.expireTokens()`), which is how tests make a client meet a 401 mid-flight.
import { isUuid } from './ids.mjs';
import { apiError, issue, validationError } from './respond.mjs';

/**
 * @typedef {object} Principal
 * @property {'client_credentials' | 'entity_user'} grant
 * @property {string | undefined} entityId     set for entity-user tokens: the only entity they may act on
 * @property {string | undefined} entityUserId
 */

const FIELDS = ['client_id', 'client_secret', 'grant_type', 'entity_user_id'];

/**
 * @param {object} options
 * @param {() => number} options.now
 * @param {import('./ids.mjs').IdSource} options.ids
 * @param {number} options.ttlSeconds
 * @param {string} options.clientId
 * @param {string} options.clientSecret
 * @param {Record<string, string>} options.entityUsers   entity user id → entity id
 */
export function createAuth({ now, ids, ttlSeconds, clientId, clientSecret, entityUsers }) {
  /** @type {Map<string, Principal & { expiresAt: number }>} */
  const tokens = new Map();

  /**
   * Validates an `ObtainTokenPayload` and issues a token.
   * @param {unknown} body  the parsed JSON body
   * @returns {{ token: { access_token: string, expires_in: number, token_type: 'Bearer' }, response?: undefined } |
   *           { response: import('./respond.mjs').SimResponse, token?: undefined }}
   */
  function issueToken(body) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { response: validationError([issue('model_attributes_type', ['body'], 'Input should be a valid dictionary or object to extract fields from')]) };
    }
    const payload = /** @type {Record<string, unknown>} */ (body);
    const issues = [];
    for (const key of Object.keys(payload)) {
      if (!FIELDS.includes(key)) issues.push(issue('extra_forbidden', ['body', key], 'Extra inputs are not permitted'));
    }
    for (const key of ['client_id', 'client_secret', 'grant_type']) {
      if (payload[key] === undefined) issues.push(issue('missing', ['body', key], 'Field required'));
      else if (typeof payload[key] !== 'string') issues.push(issue('string_type', ['body', key], 'Input should be a valid string'));
    }
    if (typeof payload.client_id === 'string' && !isUuid(payload.client_id)) {
      issues.push(issue('uuid_parsing', ['body', 'client_id'], 'Input should be a valid UUID'));
    }
    const grant = payload.grant_type;
    if (typeof grant === 'string' && grant !== 'client_credentials' && grant !== 'entity_user') {
      issues.push(issue('enum', ['body', 'grant_type'], "Input should be 'client_credentials' or 'entity_user'"));
    }
    const userId = payload.entity_user_id;
    if (userId !== undefined && userId !== null && !isUuid(userId)) {
      issues.push(issue('uuid_parsing', ['body', 'entity_user_id'], 'Input should be a valid UUID'));
    }
    if (grant === 'entity_user' && (userId === undefined || userId === null)) {
      issues.push(issue('missing', ['body', 'entity_user_id'], 'Field required for grant_type entity_user'));
    }
    if (issues.length) return { response: validationError(issues) };
    if (payload.client_id !== clientId || payload.client_secret !== clientSecret) {
      return { response: apiError(401, 'Invalid client credentials') };
    }
    /** @type {Principal} */
    let principal = { grant: 'client_credentials', entityId: undefined, entityUserId: undefined };
    if (grant === 'entity_user') {
      const entityId = entityUsers[/** @type {string} */ (userId)];
      if (!entityId) return { response: apiError(401, 'Unknown entity user') };
      principal = { grant: 'entity_user', entityId, entityUserId: /** @type {string} */ (userId) };
    }
    const accessToken = ids.token(32);
    tokens.set(accessToken, { ...principal, expiresAt: now() + ttlSeconds * 1000 });
    return { token: { access_token: accessToken, expires_in: ttlSeconds, token_type: 'Bearer' } };
  }

  /**
   * Checks `Authorization: Bearer <token>`.
   * @param {string | undefined} header
   * @returns {{ principal: Principal, response?: undefined } | { response: import('./respond.mjs').SimResponse, principal?: undefined }}
   */
  function verify(header) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
    if (!match) {
      return { response: apiError(401, 'Not authenticated: send Authorization: Bearer <access token>', { 'www-authenticate': 'Bearer' }) };
    }
    const entry = tokens.get(match[1]);
    if (!entry) {
      return { response: apiError(401, 'Access token is invalid', { 'www-authenticate': 'Bearer error="invalid_token"' }) };
    }
    if (now() >= entry.expiresAt) {
      return { response: apiError(401, 'Access token has expired', { 'www-authenticate': 'Bearer error="invalid_token"' }) };
    }
    const { expiresAt: _, ...principal } = entry;
    return { principal };
  }

  return {
    issueToken,
    verify,
    /** Makes every token issued so far expired (new ones are valid again). */
    expireAll() {
      const t = now();
      for (const entry of tokens.values()) entry.expiresAt = Math.min(entry.expiresAt, t);
    },
    reset() {
      tokens.clear();
    },
    get size() {
      return tokens.size;
    },
  };
}

/** @typedef {ReturnType<typeof createAuth>} Auth */
