// Synced records (sync logs): list by object type, get one, push one.
import { issue, json, validationError } from '../respond.mjs';
import { dateTimeParam, enumParam, listResponse, uuidListParam } from '../lists.mjs';
import { OBJECT_TYPES } from '../store.mjs';
import { notFound } from './common.mjs';
const TIME_FILTERS = ['created_at__gt', 'created_at__lt', 'created_at__gte', 'created_at__lte',
  'updated_at__gt', 'updated_at__lt', 'updated_at__gte', 'updated_at__lte'];

/** @param {import('../router.mjs').Context} ctx */
function find(ctx) {
  const id = ctx.params.synced_record_id;
  const record = ctx.store.syncedRecords.get(id);
  if (!record || record.entityId !== ctx.entityId) return { response: notFound('Synced record', id, 'synced_record_id') };
  return { record };
}

/** @type {import('../router.mjs').Route[]} */
export const syncedRecordRoutes = [
  {
    method: 'GET',
    template: '/accounting_synced_records',
    handle(ctx) {
      // `object_type` is required on every page, also next to a `pagination_token` (which then decides it).
      /** @type {import('../respond.mjs').ValidationIssue[]} */
      const issues = [];
      enumParam(ctx.query, 'object_type', OBJECT_TYPES, issues, true);
      if (issues.length) return validationError(issues);
      const items = [...ctx.store.syncedRecords.values()].filter((r) => r.entityId === ctx.entityId);
      return listResponse({
        spec: ctx.list('accounting_synced_records'),
        params: ctx.query,
        scope: ctx.entityId,
        items,
        readFilters(params, issues) {
          /** @type {Record<string, unknown>} */
          const filters = { object_type: enumParam(params, 'object_type', OBJECT_TYPES, issues, true) };
          const ids = [...(uuidListParam(params, 'object_id', issues) ?? []), ...(uuidListParam(params, 'object_id__in', issues) ?? [])];
          if (ids.length) filters.object_ids = ids;
          for (const name of TIME_FILTERS) {
            const value = dateTimeParam(params, name, issues);
            if (value !== undefined) filters[name] = value;
          }
          return filters;
        },
        keep(r, f) {
          if (r.objectType !== f.object_type) return false;
          if (f.object_ids && !f.object_ids.includes(r.objectId)) return false;
          for (const name of TIME_FILTERS) {
            if (f[name] === undefined) continue;
            const [field, op] = name.split('__');
            const value = field === 'created_at' ? r.createdAt : r.updatedAt;
            if (op === 'gt' && !(value > f[name])) return false;
            if (op === 'lt' && !(value < f[name])) return false;
            if (op === 'gte' && !(value >= f[name])) return false;
            if (op === 'lte' && !(value <= f[name])) return false;
          }
          return true;
        },
        view: ctx.store.syncedRecordView,
      });
    },
  },
  {
    method: 'GET',
    template: '/accounting_synced_records/{synced_record_id}',
    handle(ctx) {
      const found = find(ctx);
      if (!found.record) return found.response;
      return json(200, ctx.store.syncedRecordView(found.record));
    },
  },
  {
    method: 'POST',
    template: '/accounting_synced_records/{synced_record_id}/push',
    handle(ctx) {
      const found = find(ctx);
      if (!found.record) return found.response;
      const connected = ctx.store.connectionsOf(ctx.entityId).find((c) => c.status === 'connected');
      if (!connected) {
        return validationError([
          issue('connection_not_connected', ['path', 'synced_record_id'], `Entity ${ctx.entityId} has no connected accounting system to push to`),
        ]);
      }
      ctx.store.push(found.record, connected);
      ctx.counters.pushes += 1;
      return json(200, ctx.store.syncedRecordView(found.record));
    },
  },
];
