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
 * import { RedisClaimStore, RedisTokenStore } from '@wpay/server-helper/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const wpay = new WPay({ ...credentials, tokenStore: new RedisTokenStore(redis) });
 * const claims = new RedisClaimStore(redis); // one store for webhooks, checkouts and fulfilment
 * const webhook = wpay.webhookHandler({ on, dedupe: claims });
 * const checkout = wpay.checkoutHandler({ …, idempotencyStore: claims });
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
export type { RedisClaimStoreOptions } from './stores/redis-claim-store.js';
export { RedisClaimStore } from './stores/redis-claim-store.js';
export type { RedisTokenStoreOptions } from './stores/redis-token-store.js';
export { RedisTokenStore } from './stores/redis-token-store.js';
