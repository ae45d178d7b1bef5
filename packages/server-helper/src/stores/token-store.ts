/**
 * Where access tokens live between calls, and how several instances share one.
 *
 * WPay keeps only one access token per API key at a time: fetching a new one invalidates the old
 * one. Several server instances must therefore share one token through a common store (e.g.
 * `RedisTokenStore` from `@wpay/server-helper/redis`). A store is a few small async methods:
 *
 * - `get(key)` → the stored token, or `undefined` (also when expired from the store);
 * - `set(key, token, ttlSeconds)` → keep it for `ttlSeconds` (the refresh token's remaining life,
 *   or the access token's if there is no refresh token);
 * - `delete(key)` → forget it;
 * - optional `deleteIfToken(key, accessToken)` → forget it only while the stored access token is
 *   still `accessToken`, atomically (one step in the store), resolving whether it deleted. Called
 *   after WPay refused `accessToken`: another instance may have stored a fresh token meanwhile,
 *   which must survive. Without it the refused token stays in the store until the next fetch
 *   overwrites it (a non-atomic read-then-delete could delete the fresh one): still correct, but
 *   each instance then sends one more call with the dead token. Implement it in shared stores;
 * - optional `lock(key, ttlMs)` → a release function when the caller now holds the lock for `key`
 *   (auto-expiring after `ttlMs`), or `undefined` at once when someone else holds it. With a lock,
 *   only one instance fetches a token at a time; the others poll `get` until it appears. Without
 *   one, every instance needing a token fetches its own (each killing the previous at WPay):
 *   shared stores must have it.
 *
 * `key` is derived from the API key (never the secret). Implementations must not log tokens.
 *
 * @module
 */

import { englishZodMessages } from '../english-zod-messages.js';
import * as z from '../zod.js';

englishZodMessages();

/**
 * A token as kept in a {@link TokenStore}. All times are milliseconds since the epoch.
 *
 * @example
 * ```ts
 * const token: StoredToken = { accessToken: 'at…', refreshToken: 'rt…',
 *   expiresAt: Date.now() + 21_600_000, refreshExpiresAt: Date.now() + 43_200_000 };
 * ```
 */
export interface StoredToken {
  /** The bearer token sent in `Authorization`. */
  accessToken: string;
  /** The refresh token, if WPay issued one. */
  refreshToken?: string;
  /** When the access token expires (ms epoch), as issued (no margin subtracted). */
  expiresAt: number;
  /** When the refresh token expires (ms epoch), if known. */
  refreshExpiresAt?: number;
  /**
   * When the token was issued (ms epoch), if known. Lets the client shrink its refresh margin for
   * short-lived tokens (at most half the lifetime). Stores should keep it; dropping it is harmless.
   */
  issuedAt?: number;
}

const storedTokenShape = {
  accessToken: z.string().check(z.minLength(1)),
  refreshToken: z.exactOptional(z.string().check(z.minLength(1))),
  expiresAt: z.number(),
  refreshExpiresAt: z.exactOptional(z.number()),
  issuedAt: z.exactOptional(z.number()),
} satisfies Record<keyof StoredToken, z.ZodMiniType>; // a field added to StoredToken must be added here

/**
 * The zod schema of a {@link StoredToken}, for stores that keep it as text: a value that does not
 * parse is no token.
 *
 * @example
 * ```ts
 * const parsed = storedTokenSchema.safeParse(JSON.parse(text));
 * return parsed.success ? parsed.data : undefined;
 * ```
 */
export const storedTokenSchema: z.ZodMiniType<StoredToken> = z.object(storedTokenShape);

/**
 * Pluggable storage for the access token (see the module comment for the contract).
 *
 * @example
 * ```ts
 * const store: TokenStore = {
 *   async get(key) { return cache.get(key); },
 *   async set(key, token, ttlSeconds) { cache.set(key, token, ttlSeconds); },
 *   async delete(key) { cache.delete(key); },
 * };
 * const wpay = new WPay({ apiKey, apiSecret, signKey, environment: 'sandbox', tokenStore: store });
 * ```
 */
export interface TokenStore {
  /** The token stored under `key`, or `undefined`. */
  get(key: string): Promise<StoredToken | undefined>;
  /** Stores `token` under `key` for `ttlSeconds` seconds. */
  set(key: string, token: StoredToken, ttlSeconds: number): Promise<void>;
  /** Forgets the token stored under `key`. */
  delete(key: string): Promise<void>;
  /**
   * Forgets the token stored under `key` only while its `accessToken` is `accessToken`, in one
   * atomic step; resolves to whether it deleted. Optional (see the module comment).
   */
  deleteIfToken?(key: string, accessToken: string): Promise<boolean>;
  /**
   * Tries to take the lock for `key` for at most `ttlMs`. Resolves to a release function when
   * taken, or `undefined` at once when someone else holds it. Optional.
   */
  lock?(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
}

/**
 * Options of {@link MemoryTokenStore}.
 *
 * @example
 * ```ts
 * new MemoryTokenStore({ now: () => clock.now() });
 * ```
 */
export interface MemoryTokenStoreOptions {
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
}

/**
 * The default {@link TokenStore}: a `Map` in this process, with expiry and a lock (so several
 * `WPay` instances of one process can share it exactly as instances on several hosts share Redis).
 *
 * @example
 * ```ts
 * const tokenStore = new MemoryTokenStore();
 * const a = new WPay({ ...credentials, environment: 'sandbox', tokenStore });
 * const b = new WPay({ ...credentials, environment: 'sandbox', tokenStore }); // shares a's token
 * ```
 */
export class MemoryTokenStore implements TokenStore {
  readonly #tokens = new Map<string, { token: StoredToken; until: number }>();
  readonly #locks = new Map<string, { owner: symbol; until: number }>();
  readonly #now: () => number;

  constructor({ now = Date.now }: MemoryTokenStoreOptions = {}) {
    this.#now = now;
  }

  async get(key: string): Promise<StoredToken | undefined> {
    const entry = this.#tokens.get(key);
    if (!entry) return undefined;
    if (entry.until <= this.#now()) {
      this.#tokens.delete(key);
      return undefined;
    }
    return { ...entry.token };
  }

  async set(key: string, token: StoredToken, ttlSeconds: number): Promise<void> {
    this.#tokens.set(key, { token: { ...token }, until: this.#now() + ttlSeconds * 1000 });
  }

  async delete(key: string): Promise<void> {
    this.#tokens.delete(key);
  }

  async deleteIfToken(key: string, accessToken: string): Promise<boolean> {
    if ((await this.get(key))?.accessToken !== accessToken) return false;
    this.#tokens.delete(key);
    return true;
  }

  async lock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const held = this.#locks.get(key);
    if (held && held.until > this.#now()) return undefined;
    const owner = Symbol(key);
    this.#locks.set(key, { owner, until: this.#now() + ttlMs });
    return async () => {
      if (this.#locks.get(key)?.owner === owner) this.#locks.delete(key);
    };
  }
}
