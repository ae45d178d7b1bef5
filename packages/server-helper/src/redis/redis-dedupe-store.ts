/**
 * A {@link DedupeStore} in Redis: webhook duplicates delivered to different server instances are
 * still handled once.
 *
 * @module
 */
import type { DedupeClaim, DedupeClaimOptions, DedupeStore } from '../webhooks/dedupe-store.js';
import type { RedisClientLike } from './redis-command.js';
import { type RedisOps, randomToken, redisOps } from './redis-ops.js';

/**
 * Options of {@link RedisDedupeStore}.
 *
 * @example
 * ```ts
 * new RedisDedupeStore(redis, { prefix: 'shop-eu:webhook:' });
 * ```
 */
export interface RedisDedupeStoreOptions {
  /** Prefix of every key. Default `'wpay:webhook:'`. */
  prefix?: string;
}

const DONE = 'done';

/**
 * Claims with `SET key claimed:<token> NX PX leaseMs`; `done()` overwrites with `done` for
 * `ttlMs`; `release()` deletes only its own claim (Lua compare-and-delete).
 *
 * @example
 * ```ts
 * import Redis from 'ioredis';
 * import { RedisDedupeStore } from '@wpay/server-helper/redis';
 *
 * const webhook = wpay.webhookHandler({ on, dedupe: new RedisDedupeStore(new Redis(process.env.REDIS_URL)) });
 * ```
 */
export class RedisDedupeStore implements DedupeStore {
  readonly #redis: RedisOps;
  readonly #prefix: string;

  constructor(client: RedisClientLike, { prefix = 'wpay:webhook:' }: RedisDedupeStoreOptions = {}) {
    this.#redis = redisOps(client);
    this.#prefix = prefix;
  }

  async claim(eventId: string, { leaseMs, ttlMs }: DedupeClaimOptions): Promise<DedupeClaim> {
    const key = this.#prefix + eventId;
    const claimValue = `claimed:${randomToken()}`;
    if (!(await this.#redis.set(key, claimValue, leaseMs, { ifAbsent: true }))) {
      return { status: (await this.#redis.get(key)) === DONE ? 'done' : 'in_progress' };
    }
    return {
      status: 'claimed',
      done: async () => {
        await this.#redis.set(key, DONE, ttlMs);
      },
      release: () => this.#redis.deleteIfValue(key, claimValue),
    };
  }
}
