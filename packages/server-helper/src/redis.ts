/**
 * `@wpay/server-helper/redis`: the stores that let many server instances share state through
 * Redis — the access token (WPay allows one live token per API key), handled webhook events and
 * checkout idempotency keys.
 *
 * Each store takes a connected node-redis v4/v5 client, an ioredis v5 client, or a function
 * `(args: string[]) => Promise<reply>` (see {@link toRedisCommand}).
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { RedisDedupeStore, RedisIdempotencyStore, RedisTokenStore } from '@wpay/server-helper/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const wpay = new WPay({ ...credentials, tokenStore: new RedisTokenStore(redis) });
 * const webhook = wpay.webhookHandler({ on, dedupe: new RedisDedupeStore(redis) });
 * const checkout = wpay.checkoutHandler({ …, idempotencyStore: new RedisIdempotencyStore(redis) });
 * ```
 *
 * @module
 */
export type {
  IoRedisLike,
  NodeRedisLike,
  RedisClientLike,
  RedisCommand,
} from './redis/redis-command.js';
export { toRedisCommand } from './redis/redis-command.js';
export type { RedisDedupeStoreOptions } from './redis/redis-dedupe-store.js';
export { RedisDedupeStore } from './redis/redis-dedupe-store.js';
export type { RedisIdempotencyStoreOptions } from './redis/redis-idempotency-store.js';
export { RedisIdempotencyStore } from './redis/redis-idempotency-store.js';
export type { RedisTokenStoreOptions } from './redis/redis-token-store.js';
export { RedisTokenStore } from './redis/redis-token-store.js';
