/**
 * `pushFailed`: pushes again the documents whose last push failed and that the plan now finds eligible
 * (SPEC §3.0: `sync_status: "error"`, warning `last_push_failed`, `eligible: true`), through
 * `POST /accounting_synced_records/{id}/push`. A push makes a document in the accounting system, so each is
 * sent once: after an answer that does not prove it was not processed it is reported, never resent.
 * @module
 */
import { ApiError, NetworkError, ProtocolError, PushRejectedError, RateLimitError, TimeoutError } from './errors.js';
import type { Requester } from './http.js';
import { pushSyncedRecord } from './synced-records.js';
import type {
  PushFailedOptions,
  PushFailedReport,
  RepushablePlan,
  RepushedRecord,
  RepushFailure,
  RepushSection,
  RepushSkip,
  RepushTarget,
  SyncRecord,
} from './types.js';
import type { Push } from '../generated/types.js';

export const REPUSH_SECTIONS: readonly RepushSection[] = ['bills', 'invoices', 'credit_notes', 'payment_records'];

/** The most pushes in flight at once, whatever is asked: a re-push is a burst of writes to one entity. */
const MAX_CONCURRENCY = 16;

/** Whether a push that failed with `error` may have been processed all the same. */
function isAmbiguous(error: unknown, signal: AbortSignal | undefined): boolean {
  if (signal?.aborted) return true;
  if (error instanceof NetworkError || error instanceof TimeoutError || error instanceof ProtocolError) return true;
  if (error instanceof RateLimitError) return false;
  if (error instanceof ApiError) return error.status >= 500 || error.status === 408;
  return false;
}

function asError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}

/** Which results to push and which to skip, in plan order. */
function select(plan: RepushablePlan, sections: readonly RepushSection[]): { targets: RepushTarget[]; skipped: RepushSkip[] } {
  const targets: RepushTarget[] = [];
  const skipped: RepushSkip[] = [];
  for (const section of sections) {
    const results: unknown = plan.push[section] ?? [];
    if (!Array.isArray(results)) throw new TypeError(`pushFailed: plan.push.${section} is not an array`);
    for (const result of results as Push[RepushSection]) {
      if (!(result.warnings ?? []).some((w) => w.code === 'last_push_failed')) continue;
      const recordId = typeof result.synced?.record_id === 'string' && result.synced.record_id !== '' ? result.synced.record_id : null;
      if (result.eligible && recordId !== null) targets.push({ section, monite_id: result.monite_id, record_id: recordId });
      else skipped.push({ section, monite_id: result.monite_id, record_id: recordId, reason: 'not_eligible', errors: [...result.errors] });
    }
  }
  return { targets, skipped };
}

export async function pushFailed(
  http: Requester,
  plan: RepushablePlan,
  options: PushFailedOptions & { defaultConcurrency: number },
): Promise<PushFailedReport> {
  if (typeof plan !== 'object' || plan === null || typeof plan.push !== 'object' || plan.push === null) {
    throw new TypeError('pushFailed: pass the plan that previewSync() returned');
  }
  const sections = options.sections ?? REPUSH_SECTIONS;
  const unknown = sections.filter((s) => !REPUSH_SECTIONS.includes(s));
  if (unknown.length > 0) throw new TypeError(`pushFailed: unknown section ${String(unknown[0])} (${REPUSH_SECTIONS.join(', ')})`);
  const concurrency = options.concurrency ?? options.defaultConcurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
    throw new TypeError(`pushFailed: concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}`);
  }
  const { signal } = options;
  const { targets, skipped } = select(plan, sections);

  const outcomes: Array<{ pushed: RepushedRecord } | { failed: RepushFailure } | undefined> = new Array(targets.length);
  let next = 0;
  const pushOne = async (target: RepushTarget): Promise<{ pushed: RepushedRecord } | { failed: RepushFailure }> => {
    let record: SyncRecord;
    try {
      record = await pushSyncedRecord(http, target.record_id, signal ? { signal } : {});
      if (typeof record !== 'object' || record === null || typeof record.sync_status !== 'string') {
        throw new ProtocolError('the push answer is not a synced record', { method: 'POST', path: `/accounting_synced_records/${encodeURIComponent(target.record_id)}/push` });
      }
    } catch (thrown) {
      return { failed: { ...target, error: asError(thrown), ambiguous: isAmbiguous(thrown, signal), record: null } };
    }
    if (record.sync_status === 'error') {
      return { failed: { ...target, error: new PushRejectedError(target.record_id, record.errors), ambiguous: false, record } };
    }
    return { pushed: { ...target, record } };
  };
  const worker = async (): Promise<void> => {
    while (next < targets.length && !signal?.aborted) {
      const index = next++;
      outcomes[index] = await pushOne(targets[index] as RepushTarget);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));

  const report: PushFailedReport = { pushed: [], failed: [], skipped: [], aborted: Boolean(signal?.aborted) };
  targets.forEach((target, index) => {
    const outcome = outcomes[index];
    if (outcome === undefined) report.skipped.push({ ...target, reason: 'aborted', errors: [] });
    else if ('pushed' in outcome) report.pushed.push(outcome.pushed);
    else report.failed.push(outcome.failed);
  });
  // Skips first by plan order within each reason: the still-not-eligible ones, then the aborted ones.
  report.skipped = [...skipped, ...report.skipped];
  return report;
}
