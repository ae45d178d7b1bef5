/**
 * A {@link DedupeStore} in Redis: webhook duplicates delivered to different server instances are
 * still handled once.
 *
 * @module
 */
import type { DedupeClaim, DedupeClaimOptions, DedupeStore } from '../webhooks/dedupe-store.js';
import {
  COMPARE_AND_DELETE,
  evalScript,
  type RedisClientLike,
  type RedisCommand,
  randomToken,
  toRedisCommand,
} from './redis-command.js';

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
  readonly #send: RedisCommand;
  readonly #prefix: string;

  constructor(client: RedisClientLike, { prefix = 'wpay:webhook:' }: RedisDedupeStoreOptions = {}) {
    this.#send = toRedisCommand(client);
    this.#prefix = prefix;
  }

  async claim(eventId: string, { leaseMs, ttlMs }: DedupeClaimOptions): Promise<DedupeClaim> {
    const key = this.#prefix + eventId;
    const claimValue = `claimed:${randomToken()}`;
    const px = String(Math.max(1, Math.floor(leaseMs)));
    const reply = await this.#send(['SET', key, claimValue, 'NX', 'PX', px]);
    if (reply !== 'OK') {
      const current = await this.#send(['GET', key]);
      return { status: current === DONE ? 'done' : 'in_progress' };
    }
    const ttl = String(Math.max(1, Math.floor(ttlMs)));
    return {
      status: 'claimed',
      done: async () => {
        await this.#send(['SET', key, DONE, 'PX', ttl]);
      },
      release: async () => {
        await evalScript(this.#send, COMPARE_AND_DELETE, key, claimValue);
      },
    };
  }
}
