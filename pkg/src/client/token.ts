/**
 * The token manager: caches the bearer token, refreshes it shortly before it expires, shares one refresh
 * among concurrent callers (single flight), and drops it after a 401. Tokens come from the caller's
 * `fetchToken()` or from `POST /auth/token` with client credentials (server-side only). Also the
 * redactor that keeps every secret it has seen out of error messages.
 * @module
 */
import { raceAbort } from './abort.js';
import { ApiError, AuthError, RateLimitError } from './errors.js';
import type { Transport } from './http.js';
import { SHAPES } from './shapes.js';
import type { AccessToken } from './types.js';

/** Refresh this long before expiry at most… */
const MAX_MARGIN_MS = 60_000;
/** …and at most this share of the token's lifetime (a 60 s token is refreshed after 54 s). */
const MARGIN_SHARE = 0.1;

/**
 * Remembers secrets (the client secret, the last few tokens) and blanks them out of text. Secrets are
 * held in a closure, not on an object a caller could serialize.
 */
export function createRedactor(): { add: (secret: string) => void; redact: (text: string) => string } {
  const secrets: string[] = [];
  return {
    add(secret) {
      // Very short strings would blank out ordinary words; nothing that short is a real secret.
      if (secret.length < 6 || secrets.includes(secret)) return;
      secrets.push(secret);
      if (secrets.length > 9) secrets.splice(1, 1); // keep the client secret (first) and the 8 newest tokens
    },
    redact(text) {
      let out = text;
      for (const secret of secrets) out = out.split(secret).join('[redacted]');
      return out;
    },
  };
}

/** True where `window.document` exists (a browser, or a test that pretends to be one). */
export function isBrowserLike(): boolean {
  const scope = globalThis as { window?: { document?: unknown } };
  return typeof scope.window !== 'undefined' && typeof scope.window.document !== 'undefined';
}

/**
 * Checks what the caller's `fetchToken()` returned against `AccessTokenResponse` (the problem names fields and
 * types, never the value). `POST /auth/token` answers are checked by the transport (a `ProtocolError`).
 */
function validToken(value: unknown, from: string): AccessToken {
  const problem = SHAPES.token.check(value);
  if (problem) throw new AuthError(`${from} returned no valid token: ${problem}`, 'invalid_token_response');
  const token = value as AccessToken;
  return { access_token: token.access_token, expires_in: token.expires_in };
}

/** A token source over the caller's `fetchToken()`. */
export function callbackSource(fetchToken: () => Promise<AccessToken>, redact: (text: string) => string): () => Promise<AccessToken> {
  return async () => {
    let value: unknown;
    try {
      value = await fetchToken();
    } catch (thrown) {
      // The caller's error is summarised (redacted), not attached: it is theirs and could hold anything.
      const message = thrown instanceof Error ? thrown.message : String(thrown);
      throw new AuthError(`fetchToken() failed: ${redact(message)}`, 'token_request_failed');
    }
    return validToken(value, 'fetchToken()');
  };
}

/**
 * A token source over `POST /auth/token`. The credentials live only in this closure and in the request
 * body, which no error ever includes. 4xx answers (other than 408/429) become `AuthError`; 5xx, 429 and
 * network failures keep their own types after the transport's retries.
 */
export function clientCredentialsSource(
  http: Transport,
  credentials: { clientId: string; clientSecret: string; entityUserId?: string },
): () => Promise<AccessToken> {
  return async () => {
    const body: Record<string, string> = credentials.entityUserId
      ? {
          grant_type: 'entity_user',
          client_id: credentials.clientId,
          client_secret: credentials.clientSecret,
          entity_user_id: credentials.entityUserId,
        }
      : { grant_type: 'client_credentials', client_id: credentials.clientId, client_secret: credentials.clientSecret };
    try {
      const { data } = await http.request<AccessToken>({ method: 'POST', path: '/auth/token', body, auth: false, expect: SHAPES.token });
      return { access_token: data.access_token, expires_in: data.expires_in };
    } catch (thrown) {
      if (thrown instanceof ApiError && !(thrown instanceof RateLimitError) && thrown.status >= 400 && thrown.status < 500 && thrown.status !== 408) {
        const said = thrown.apiMessage ? `: ${thrown.apiMessage}` : '';
        throw new AuthError(`POST /auth/token was refused with HTTP ${thrown.status}${said}`, 'token_request_failed', thrown);
      }
      throw thrown;
    }
  };
}

/** Caches and refreshes the token; see the module comment. */
export class TokenManager {
  readonly #source: () => Promise<AccessToken>;
  readonly #now: () => number;
  readonly #remember: (secret: string) => void;
  #token: string | null = null;
  #refreshAt = 0;
  #inflight: Promise<string> | null = null;

  constructor(source: () => Promise<AccessToken>, now: () => number, remember: (secret: string) => void) {
    this.#source = source;
    this.#now = now;
    this.#remember = remember;
  }

  /**
   * The current token, refreshing it when it is missing or due. Concurrent callers share one refresh;
   * the refresh itself does not take a caller's signal (one caller's abort must not fail the others),
   * but each caller stops waiting when its own signal aborts.
   */
  get(signal?: AbortSignal): Promise<string> {
    if (this.#token !== null && this.#now() < this.#refreshAt) return Promise.resolve(this.#token);
    this.#inflight ??= this.#refresh().finally(() => {
      this.#inflight = null;
    });
    return raceAbort(this.#inflight, signal);
  }

  /** Drops `token` if it is still the cached one (after a 401), so the next `get()` fetches a new one. */
  invalidate(token: string): void {
    if (this.#token === token) {
      this.#token = null;
      this.#refreshAt = 0;
    }
  }

  async #refresh(): Promise<string> {
    // The clock is read before the request, so the expiry is never later than the server's.
    const started = this.#now();
    const { access_token, expires_in } = await this.#source();
    this.#remember(access_token);
    const lifetime = expires_in * 1000;
    this.#token = access_token;
    this.#refreshAt = started + lifetime - Math.min(MAX_MARGIN_MS, lifetime * MARGIN_SHARE);
    return access_token;
  }
}
