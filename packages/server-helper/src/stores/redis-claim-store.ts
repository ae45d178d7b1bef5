/**
 * A {@link ClaimStore} in Redis: duplicates and retries reaching different server instances
 * still do the work once.
 *
 * @module
 */

import { englishZodMessages } from '../english-zod-messages.js';
import type { RedisClientLike } from '../redis/redis-command.js';
import { type RedisOps, randomToken, redisOps } from '../redis/redis-ops.js';
import * as z from '../zod.js';
import type { Claim, ClaimOptions, ClaimStore } from './claim-store.js';

englishZodMessages();

/**
 * Options of {@link RedisClaimStore}.
 *
 * @example
 * ```ts
 * new RedisClaimStore(redis, { prefix: 'shop-eu:claim:' });
 * ```
 */
export interface RedisClaimStoreOptions {
  /** Prefix of every key. Default `'wpay:claim:'`. */
  prefix?: string;
}

const entrySchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('claimed'),
    owner: z.string(),
    fingerprint: z.optional(z.string()),
  }),
  z.object({
    state: z.literal('done'),
    fingerprint: z.optional(z.string()),
    result: z.optional(z.unknown()),
  }),
]);

function read(value: string): Claim {
  let parsed: z.infer<typeof entrySchema> | undefined;
  try {
    parsed = entrySchema.safeParse(JSON.parse(value)).data;
  } catch {
    parsed = undefined;
  }
  // A value that does not parse (corrupted, another version) reads as in progress until it lapses.
  if (!parsed) return { state: 'in_progress' };
  if (parsed.state === 'claimed') return { state: 'in_progress', fingerprint: parsed.fingerprint };
  return { state: 'done', result: parsed.result, fingerprint: parsed.fingerprint };
}

/**
 * Keeps `{ state, owner, fingerprint, result }` as JSON under `prefix + key`. `claim` is one Lua
 * get-or-set with `PX leaseMs`; `complete` a Lua compare-and-set on the owner's value (`PX
 * ttlMs`); `release` a compare-and-delete and `renew` a compare-and-`PEXPIRE` of the owner's own
 * value, so a holder whose claim lapsed and was taken over never touches the other's.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { RedisClaimStore } from '@wpay/server-helper/redis';
 *
 * const claims = new RedisClaimStore(await createClient({ url: process.env.REDIS_URL }).connect());
 * const webhook = wpay.webhookHandler({ on, dedupe: claims });
 * const checkout = wpay.checkoutHandler({ …, idempotencyStore: claims });
 * ```
 */
export class RedisClaimStore implements ClaimStore {
  readonly #redis: RedisOps;
  readonly #prefix: string;

  constructor(client: RedisClientLike, { prefix = 'wpay:claim:' }: RedisClaimStoreOptions = {}) {
    this.#redis = redisOps(client);
    this.#prefix = prefix;
  }

  async claim(key: string, { leaseMs, ttlMs, fingerprint }: ClaimOptions): Promise<Claim> {
    const redisKey = this.#prefix + key;
    const claimed = JSON.stringify({ state: 'claimed', owner: randomToken(), fingerprint });
    const existing = await this.#redis.getOrSet(redisKey, claimed, leaseMs);
    if (existing !== undefined) return read(existing);
    return {
      state: 'claimed',
      complete: (result) => {
        const done = JSON.stringify({ state: 'done', fingerprint, result });
        return this.#redis.setIfValueOrAbsent(redisKey, claimed, done, ttlMs);
      },
      release: () => this.#redis.deleteIfValue(redisKey, claimed),
      renew: () => this.#redis.expireIfValue(redisKey, claimed, leaseMs),
    };
  }
}
