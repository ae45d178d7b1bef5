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
import {
  COMPARE_AND_DELETE,
  type RedisClientLike,
  type RedisCommand,
  randomToken,
  toRedisCommand,
} from './redis-command.js';

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

/** Returns the current value, or sets ARGV[1] with PX ARGV[2] and returns nil. Atomic. */
const GET_OR_SET = `local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;

const entrySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('started'), fingerprint: z.string(), owner: z.string() }),
  z.object({ state: z.literal('completed'), fingerprint: z.string(), result: z.unknown() }),
]);

function ms(value: number): string {
  return String(Math.max(1, Math.floor(value)));
}

/**
 * Keeps `{ state, fingerprint, result }` as JSON under `prefix + key`. `begin` is one Lua
 * get-or-set; `abandon` is a compare-and-delete of this request's own entry. A value that does not
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
  readonly #send: RedisCommand;
  readonly #prefix: string;

  constructor(
    client: RedisClientLike,
    { prefix = 'wpay:idempotency:' }: RedisIdempotencyStoreOptions = {},
  ) {
    this.#send = toRedisCommand(client);
    this.#prefix = prefix;
  }

  async begin(
    key: string,
    fingerprint: string,
    { leaseMs, ttlMs }: IdempotencyBeginOptions,
  ): Promise<IdempotencyBegin> {
    const redisKey = this.#prefix + key;
    const started = JSON.stringify({ state: 'started', fingerprint, owner: randomToken() });
    const reply = await this.#send(['EVAL', GET_OR_SET, '1', redisKey, started, ms(leaseMs)]);
    if (typeof reply === 'string') return this.#existing(reply);
    return {
      status: 'started',
      complete: async (result) => {
        const value = JSON.stringify({ state: 'completed', fingerprint, result });
        await this.#send(['SET', redisKey, value, 'PX', ms(ttlMs)]);
      },
      abandon: async () => {
        await this.#send(['EVAL', COMPARE_AND_DELETE, '1', redisKey, started]);
      },
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
