/**
 * The documented shapes of the answers the client reads (the API document, version 2024-05-25), checked on
 * every 2xx body before it is used (`RequestOptions.expect`): the fields the document requires of the
 * resources the client types, their JSON types and the enums the client decides on, and the fields the client
 * or the engine reads. A body that does not fit is a `ProtocolError` at once, naming the schema and the first
 * field that is wrong. Absent or `null` optional fields are accepted (the guide's own examples show `null`
 * where the document types a value); unknown fields are ignored. Problems name JSON types, never values, except
 * the value of an enum field, which the transport redacts of every known secret.
 * @module
 */

/** The check of a 2xx body: what is wrong with it, or null when it fits. */
export interface ResponseShape {
  /** The document's schema name, e.g. `AccountingConnectionResponse`. */
  readonly name: string;
  check(body: unknown): string | null;
}

/** Checks `value` found at `at` (`data[0].status`; empty for the body itself). */
type Check = (value: unknown, at: string) => string | null;

/** `ConnectionStatus`. */
export const CONNECTION_STATUSES = ['connected', 'disconnected', 'deauthorized', 'pending_auth'] as const;
/** `ObjectMatchTypes`: the `object_type` of synced records. */
export const OBJECT_MATCH_TYPES = ['product', 'customer', 'vendor', 'receivable', 'bill', 'payment_record'] as const;
/** `SyncStatus`. */
export const SYNC_STATUSES = ['pending', 'error', 'done'] as const;

const ENUM_VALUE_SHOWN = 40;

function kind(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value === '') return 'an empty string';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

const where = (at: string): string => (at === '' ? 'the body' : at);
const child = (at: string, key: string): string => (at === '' ? key : `${at}.${key}`);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const string: Check = (v, at) => (typeof v === 'string' ? null : `${where(at)} must be a string (got ${kind(v)})`);

/** An id: the client puts it into paths (`/counterparts/{id}/addresses`) and the engine keys records by it. */
const id: Check = (v, at) => (typeof v === 'string' && v !== '' ? null : `${where(at)} must be a non-empty string (got ${kind(v)})`);

const seconds: Check = (v, at) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? null : `${where(at)} must be a number of seconds ≥ 0 (got ${kind(v)})`;

function oneOf(values: readonly string[]): Check {
  return (v, at) => {
    if (typeof v === 'string' && values.includes(v)) return null;
    const got = typeof v === 'string' && v !== '' ? JSON.stringify(v.length > ENUM_VALUE_SHOWN ? `${v.slice(0, ENUM_VALUE_SHOWN)}…` : v) : kind(v);
    return `${where(at)} must be one of ${values.join(', ')} (got ${got})`;
  };
}

/** Absent or null, else `check`. */
function optional(check: Check): Check {
  return (v, at) => (v === undefined || v === null ? null : check(v, at));
}

function object(fields: Record<string, Check> = {}): Check {
  return (v, at) => {
    if (!isObject(v)) return `${where(at)} must be an object (got ${kind(v)})`;
    for (const [key, check] of Object.entries(fields)) {
      const problem = check(v[key], child(at, key));
      if (problem) return problem;
    }
    return null;
  };
}

function arrayOf(item: Check): Check {
  return (v, at) => {
    if (!Array.isArray(v)) return `${where(at)} must be an array (got ${kind(v)})`;
    for (let i = 0; i < v.length; i += 1) {
      const problem = item(v[i], `${where(at)}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
}

function shape(name: string, check: Check): ResponseShape {
  return { name, check: (body) => check(body, '') };
}

/** Any API record the client passes through to the engine: an object with an id. */
const record = object({ id });

const connection = object({
  id,
  created_at: string,
  updated_at: string,
  connection_url: string,
  status: optional(oneOf(CONNECTION_STATUSES)),
  platform: optional(string),
  errors: optional(arrayOf(object({ message: string }))),
  last_pull: optional(string),
});

const syncRecord = object({
  id,
  created_at: string,
  updated_at: string,
  last_pulled_at: string,
  object_type: oneOf(OBJECT_MATCH_TYPES),
  sync_status: oneOf(SYNC_STATUSES),
  errors: optional(object()),
  object_id: optional(string),
  object_updated_at: optional(string),
  platform: optional(string),
  platform_object_id: optional(string),
  platform_updated_at: optional(string),
});

/** A cursor-paginated list of `item`s (`data`, `next_pagination_token`, `prev_pagination_token`). */
export function pageShape(name: string, item: Check = record): ResponseShape {
  return shape(name, object({ data: arrayOf(item), next_pagination_token: optional(string), prev_pagination_token: optional(string) }));
}

export const SHAPES = {
  token: shape('AccessTokenResponse', object({ access_token: id, expires_in: seconds, token_type: optional(string) })),
  connection: shape('AccountingConnectionResponse', connection),
  connectionList: shape('AccountingConnectionList', object({ data: arrayOf(connection) })),
  message: shape('AccountingMessageResponse', object({ message: string })),
  syncRecord: shape('SyncRecordResource', syncRecord),
  syncRecordList: pageShape('SyncRecordResourceList', syncRecord),
  addresses: shape('CounterpartAddressResourceList', object({ data: arrayOf(record) })),
  settings: shape('SettingsResponse', object({ accounting: optional(object()) })),
} as const;
