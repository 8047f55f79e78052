/**
 * Sync logs: `GET /accounting_synced_records` (by `object_type`, cursor-paginated) as async iterators,
 * one record, and pushing one record again.
 * @module
 */
import type { QueryValue, Requester } from './http.js';
import { listLimit } from './lists.js';
import { items, pages, type PageQuery } from './pagination.js';
import { OBJECT_MATCH_TYPES, SHAPES } from './shapes.js';
import type { CallOptions, ObjectMatchType, SyncRecord, SyncRecordList } from './types.js';

const BASE = '/accounting_synced_records';

export interface SyncedRecordsOptions extends CallOptions {
  /** Required by the API: `product`, `customer`, `vendor`, `receivable`, `bill` or `payment_record`. */
  objectType: ObjectMatchType;
  /**
   * Page size: a whole number from 1 to 250 (the document's schema), default 250. Sent with every page, as the
   * API requires; any other value is a `TypeError` before any request.
   */
  limit?: number;
  /** More filters of the first request, by their API names (`object_id`, `created_at__gte`, `order`, …). */
  filters?: Record<string, QueryValue>;
}

function request(options: SyncedRecordsOptions): PageQuery {
  if (!OBJECT_MATCH_TYPES.includes(options?.objectType)) {
    throw new TypeError(`syncedRecords: objectType is required (${OBJECT_MATCH_TYPES.join(', ')})`);
  }
  return {
    list: 'accounting_synced_records',
    path: BASE,
    query: { ...options.filters },
    // The document requires object_type on every request, next pages included.
    always: { object_type: options.objectType },
    limit: listLimit('accounting_synced_records', options.limit, 'syncedRecords: limit'),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

/** Every synced record of one object type, page after page. */
export function syncedRecords(http: Requester, options: SyncedRecordsOptions): AsyncGenerator<SyncRecord, void, undefined> {
  return items<SyncRecord>(http, request(options));
}

/** The pages themselves (`data`, `next_pagination_token`, `prev_pagination_token`). */
export function syncedRecordPages(http: Requester, options: SyncedRecordsOptions): AsyncGenerator<SyncRecordList, void, undefined> {
  return pages<SyncRecord>(http, request(options));
}

/** `GET /accounting_synced_records/{id}`. */
export async function getSyncedRecord(http: Requester, id: string, options: CallOptions = {}): Promise<SyncRecord> {
  return (await http.request<SyncRecord>({ method: 'GET', path: `${BASE}/${encodeURIComponent(id)}`, signal: options.signal, expect: SHAPES.syncRecord })).data;
}

/**
 * `POST /accounting_synced_records/{id}/push`: pushes the record to the accounting system again. Sent at
 * most once unless the answer is 429 or 401: a push that failed after the accounting system accepted it
 * could otherwise create a duplicate document there.
 */
export async function pushSyncedRecord(http: Requester, id: string, options: CallOptions = {}): Promise<SyncRecord> {
  const result = await http.request<SyncRecord>({
    method: 'POST',
    path: `${BASE}/${encodeURIComponent(id)}/push`,
    repeat: 'once',
    checkBeforeRetry: 'check getSyncedRecord(id) before pushing again',
    signal: options.signal,
    expect: SHAPES.syncRecord,
  });
  return result.data;
}
