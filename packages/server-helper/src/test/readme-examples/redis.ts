// lib/wpay.ts on several servers: the token, webhook ids and Idempotency-Keys live in Redis.
import { WPay } from '@wpay/server-helper';
import { RedisClaimStore, RedisTokenStore } from '@wpay/server-helper/redis';
import { Redis } from 'ioredis'; // or node-redis: await createClient({ url }).connect()

export const redis = new Redis(process.env.REDIS_URL!);

export const wpay = new WPay({
  apiKey: process.env.WPAY_API_KEY!,
  apiSecret: process.env.WPAY_API_SECRET!,
  signKey: process.env.WPAY_SIGN_KEY!,
  baseUrl: process.env.WPAY_BASE_URL,
  tokenStore: new RedisTokenStore(redis), // every server uses WPay's one live token
});
// One claim store for webhookHandler({ on, dedupe: claims }), checkoutHandler({ …, idempotencyStore:
// claims }) and wpay.fulfilment({ store: claims }): each uses keys of its own.
export const claims = new RedisClaimStore(redis);
