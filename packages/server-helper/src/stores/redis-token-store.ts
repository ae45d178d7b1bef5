/**
 * A {@link TokenStore} in Redis, so that any number of server instances share WPay's single live
 * access token and never refresh it at the same time.
 *
 * @module
 */

import type { RedisClientLike } from '../redis/redis-command.js';
import { type RedisOps, randomToken, redisOps } from '../redis/redis-ops.js';
import { type StoredToken, storedTokenSchema, type TokenStore } from './token-store.js';

/**
 * Options of {@link RedisTokenStore}.
 *
 * @example
 * ```ts
 * new RedisTokenStore(redis, { prefix: 'shop-eu:' }); // keys shop-eu:wpay:token:<apiKey>
 * ```
 */
export interface RedisTokenStoreOptions {
  /**
   * Prefix of every key. Default `''`: the client's keys already start with its
   * `tokenStoreKeyPrefix` (`'wpay:token:'`), so the token of API key `k` is `wpay:token:k` and its
   * lock `wpay:token:k:lock`.
   */
  prefix?: string;
}

/**
 * Shares the access token through Redis. `lock` is `SET NX PX` with a random token, released by a
 * Lua compare-and-delete, so a lock that expired and was taken by another instance is never
 * released by the first one. `deleteIfToken` is one Lua script too (read, compare the stored
 * `accessToken`, delete), so a fresh token stored by another instance is never deleted. A stored value that is not a token (corrupted, another version) reads
 * as no token.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { RedisTokenStore } from '@wpay/server-helper/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const wpay = new WPay({ ...credentials, tokenStore: new RedisTokenStore(redis) });
 * ```
 */
export class RedisTokenStore implements TokenStore {
  readonly #redis: RedisOps;
  readonly #prefix: string;

  constructor(client: RedisClientLike, { prefix = '' }: RedisTokenStoreOptions = {}) {
    this.#redis = redisOps(client);
    this.#prefix = prefix;
  }

  async get(key: string): Promise<StoredToken | undefined> {
    const value = await this.#redis.get(this.#prefix + key);
    if (value === undefined) return undefined;
    try {
      const parsed = storedTokenSchema.safeParse(JSON.parse(value));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, token: StoredToken, ttlSeconds: number): Promise<void> {
    await this.#redis.set(this.#prefix + key, JSON.stringify(token), ttlSeconds * 1000);
  }

  async delete(key: string): Promise<void> {
    await this.#redis.del(this.#prefix + key);
  }

  async deleteIfToken(key: string, accessToken: string): Promise<boolean> {
    return this.#redis.deleteIfJsonField(this.#prefix + key, 'accessToken', accessToken);
  }

  async lock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const lockKey = `${this.#prefix}${key}:lock`;
    const owner = randomToken();
    if (!(await this.#redis.set(lockKey, owner, ttlMs, { ifAbsent: true }))) return undefined;
    return () => this.#redis.deleteIfValue(lockKey, owner);
  }
}
