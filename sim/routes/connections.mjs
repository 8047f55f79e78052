// Accounting connections: list, create (one per entity), get, disconnect, sync.
import { issue, json, validationError } from '../respond.mjs';
import { notFound } from './common.mjs';

/** @param {import('../router.mjs').Context} ctx */
function find(ctx) {
  const id = ctx.params.connection_id;
  const connection = ctx.store.connections.get(id);
  if (!connection || connection.entityId !== ctx.entityId) return { response: notFound('Accounting connection', id, 'connection_id') };
  return { connection };
}

/** @type {import('../router.mjs').Route[]} */
export const connectionRoutes = [
  {
    method: 'GET',
    template: '/accounting_connections',
    handle(ctx) {
      const data = ctx.store.connectionsOf(ctx.entityId).map(ctx.store.connectionView);
      return json(200, { data });
    },
  },
  {
    method: 'POST',
    template: '/accounting_connections',
    handle(ctx) {
      // One accounting system per entity (the guide): a connected or pending connection must be disconnected
      // first. The document lists only 201/405/422/500 for this operation, so the refusal is a 422.
      const active = ctx.store.activeConnection(ctx.entityId);
      if (active) {
        const platform = active.platform ? `, platform ${active.platform}` : '';
        return validationError([
          issue(
            'connection_already_exists',
            ['header', 'x-monite-entity-id'],
            `Entity ${ctx.entityId} already has an accounting connection (id ${active.id}, status ${active.status}${platform}); ` +
              'disconnect it before creating a new one',
          ),
        ]);
      }
      const connection = ctx.store.createConnection(ctx.entityId);
      ctx.counters.connectionsCreated += 1;
      return json(201, ctx.store.connectionView(connection));
    },
  },
  {
    method: 'GET',
    template: '/accounting_connections/{connection_id}',
    handle(ctx) {
      const found = find(ctx);
      if (!found.connection) return found.response;
      return json(200, ctx.store.connectionView(found.connection));
    },
  },
  {
    method: 'POST',
    template: '/accounting_connections/{connection_id}/disconnect',
    handle(ctx) {
      const found = find(ctx);
      if (!found.connection) return found.response;
      ctx.store.disconnect(found.connection);
      return json(200, ctx.store.connectionView(found.connection));
    },
  },
  {
    method: 'POST',
    template: '/accounting_connections/{connection_id}/sync',
    handle(ctx) {
      const found = find(ctx);
      if (!found.connection) return found.response;
      const { connection } = found;
      if (connection.status !== 'connected') {
        return validationError([
          issue('connection_not_connected', ['path', 'connection_id'], `Accounting connection ${connection.id} is ${connection.status}, not connected`),
        ]);
      }
      ctx.store.sync(connection);
      ctx.counters.syncs += 1;
      return json(202, { message: 'Synchronization started' });
    },
  },
];
