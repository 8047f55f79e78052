// Records pulled from the accounting system: tax rates and ledger accounts (from `accounting.*` of the data).
import { listResponse } from '../lists.mjs';
import { copy, getOne } from './common.mjs';

/** @type {import('../router.mjs').Route[]} */
export const accountingRoutes = [
  {
    method: 'GET',
    template: '/accounting_tax_rates',
    handle(ctx) {
      return listResponse({ spec: ctx.list('accounting_tax_rates'), params: ctx.query, scope: ctx.entityId, items: ctx.entity.taxRates, view: copy });
    },
  },
  getOne('/accounting_tax_rates/{tax_rate_id}', 'tax_rate_id', 'Tax rate', 'taxRates'),
  {
    method: 'GET',
    template: '/ledger_accounts',
    handle(ctx) {
      return listResponse({ spec: ctx.list('ledger_accounts'), params: ctx.query, scope: ctx.entityId, items: ctx.entity.ledgerAccounts, view: copy });
    },
  },
  getOne('/ledger_accounts/{ledger_account_id}', 'ledger_account_id', 'Ledger account', 'ledgerAccounts'),
];
