/**
 * The access token, shared: cached until `tokenRefreshMarginSeconds` before it expires, refreshed
 * with the refresh token (falling back to a new token), fetched by one in-flight request for all
 * concurrent callers, and shared between instances through the {@link TokenStore} (and its lock).
 *
 * When WPay refuses a token (revoked, expired on WPay's clock, superseded by another instance):
 * - the token is remembered as refused in this process and never handed out again, neither from
 *   the cache nor from the store (another instance may not have noticed yet);
 * - it is removed from the store with an atomic compare-and-delete (`deleteIfToken`), so a fresh
 *   token another instance just stored is never deleted (which would make a third token that
 *   kills the second at WPay). A store without `deleteIfToken` keeps the refused token until the
 *   lock holder overwrites it: still correct, one more refused call per instance;
 * - the callers that need a token then wait on the one flight (in this process) and on the
 *   store's lock (across instances), and re-read the store under the lock: one new token per
 *   refusal, whatever the number of callers and instances.
 *
 * @module
 */

import type { StoredToken, TokenStore } from '../stores/token-store.js';
import type { TransportContext } from './context.js';
import { requestToken, type TokenGrant } from './token-request.js';

/** What a {@link TokenManager} needs. */
export interface TokenManagerOptions {
  store: TokenStore;
  /** The store key (derived from the api key). */
  key: string;
  apiKey: string;
  apiSecret: string;
  /** Fetches a token; default {@link requestToken}. */
  fetchToken?: (ctx: TransportContext, grant: TokenGrant) => Promise<StoredToken>;
}

/**
 * Hands out the current access token; see the module comment for the rules.
 *
 * @example
 * ```ts
 * const tokens = new TokenManager(ctx, { store: new MemoryTokenStore(), key: 'wpay:token:k', apiKey, apiSecret });
 * const accessToken = tokens.current() ?? (await tokens.get());
 * await tokens.invalidate(accessToken); // after WPay refused it
 * ```
 */
export class TokenManager {
  readonly #ctx: TransportContext;
  readonly #options: TokenManagerOptions;
  #cached: StoredToken | undefined;
  #flight: Promise<string> | undefined;
  /** Tokens seen recently, so they can be scrubbed from any text. */
  readonly #seen: string[] = [];
  /** Access tokens WPay refused recently: never handed out again. */
  readonly #refused: string[] = [];
  /** Access tokens WPay accepted recently: a later refusal means it was revoked or expired. */
  readonly #accepted: string[] = [];

  constructor(ctx: TransportContext, options: TokenManagerOptions) {
    this.#ctx = ctx;
    this.#options = options;
  }

  /** Tokens handled recently (for scrubbing free text); never logged. */
  knownTokens(): readonly string[] {
    return this.#seen;
  }

  /**
   * The cached access token when it is still usable (what {@link TokenManager.get} would return
   * at once), else `undefined`: then call `get`. Lets a call skip a promise per request.
   */
  current(): string | undefined {
    const cached = this.#cached;
    return cached && this.#usable(cached) ? cached.accessToken : undefined;
  }

  /** The current access token, fetching one if needed (one flight for all callers). */
  async get(): Promise<string> {
    const cached = this.current();
    if (cached !== undefined) return cached;
    this.#flight ??= this.#obtain().finally(() => {
      this.#flight = undefined;
    });
    return this.#flight;
  }

  /** Records that WPay accepted `accessToken` (a call with it succeeded). */
  accepted(accessToken: string): void {
    remember(this.#accepted, accessToken);
  }

  /**
   * Forgets `accessToken` after WPay refused it: never handed out again, and removed from the
   * store unless a newer token replaced it there already.
   *
   * @returns whether the refusal is explained by a change: the token had already been replaced
   *   (refused here before, or the store holds another one), or it had worked before (so it was
   *   revoked or expired since). A retry after an explained refusal uses a new token.
   */
  async invalidate(accessToken: string): Promise<boolean> {
    const known = this.#refused.includes(accessToken);
    const worked = this.#accepted.includes(accessToken);
    remember(this.#refused, accessToken);
    if (this.#cached?.accessToken === accessToken) this.#cached = undefined;
    if (known) return true;
    const { store, key } = this.#options;
    if (store.deleteIfToken) return !(await store.deleteIfToken(key, accessToken)) || worked;
    // No atomic compare-and-delete: deleting here could delete a fresh token another instance
    // just stored. Leave it; the next fetch (under the lock) overwrites it.
    const stored = await store.get(key);
    return stored?.accessToken !== accessToken || worked;
  }

  /** Fresh, and not refused by WPay. */
  #usable(token: StoredToken): boolean {
    return this.#fresh(token) && !this.#refused.includes(token.accessToken);
  }

  /** Fresh until `tokenRefreshMarginSeconds` before expiry (at most half the known lifetime). */
  #fresh(token: StoredToken): boolean {
    let margin = this.#ctx.settings.tokenRefreshMarginSeconds * 1000;
    if (token.issuedAt !== undefined) {
      margin = Math.min(margin, Math.max(0, token.expiresAt - token.issuedAt) / 2);
    }
    return token.expiresAt - margin > this.#ctx.now();
  }

  #use(token: StoredToken): string {
    this.#cached = token;
    this.#remember(token.accessToken);
    if (token.refreshToken) this.#remember(token.refreshToken);
    return token.accessToken;
  }

  #remember(secret: string) {
    remember(this.#seen, secret);
  }

  async #obtain(): Promise<string> {
    const { store, key } = this.#options;
    const stored = await store.get(key);
    if (stored && this.#usable(stored)) return this.#use(stored);
    if (!store.lock) return this.#fetchAndStore(stored);
    const { tokenLockTtlMs, tokenLockWaitMs, tokenLockPollMs } = this.#ctx.settings;
    const polls = Math.ceil(tokenLockWaitMs / tokenLockPollMs);
    for (let poll = 0; ; poll++) {
      const release = await store.lock(key, tokenLockTtlMs);
      if (release) return this.#underLock(release);
      if (poll >= polls) break;
      await this.#ctx.sleep(tokenLockPollMs);
      const polled = await store.get(key);
      if (polled && this.#usable(polled)) return this.#use(polled);
    }
    this.#ctx.logger.warn('wpay: token lock still held elsewhere; fetching a token anyway', {
      waitedMs: tokenLockWaitMs,
    });
    return this.#fetchAndStore(await store.get(key));
  }

  async #underLock(release: () => Promise<void>): Promise<string> {
    try {
      const again = await this.#options.store.get(this.#options.key);
      if (again && this.#usable(again)) return this.#use(again);
      return await this.#fetchAndStore(again);
    } finally {
      await release().catch(() => {
        this.#ctx.logger.warn('wpay: could not release the token lock; it will expire');
      });
    }
  }

  async #fetchAndStore(previous: StoredToken | undefined): Promise<string> {
    const token =
      (await this.#refresh(previous)) ??
      (await this.#fetch({
        type: 'client_credentials',
        apiKey: this.#options.apiKey,
        apiSecret: this.#options.apiSecret,
      }));
    const until = Math.max(token.expiresAt, token.refreshExpiresAt ?? 0);
    const ttlSeconds = Math.max(1, Math.ceil((until - this.#ctx.now()) / 1000));
    await this.#options.store.set(this.#options.key, token, ttlSeconds);
    return this.#use(token);
  }

  async #refresh(previous: StoredToken | undefined): Promise<StoredToken | undefined> {
    const refreshToken = previous?.refreshToken;
    if (!refreshToken) return undefined;
    if (previous.refreshExpiresAt !== undefined && previous.refreshExpiresAt <= this.#ctx.now()) {
      return undefined;
    }
    try {
      return await this.#fetch({ type: 'refresh_token', refreshToken });
    } catch (error) {
      this.#ctx.logger.warn('wpay: token refresh failed; fetching a new token', {
        code: (error as { code?: unknown }).code,
      });
      return undefined;
    }
  }

  #fetch(grant: TokenGrant): Promise<StoredToken> {
    return (this.#options.fetchToken ?? requestToken)(this.#ctx, grant);
  }
}

/** Adds `value` to a short list of recent values (at most 8, oldest dropped). */
function remember(list: string[], value: string): void {
  if (list.includes(value)) return;
  list.push(value);
  if (list.length > 8) list.shift();
}
