// lib/wpay.ts on several servers: the token, webhook ids and Idempotency-Keys live in Redis.
import { WPay } from '@wpay/server-helper';
import {
  RedisDedupeStore,
  RedisIdempotencyStore,
  RedisTokenStore,
} from '@wpay/server-helper/redis';
import { Redis } from 'ioredis'; // or node-redis: await createClient({ url }).connect()

export const redis = new Redis(process.env.REDIS_URL!);

export const wpay = new WPay({
  apiKey: process.env.WPAY_API_KEY!,
  apiSecret: process.env.WPAY_API_SECRET!,
  signKey: process.env.WPAY_SIGN_KEY!,
  baseUrl: process.env.WPAY_BASE_URL,
  tokenStore: new RedisTokenStore(redis), // every server uses WPay's one live token
});
export const idempotencyStore = new RedisIdempotencyStore(redis); // checkoutHandler({ …, idempotencyStore })
export const dedupe = new RedisDedupeStore(redis); // webhookHandler({ on, dedupe })
