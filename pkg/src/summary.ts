/**
 * The CLI's `--summary`: counts per section and status, the re-sync counts (links, drift, documents pushed
 * before, in progress, failed last time), and the problems, as plain-text tables.
 * @module
 */
import type { SyncPlan } from './api.js';

/** A count of the plan's summary, 0 when absent. */
function count(section: unknown, key: string): number {
  const value = typeof section === 'object' && section !== null ? (section as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' ? value : 0;
}

/**
 * The re-sync part (SPEC §3.0): the synced records read, links and drift per pull section, and per document
 * section what was pushed before, is on its way, or failed last time.
 */
function resync(plan: SyncPlan): string[] {
  const s = plan.summary as unknown as Record<string, Record<string, unknown> | undefined>;
  const records = s.synced_records;
  // The engine gives the re-sync counts only when the input had synced records.
  if (records === undefined) return ['RE-SYNC: none — a first sync (no synced records in the input)'];
  const pull = s.pull as Record<string, unknown>;
  const push = s.push as Record<string, unknown>;
  const lines = [
    `RE-SYNC (synced records: total ${count(records, 'total')}, counted ${count(records, 'counted')}, links ${count(records, 'links')}, ` +
      `unknown type ${count(records, 'unknown_type')})`,
  ];
  const links = ['linked', 'duplicate_link', 'linked_record_missing', 'name_drift'] as const;
  lines.push(
    table([
      ['', 'linked', 'duplicate link', 'missing link', 'name drift', 'country drift'],
      ['counterparts', ...links.map((k) => count(pull.counterparts, k)), count(pull.counterparts, 'country_drift')],
    ]),
  );
  lines.push(
    table([
      ['', 'linked', 'duplicate link', 'missing link', 'name drift'],
      ['products', ...links.map((k) => count(pull.products, k))],
    ]),
  );
  const sections: Array<[string, string]> = [['bills', 'bills'], ['invoices', 'invoices'], ['credit notes', 'credit_notes'], ['payment records', 'payment_records']];
  lines.push(
    table([
      ['', 'already pushed', 'in progress', 'last push failed'],
      ...sections.map(([label, key]): [string, number, number, number] => [
        label,
        count(push[key], 'already_pushed'),
        count(push[key], 'push_in_progress'),
        count(push[key], 'last_push_failed'),
      ]),
    ]),
  );
  return lines;
}

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
  lines.push('', ...resync(plan));
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
