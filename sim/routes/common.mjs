// Helpers the route modules share.
import { isUuid } from '../ids.mjs';
import { apiError, issue, json, validationError } from '../respond.mjs';

/**
 * The answer for an id that names nothing: 404 (`ErrorSchemaResponse`) for a well-formed UUID, else the 422
 * the document's path-parameter schema (`format: uuid`) implies.
 * @param {string} what  e.g. `Accounting connection`
 * @param {string} id @param {string} param  the path parameter's name
 */
export function notFound(what, id, param) {
  if (!isUuid(id)) return validationError([issue('uuid_parsing', ['path', param], 'Input should be a valid UUID')]);
  return apiError(404, `${what} ${id} was not found`);
}

/** A deep copy without the internal fields (symbol keys are not copied). @param {any} record */
export function copy(record) {
  return structuredClone(record);
}

/**
 * A `GET …/{param}` route answering one record of the entity's `collection` (a copy), or 404 naming it.
 * @param {string} template @param {string} param @param {string} what @param {string} collection
 */
export function getOne(template, param, what, collection) {
  return {
    method: 'GET',
    template,
    handle(ctx) {
      const id = ctx.params[param];
      const record = ctx.entity[collection].find((r) => r.id === id);
      return record ? json(200, copy(record)) : notFound(what, id, param);
    },
  };
}
