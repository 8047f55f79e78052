// What every API request must pass before its route runs, in this order: the `x-monite-version` header, the
// Bearer token (except on public routes), the `x-monite-entity-id` header (entity-scoped routes), and the JSON
// body (routes that take one; the others take none).
import { isUuid } from './ids.mjs';
import { apiError, issue, validationError } from './respond.mjs';

/** The API version the simulator implements (`x-monite-version`). */
export const API_VERSION = '2024-05-25';

/**
 * @typedef {object} Admitted
 * @property {import('./auth.mjs').Principal | undefined} principal
 * @property {string} entityId
 * @property {import('./store.mjs').EntityData} entity
 * @property {unknown} body
 */

/**
 * @param {object} args
 * @param {import('./router.mjs').Route} args.route
 * @param {import('node:http').IncomingMessage} args.req
 * @param {string} args.rawBody
 * @param {import('./store.mjs').Store} args.store
 * @param {import('./auth.mjs').Auth} args.auth
 * @returns {{ admitted: Admitted, response?: undefined } | { response: import('./respond.mjs').SimResponse, admitted?: undefined }}
 */
export function admit({ route, req, rawBody, store, auth }) {
  const version = header(req, 'x-monite-version');
  if (version === undefined) return { response: validationError([issue('missing', ['header', 'x-monite-version'], 'Field required')]) };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(version) || Number.isNaN(Date.parse(version))) {
    return { response: validationError([issue('date_parsing', ['header', 'x-monite-version'], 'Input should be a valid date in the format YYYY-MM-DD')]) };
  }
  if (version !== API_VERSION) {
    return {
      response: validationError([
        issue('value_error', ['header', 'x-monite-version'], `Value error, unsupported API version ${version}; this simulator implements ${API_VERSION}`),
      ]),
    };
  }

  let principal;
  if (!route.public) {
    const checked = auth.verify(header(req, 'authorization'));
    if (!checked.principal) return { response: checked.response };
    principal = checked.principal;
  }

  let entityId = '';
  /** @type {import('./store.mjs').EntityData | undefined} */
  let entity;
  if (route.entityScoped !== false) {
    const value = header(req, 'x-monite-entity-id');
    if (value === undefined) return { response: validationError([issue('missing', ['header', 'x-monite-entity-id'], 'Field required')]) };
    if (!isUuid(value)) return { response: validationError([issue('uuid_parsing', ['header', 'x-monite-entity-id'], 'Input should be a valid UUID')]) };
    if (principal?.entityId && principal.entityId !== value) {
      return { response: apiError(403, `This access token is bound to entity ${principal.entityId}, not ${value}`) };
    }
    entity = store.entities.get(value);
    if (!entity) return { response: apiError(404, `Entity ${value} was not found`) };
    entityId = value;
  }

  let body;
  if (!route.body && rawBody.trim() !== '') {
    // The operation has no requestBody in the document (POST /accounting_connections among them: the entity user
    // picks the platform on the connection page), so a body is not part of any valid request; it is not read.
    return {
      response: validationError([
        issue('extra_forbidden', ['body'], `Extra inputs are not permitted: ${req.method} ${route.template} takes no request body`),
      ]),
    };
  }
  if (route.body) {
    if (!rawBody.trim()) return { response: validationError([issue('missing', ['body'], 'Field required')]) };
    try {
      body = JSON.parse(rawBody);
    } catch (error) {
      const at = /position (\d+)/.exec(String(error))?.[1];
      return { response: validationError([issue('json_invalid', ['body', at === undefined ? 0 : Number(at)], 'JSON decode error')]) };
    }
  }
  return { admitted: { principal, entityId, entity: /** @type {import('./store.mjs').EntityData} */ (entity), body } };
}

/** @param {import('node:http').IncomingMessage} req @param {string} name @returns {string | undefined} */
export function header(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
