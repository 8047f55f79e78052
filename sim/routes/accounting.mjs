// Records pulled from the accounting system: tax rates and ledger accounts (from `accounting.*` of the data).
import { json } from '../respond.mjs';
import { listResponse } from '../lists.mjs';
import { copy, notFound } from './common.mjs';

/** @type {import('../router.mjs').Route[]} */
export const accountingRoutes = [
  {
    method: 'GET',
    template: '/accounting_tax_rates',
    handle(ctx) {
      return listResponse({ spec: ctx.list('accounting_tax_rates'), params: ctx.query, scope: ctx.entityId, items: ctx.entity.taxRates, view: copy });
    },
  },
  {
    method: 'GET',
    template: '/accounting_tax_rates/{tax_rate_id}',
    handle(ctx) {
      const rate = ctx.entity.taxRates.find((r) => r.id === ctx.params.tax_rate_id);
      return rate ? json(200, copy(rate)) : notFound('Tax rate', ctx.params.tax_rate_id, 'tax_rate_id');
    },
  },
  {
    method: 'GET',
    template: '/ledger_accounts',
    handle(ctx) {
      return listResponse({ spec: ctx.list('ledger_accounts'), params: ctx.query, scope: ctx.entityId, items: ctx.entity.ledgerAccounts, view: copy });
    },
  },
  {
    method: 'GET',
    template: '/ledger_accounts/{ledger_account_id}',
    handle(ctx) {
      const account = ctx.entity.ledgerAccounts.find((a) => a.id === ctx.params.ledger_account_id);
      return account ? json(200, copy(account)) : notFound('Ledger account', ctx.params.ledger_account_id, 'ledger_account_id');
    },
  },
];
