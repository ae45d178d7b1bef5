/**
 * An {@link IdempotencyStore} in Redis: a checkout retried against another server instance still
 * returns the first session.
 *
 * @module
 */
import { z } from 'zod';
import type {
  IdempotencyBegin,
  IdempotencyBeginOptions,
  IdempotencyStore,
} from '../handlers/idempotency-store.js';
import type { RedisClientLike } from './redis-command.js';
import { type RedisOps, randomToken, redisOps } from './redis-ops.js';

/**
 * Options of {@link RedisIdempotencyStore}.
 *
 * @example
 * ```ts
 * new RedisIdempotencyStore(redis, { prefix: 'shop-eu:idempotency:' });
 * ```
 */
export interface RedisIdempotencyStoreOptions {
  /** Prefix of every key. Default `'wpay:idempotency:'`. */
  prefix?: string;
}

const entrySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('started'), fingerprint: z.string(), owner: z.string() }),
  z.object({ state: z.literal('completed'), fingerprint: z.string(), result: z.unknown() }),
]);

/**
 * Keeps `{ state, fingerprint, result }` as JSON under `prefix + key`. `begin` is one Lua
 * get-or-set; `complete` a Lua compare-and-set (a request whose lease lapsed and was taken over
 * never overwrites the other's result); `abandon` a compare-and-delete of this request's own entry. A value that does not
 * parse (corrupted) reads as a request in progress until it expires.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { RedisIdempotencyStore } from '@wpay/server-helper/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const checkout = wpay.checkoutHandler({ …, idempotencyStore: new RedisIdempotencyStore(redis) });
 * ```
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  readonly #redis: RedisOps;
  readonly #prefix: string;

  constructor(
    client: RedisClientLike,
    { prefix = 'wpay:idempotency:' }: RedisIdempotencyStoreOptions = {},
  ) {
    this.#redis = redisOps(client);
    this.#prefix = prefix;
  }

  async begin(
    key: string,
    fingerprint: string,
    { leaseMs, ttlMs }: IdempotencyBeginOptions,
  ): Promise<IdempotencyBegin> {
    const redisKey = this.#prefix + key;
    const started = JSON.stringify({ state: 'started', fingerprint, owner: randomToken() });
    const existing = await this.#redis.getOrSet(redisKey, started, leaseMs);
    if (existing !== undefined) return this.#existing(existing);
    return {
      status: 'started',
      complete: async (result) => {
        const value = JSON.stringify({ state: 'completed', fingerprint, result });
        await this.#redis.setIfValueOrAbsent(redisKey, started, value, ttlMs);
      },
      abandon: () => this.#redis.deleteIfValue(redisKey, started),
    };
  }

  #existing(value: string): IdempotencyBegin {
    let parsed: z.infer<typeof entrySchema> | undefined;
    try {
      parsed = entrySchema.safeParse(JSON.parse(value)).data;
    } catch {
      parsed = undefined;
    }
    if (!parsed) return { status: 'in_progress', fingerprint: '' };
    if (parsed.state === 'started')
      return { status: 'in_progress', fingerprint: parsed.fingerprint };
    return { status: 'completed', fingerprint: parsed.fingerprint, result: parsed.result };
  }
}
