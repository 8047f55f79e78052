/**
 * What `preview` and `push-failed` share: the entity, the base URL and the client credentials (from the
 * environment only, so a secret never shows in the process list or the shell history), the accounting-side
 * records and policy files (checked before any request), a client whose requests drive the progress line, and
 * the preview itself.
 * @module
 */
import type { AccountingInput, Policy, SyncPlan } from '../api.js';
import { createClient, DEFAULT_BASE_URL, type MoniteClient, planSync } from '../node.js';
import { BadInputError, type Command, type Context, Progress, readJson, sourceName, text, UsageError, type Values, withSources } from './io.js';

/** The flags both commands take. */
export const REMOTE_OPTIONS = {
  entity: { type: 'string' },
  'base-url': { type: 'string' },
  accounting: { type: 'string' },
  policy: { type: 'string' },
} as const;

/** The usage lines of those flags and of the environment, for both commands' `--help`. */
export const REMOTE_USAGE = `  --entity ID       the Monite entity (or MONITE_ENTITY_ID)
  --base-url URL    the API (or MONITE_BASE_URL; default ${DEFAULT_BASE_URL}): https, or http on
                    127.0.0.1 / localhost / [::1] for the simulator (http://127.0.0.1:PORT/v1)
  --accounting FILE the accounting side the API does not serve, as previewSync({ accounting }) takes it:
                    { counterparts, products, tax_rates?, ledger_accounts? } and/or raw
                    { quickbooks_online: {…} } / { xero: {…} } bodies (without it nothing matches by name)
  --policy FILE     the plan's Policy ({ pushable_bill_statuses, pushable_invoice_statuses, direction })`;

/** The environment both commands read, for their `--help`. */
export const REMOTE_ENVIRONMENT = `  Environment: MONITE_CLIENT_ID and MONITE_CLIENT_SECRET (partner client credentials; required, never flags),
  MONITE_ENTITY_ID, MONITE_BASE_URL. Progress goes to stderr when it is a terminal.`;

/** The exit codes both commands share, after their own. */
export const REMOTE_EXITS = `2 bad input or usage (flags, files and credentials are checked before any request);
        3 the API or the network failed (the error's name, message and x-request-id; never a token or secret);
        130 interrupted (Ctrl-C)`;

const isLoopback = (host: string): boolean => host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/** The base URL, checked: an http(s) URL without credentials in it, plain http only to loopback. Never echoed. */
function baseUrlOf(raw: string, from: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadInputError(`${from} is not a URL (expected e.g. ${DEFAULT_BASE_URL})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new BadInputError(`${from} must be an https:// URL`);
  if (url.username !== '' || url.password !== '') {
    throw new BadInputError(`${from} must not carry credentials: set MONITE_CLIENT_ID and MONITE_CLIENT_SECRET`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new BadInputError(`${from} must be https:// (plain http:// only to 127.0.0.1, localhost or [::1]: the client secret would travel in clear text)`);
  }
  return raw;
}

/** What a request is loading, for the progress line: the last word of its path (`/counterparts/{id}/addresses` → addresses). */
function labelOf(url: string): string {
  const path = new URL(url).pathname;
  if (path.endsWith('/auth/token')) return 'token';
  if (path.endsWith('/push')) return 'push';
  const words = path.split('/').filter((segment) => /^[a-z][a-z_]*$/.test(segment));
  return (words[words.length - 1] ?? 'api').replace(/_/g, ' ');
}

/**
 * A `fetch` that reports each request on `progress` ("loading counterparts… 3 pages (12 requests)"); the first
 * request of each kind always shows, the others at the progress line's pace.
 */
function reportingFetch(progress: Progress): typeof fetch {
  const counts = new Map<string, number>();
  let total = 0;
  return (input, init) => {
    const label = labelOf(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const n = (counts.get(label) ?? 0) + 1;
    counts.set(label, n);
    total += 1;
    const line =
      label === 'token' ? 'signing in…' : label === 'push' ? `pushing… ${n} sent` : `loading ${label}… ${n} page${n === 1 ? '' : 's'} (${total} requests)`;
    progress.update(line, n === 1);
    return fetch(input, init);
  };
}

/** A client for the entity the flags and environment name, and the files to plan with. */
export interface Remote {
  client: MoniteClient;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  entityId: string;
  baseUrl: string;
  progress: Progress;
  /** `previewSync` with the files, the signal and the progress line. */
  preview(options: { syncedRecords: boolean }): Promise<SyncPlan>;
}

/**
 * Reads the flags, the environment and the files, in that order — every check before any request — and
 * returns the client. A usage error for a missing entity, `BadInputError` for missing credentials or a bad URL,
 * `InputError` (with its file) for a file the engine refuses.
 */
export function connect(command: Command, values: Values, { env, stderr, interrupts }: Context): Remote {
  const entityId = text(values, 'entity') ?? env.MONITE_ENTITY_ID;
  if (!entityId) throw new UsageError(`${command.name}: missing --entity ID (or MONITE_ENTITY_ID)`, command.usage);
  const flagUrl = text(values, 'base-url');
  const baseUrl = flagUrl !== undefined ? baseUrlOf(flagUrl, '--base-url') : env.MONITE_BASE_URL ? baseUrlOf(env.MONITE_BASE_URL, 'MONITE_BASE_URL') : DEFAULT_BASE_URL;
  const clientId = env.MONITE_CLIENT_ID;
  const clientSecret = env.MONITE_CLIENT_SECRET;
  const missing = [clientId ? null : 'MONITE_CLIENT_ID', clientSecret ? null : 'MONITE_CLIENT_SECRET'].filter(Boolean);
  if (missing.length > 0) {
    throw new BadInputError(`missing credentials: set ${missing.join(' and ')} (the partner client id and secret; they are read from the environment only)`);
  }

  const accountingSource = text(values, 'accounting');
  const policySource = text(values, 'policy');
  if (accountingSource === '-' && policySource === '-') throw new UsageError(`${command.name}: only one of --accounting and --policy can be read from stdin`, command.usage);
  const accounting = accountingSource === undefined ? undefined : (readJson(accountingSource, 'accounting') as AccountingInput);
  const policy = policySource === undefined ? undefined : (readJson(policySource, 'policy') as Policy);
  const files = { ...(accountingSource ? { accounting: sourceName(accountingSource) } : {}), ...(policySource ? { policy: sourceName(policySource) } : {}) };
  // The engine reads the files now, so a bad one costs no request; the plan's `monite.*` come from the API.
  withSources(files, () => planSync({ ...(accounting === undefined ? {} : { accounting }), ...(policy === undefined ? {} : { policy }) }));

  const progress = new Progress(stderr);
  const signal = interrupts();
  const client = createClient({ entityId, baseUrl, clientId: clientId as string, clientSecret: clientSecret as string, fetch: reportingFetch(progress) });
  return {
    client,
    signal,
    entityId,
    baseUrl,
    progress,
    async preview({ syncedRecords }) {
      progress.update(`connecting to ${new URL(baseUrl).host}…`, true);
      try {
        // The files passed the engine above: whatever it refuses now came from the API.
        const plan = await withSources({ '': 'the records the API returned' }, () =>
          client.previewSync({ signal, syncedRecords, ...(accounting === undefined ? {} : { accounting }), ...(policy === undefined ? {} : { policy }) }),
        );
        progress.done('previewed');
        return plan;
      } catch (error) {
        progress.clear();
        throw error;
      }
    },
  };
}
