/**
 * `ledgerbridge push-failed --entity ID`: previews (as `preview`), then pushes again, with the client's
 * `pushFailed(plan)`, exactly the documents whose last push failed and that the plan finds eligible now.
 * Prints the report; `--dry-run` lists what would be pushed and sends nothing.
 * @module
 */
import type { PushFailedReport, RepushSection, RepushSkip, RepushTarget } from '../client/index.js';
import { REPUSH_SECTIONS } from '../client/repush.js';
import { type Command, EXIT, flag, issuePath, type Output, outputMode, OUTPUT_OPTIONS, printJson, text, texts, UsageError, type Values } from './io.js';
import { connect, REMOTE_ENVIRONMENT, REMOTE_EXITS, REMOTE_OPTIONS, REMOTE_USAGE } from './remote.js';

export const pushFailed: Command = {
  name: 'push-failed',
  summary: 'push again the documents whose last push failed and that are eligible now',
  usage: `usage: ledgerbridge push-failed --entity ID [--base-url URL] [--accounting FILE] [--policy FILE]
                              [--section NAME]… [--concurrency N] [--dry-run] [--summary | --json]

  Previews the entity (as preview does, with its synced records), then sends
  POST /accounting_synced_records/{id}/push for each document whose last push failed
  (last_push_failed) and that the plan finds eligible now. Each push is sent once: after no answer, a
  timeout or a 5xx it is reported as failed and ambiguous (it may have gone through), never resent.

${REMOTE_USAGE}

  --section NAME    only bills, invoices, credit_notes or payment_records (repeatable; default all four)
  --concurrency N   pushes in flight at once, 1–16 (default 4)
  --dry-run         list what would be pushed and what is skipped; send nothing
  --json            the report { pushed, failed, skipped, aborted } as JSON (the default)
  --summary         a readable list instead
  -h, --help        this text

${REMOTE_ENVIRONMENT}

  Exit: 0 every push went through, or there was nothing to push (skipped documents are not failures);
        1 some push failed (see failed[].error, and failed[].ambiguous before pushing it again);
        ${REMOTE_EXITS} — a Ctrl-C during the pushes still prints the report
`,
  options: {
    ...REMOTE_OPTIONS,
    section: { type: 'string', multiple: true },
    concurrency: { type: 'string' },
    'dry-run': { type: 'boolean' },
    ...OUTPUT_OPTIONS,
  },
  positionals: [0, 0],
  async run(values, _positionals, context) {
    const mode = outputMode(pushFailed, values);
    const sections = sectionsOf(values);
    const concurrency = concurrencyOf(values);
    const remote = connect(pushFailed, values, context);
    const plan = await remote.preview({ syncedRecords: true });
    const { stdout } = context;
    if (flag(values, 'dry-run')) {
      // pushFailed with a signal that is already aborted selects exactly as a real run and sends nothing: what
      // it would have sent comes back skipped with reason `aborted`.
      const selected = await remote.client.pushFailed(plan, { sections, signal: AbortSignal.abort() });
      const wouldPush: RepushTarget[] = selected.skipped.filter((s) => s.reason === 'aborted').map(({ section, monite_id, record_id }) => ({ section, monite_id, record_id: record_id as string }));
      const skipped = selected.skipped.filter((s) => s.reason !== 'aborted');
      if (mode === 'json') printJson(stdout, { dry_run: true, would_push: wouldPush, skipped });
      else printDryRun(stdout, wouldPush, skipped);
      return EXIT.ok;
    }
    const report = await remote.client.pushFailed(plan, { sections, signal: remote.signal, ...(concurrency === undefined ? {} : { concurrency }) });
    remote.progress.done('pushed');
    if (mode === 'json') printJson(stdout, reportJson(report));
    else printReport(stdout, report);
    if (report.aborted) return EXIT.interrupted;
    return report.failed.length > 0 ? EXIT.negative : EXIT.ok;
  },
};

function sectionsOf(values: Values): RepushSection[] | undefined {
  const given = texts(values, 'section');
  if (given.length === 0) return undefined;
  const unknown = given.find((s) => !(REPUSH_SECTIONS as readonly string[]).includes(s));
  if (unknown !== undefined) throw new UsageError(`push-failed: --section ${unknown}: expected one of ${REPUSH_SECTIONS.join(', ')}`, pushFailed.usage);
  return [...new Set(given)] as RepushSection[];
}

function concurrencyOf(values: Values): number | undefined {
  const given = text(values, 'concurrency');
  if (given === undefined) return undefined;
  const n = Number(given);
  if (!/^\d+$/.test(given) || n < 1 || n > 16) throw new UsageError(`push-failed: --concurrency ${given}: expected a whole number from 1 to 16`, pushFailed.usage);
  return n;
}

/** An error as JSON: its name, message and own fields (status, requestId, apiErrors, …); never its stack or cause. */
function errorJson(error: Error): Record<string, unknown> {
  const fields = Object.entries(error).filter(([key]) => key !== 'cause' && key !== 'stack');
  return { name: error.name, message: error.message, ...Object.fromEntries(fields) };
}

/** The report with each failure's error readable as JSON (an `Error` has no JSON form of its own). */
function reportJson(report: PushFailedReport): unknown {
  return { ...report, failed: report.failed.map((f) => ({ ...f, error: errorJson(f.error) })) };
}

const where = (t: { section: string; monite_id: string; record_id: string | null }) => `${t.section} ${t.monite_id} (synced record ${t.record_id ?? 'none'})`;

function skippedLines(out: Output, skipped: RepushSkip[]): string[] {
  return skipped.map((s) => {
    const why = s.reason === 'aborted' ? 'not sent: interrupted' : s.errors.map((e) => `${issuePath(e.path, 'document')}: ${e.code}`).join('; ');
    return `${out.paint('dim', 'skipped')}  ${where(s)}: ${why}`;
  });
}

function printDryRun(out: Output, wouldPush: RepushTarget[], skipped: RepushSkip[]): void {
  const lines = [`${out.paint('bold', 'PUSH-FAILED (dry run)')}: would push ${wouldPush.length}, skip ${skipped.length}; nothing sent`];
  for (const t of wouldPush) lines.push(`${out.paint('green', 'would push')}  ${where(t)}`);
  lines.push(...skippedLines(out, skipped));
  out.write(`${lines.join('\n')}\n`);
}

function printReport(out: Output, report: PushFailedReport): void {
  const head = `${report.pushed.length} pushed, ${report.failed.length} failed, ${report.skipped.length} skipped${report.aborted ? ' (interrupted)' : ''}`;
  const lines = [`${out.paint('bold', 'PUSH-FAILED')}: ${head}`];
  for (const p of report.pushed) {
    const platform = p.record.platform_object_id ? `, accounting id ${p.record.platform_object_id}` : '';
    lines.push(`${out.paint('green', 'pushed')}   ${where(p)}: ${p.record.sync_status}${platform}`);
  }
  for (const f of report.failed) {
    lines.push(`${out.paint('red', 'failed')}   ${where(f)}: ${f.error.name}: ${f.error.message}`);
    if (f.ambiguous) lines.push(`         ${out.paint('yellow', 'ambiguous')}: it may have gone through — check GET /accounting_synced_records/${f.record_id} before pushing it again`);
  }
  lines.push(...skippedLines(out, report.skipped));
  out.write(`${lines.join('\n')}\n`);
}
