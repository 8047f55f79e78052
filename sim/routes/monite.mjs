// The Monite-side collections the plan preview reads: counterparts (+ addresses), products, payables
// (+ line items), receivables, payment records, entity settings. Read-only, served from the seeded data.
import { apiError, json } from '../respond.mjs';
import { boolParam, enumParam, listResponse, uuidListParam } from '../lists.mjs';
import { copy, getOne, notFound } from './common.mjs';

const PAYABLE_STATES = ['draft', 'new', 'approve_in_progress', 'waiting_to_be_paid', 'partially_paid', 'paid', 'canceled', 'rejected'];
const RECEIVABLE_TYPES = ['quote', 'invoice', 'credit_note'];
const RECEIVABLE_STATES = ['draft', 'issuing', 'issued', 'failed', 'accepted', 'expired', 'declined', 'recurring',
  'partially_paid', 'paid', 'overdue', 'uncollectible', 'canceled', 'deleted'];

/** @param {any} cp */
const nameOf = (cp) =>
  String(cp?.organization?.legal_name ?? [cp?.individual?.first_name, cp?.individual?.last_name].filter(Boolean).join(' '));

/** @type {import('../router.mjs').Route[]} */
export const moniteRoutes = [
  {
    method: 'GET',
    template: '/counterparts',
    handle(ctx) {
      return listResponse({
        spec: ctx.list('counterparts'),
        params: ctx.query,
        scope: ctx.entityId,
        items: ctx.entity.counterparts,
        readFilters(params, issues) {
          return {
            type: enumParam(params, 'type', ['individual', 'organization'], issues),
            is_customer: boolParam(params, 'is_customer', issues),
            is_vendor: boolParam(params, 'is_vendor', issues),
            id__in: uuidListParam(params, 'id__in', issues),
            name_icontains: params.get('counterpart_name__icontains')?.toLowerCase(),
          };
        },
        keep(cp, f) {
          const roles = cp.organization ?? cp.individual ?? {};
          if (f.type !== undefined && cp.type !== f.type) return false;
          if (f.is_customer !== undefined && Boolean(roles.is_customer) !== f.is_customer) return false;
          if (f.is_vendor !== undefined && Boolean(roles.is_vendor) !== f.is_vendor) return false;
          if (f.id__in && !f.id__in.includes(cp.id)) return false;
          if (f.name_icontains && !nameOf(cp).toLowerCase().includes(f.name_icontains)) return false;
          return true;
        },
        view: copy,
      });
    },
  },
  getOne('/counterparts/{counterpart_id}', 'counterpart_id', 'Counterpart', 'counterparts'),
  {
    method: 'GET',
    template: '/counterparts/{counterpart_id}/addresses',
    handle(ctx) {
      const id = ctx.params.counterpart_id;
      const addresses = ctx.entity.addresses.get(id);
      if (!addresses) return notFound('Counterpart', id, 'counterpart_id');
      // CounterpartAddressResourceList: all addresses at once, no pagination fields.
      return json(200, { data: addresses.map(copy) });
    },
  },
  {
    method: 'GET',
    template: '/products',
    handle(ctx) {
      return listResponse({
        spec: ctx.list('products'),
        params: ctx.query,
        scope: ctx.entityId,
        items: ctx.entity.products,
        readFilters(params, issues) {
          return { type: enumParam(params, 'type', ['product', 'service'], issues) };
        },
        keep: (p, f) => f.type === undefined || p.type === f.type,
        view: copy,
      });
    },
  },
  {
    method: 'GET',
    template: '/payables',
    handle(ctx) {
      return listResponse({
        spec: ctx.list('payables'),
        params: ctx.query,
        scope: ctx.entityId,
        items: ctx.entity.payables,
        readFilters(params, issues) {
          return {
            status: enumParam(params, 'status', PAYABLE_STATES, issues),
            counterpart_id: uuidListParam(params, 'counterpart_id', issues)?.[0],
          };
        },
        keep: (p, f) => (f.status === undefined || p.status === f.status) && (f.counterpart_id === undefined || p.counterpart_id === f.counterpart_id),
        view: copy,
      });
    },
  },
  getOne('/payables/{payable_id}', 'payable_id', 'Payable', 'payables'),
  {
    method: 'GET',
    template: '/payables/{payable_id}/line_items',
    handle(ctx) {
      const id = ctx.params.payable_id;
      const lines = ctx.entity.lineItems.get(id);
      if (!lines) return notFound('Payable', id, 'payable_id');
      return listResponse({
        spec: ctx.list('line_items'),
        params: ctx.query,
        scope: `${ctx.entityId}/${id}`,
        items: lines,
        view: copy,
      });
    },
  },
  {
    method: 'GET',
    template: '/receivables',
    handle(ctx) {
      return listResponse({
        spec: ctx.list('receivables'),
        params: ctx.query,
        scope: ctx.entityId,
        items: ctx.entity.receivables,
        readFilters(params, issues) {
          return {
            type: enumParam(params, 'type', RECEIVABLE_TYPES, issues),
            status: enumParam(params, 'status', RECEIVABLE_STATES, issues),
            counterpart_id: uuidListParam(params, 'counterpart_id', issues)?.[0],
          };
        },
        keep: (r, f) =>
          (f.type === undefined || r.type === f.type) &&
          (f.status === undefined || r.status === f.status) &&
          (f.counterpart_id === undefined || r.counterpart_id === f.counterpart_id),
        view: copy,
      });
    },
  },
  getOne('/receivables/{receivable_id}', 'receivable_id', 'Receivable', 'receivables'),
  {
    method: 'GET',
    template: '/payment_records',
    handle(ctx) {
      return listResponse({
        spec: ctx.list('payment_records'),
        params: ctx.query,
        scope: ctx.entityId,
        items: ctx.entity.paymentRecords,
        readFilters(params, issues) {
          return {
            object_type: enumParam(params, 'object_type', ['receivable', 'payable'], issues),
            object_ids: [...(uuidListParam(params, 'object_id', issues) ?? []), ...(uuidListParam(params, 'object_id__in', issues) ?? [])],
          };
        },
        keep: (r, f) =>
          (f.object_type === undefined || r.object?.type === f.object_type) &&
          (!f.object_ids?.length || f.object_ids.includes(r.object?.id)),
        view: copy,
      });
    },
  },
  getOne('/payment_records/{payment_record_id}', 'payment_record_id', 'Payment record', 'paymentRecords'),
  {
    method: 'GET',
    template: '/entities/{entity_id}/settings',
    entityScoped: false,
    handle(ctx) {
      const id = ctx.params.entity_id;
      if (ctx.principal?.entityId && ctx.principal.entityId !== id) {
        return apiError(403, `This access token is bound to entity ${ctx.principal.entityId}, not ${id}`);
      }
      const entity = ctx.store.entities.get(id);
      if (!entity) return notFound('Entity', id, 'entity_id');
      return json(200, copy(entity.settings));
    },
  },
];
