/**
 * Cursor pagination as the API does it: the first request carries the filters; each next one carries
 * `pagination_token` (the API infers the filters from it), `limit` (which it does not infer), and the
 * parameters the document marks required on every request (`object_type` of the sync logs).
 * @module
 */
import { ProtocolError } from './errors.js';
import type { QueryValue, Requester } from './http.js';
import { LISTS, type ListName } from './lists.js';
import type { Page } from './types.js';

export interface PageQuery {
  /** Which list (its documented answer is checked on every page). */
  list: ListName;
  path: string;
  /** Filters of the first request. */
  query?: Record<string, QueryValue>;
  /** Page size, within the list's bounds (see `listLimit`); sent with every request. */
  limit: number;
  /** Parameters the API requires on every request, next pages included. */
  always?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

/** Yields every page, following `next_pagination_token` until it is absent or null. */
export async function* pages<T>(http: Requester, request: PageQuery): AsyncGenerator<Page<T>, void, undefined> {
  const seen = new Set<string>();
  let token: string | null = null;
  for (;;) {
    const query: Record<string, QueryValue> =
      token === null
        ? { ...request.query, ...request.always, limit: request.limit }
        : { ...request.always, pagination_token: token, limit: request.limit };
    const { data: page, requestId } = await http.request<Page<T>>({
      method: 'GET',
      path: request.path,
      query,
      signal: request.signal,
      expect: LISTS[request.list].shape,
    });
    yield page;
    const next = page.next_pagination_token;
    if (typeof next !== 'string' || next === '') return;
    // A token seen before would loop forever.
    if (seen.has(next)) throw new ProtocolError('next_pagination_token repeats an earlier page', { method: 'GET', path: request.path, requestId });
    seen.add(next);
    token = next;
  }
}

/** Yields every item of every page. */
export async function* items<T>(http: Requester, request: PageQuery): AsyncGenerator<T, void, undefined> {
  for await (const page of pages<T>(http, request)) yield* page.data;
}

/** Every item of every page, in order. */
export async function collect<T>(http: Requester, request: PageQuery): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages<T>(http, request)) out.push(...page.data);
  return out;
}
