/**
 * The CLI's `--summary`: counts per section and status, and the problems, as a plain-text table.
 * @module
 */
import type { SyncPlan } from './api.js';

function table(rows: Array<[string, ...Array<string | number>]>): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, String(cell).length)));
  return rows
    .map((row) => row.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i] ?? 0) : String(cell).padStart(widths[i] ?? 0))).join('  '))
    .join('\n');
}

/** Renders the plan's summary and its first problems. */
export function renderSummary(plan: SyncPlan, maxProblems = 20): string {
  const s = plan.summary;
  const c = s.pull.counterparts;
  const p = s.pull.products;
  const pc = s.push.counterparts;
  const lines: string[] = [];
  lines.push('PULL');
  lines.push(
    table([
      ['', 'total', 'matched', 'unmatched', 'ambiguous', 'duplicate', 'suggested'],
      ['counterparts', c.total, c.matched, c.unmatched, c.ambiguous, c.duplicate_match, c.with_suggestions],
    ]),
  );
  lines.push(
    table([
      ['', 'total', 'match', 'create', 'none', 'multiple_matches'],
      ['products', p.total, p.match, p.create, p.none, p.multiple_matches],
    ]),
  );
  lines.push(`tax rates ${s.pull.tax_rates}, ledger accounts ${s.pull.ledger_accounts}`);
  lines.push('', 'PUSH');
  lines.push(
    table([
      ['', 'total', 'none', 'create', 'blocked'],
      ['counterparts', pc.total, pc.none, pc.create, pc.blocked],
    ]),
  );
  const push = s.push;
  lines.push(
    table([
      ['', 'total', 'eligible', 'not eligible'],
      ['bills', push.bills.total, push.bills.eligible, push.bills.not_eligible],
      ['invoices', push.invoices.total, push.invoices.eligible, push.invoices.not_eligible],
      ['credit notes', push.credit_notes.total, push.credit_notes.eligible, push.credit_notes.not_eligible],
      ['payment records', push.payment_records.total, push.payment_records.eligible, push.payment_records.not_eligible],
    ]),
  );
  const counts = new Map<string, number>();
  for (const e of plan.errors) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  lines.push('', `PROBLEMS (${plan.errors.length} sync errors)`);
  if (counts.size > 0) {
    lines.push(table([['code', 'count'], ...[...counts].sort((a, b) => b[1] - a[1]).map(([k, v]): [string, number] => [k, v])]));
    lines.push('');
    for (const e of plan.errors.slice(0, maxProblems)) lines.push(`${e.object_type} ${e.object_id}: ${e.code}: ${e.message}`);
    if (plan.errors.length > maxProblems) lines.push(`… and ${plan.errors.length - maxProblems} more (run without --summary for all)`);
  }
  return `${lines.join('\n')}\n`;
}
