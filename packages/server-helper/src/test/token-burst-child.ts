/**
 * One merchant process of the multi-process token burst (see `token-burst-processes.ts`): a `WPay`
 * client on the sandbox sharing its token through Redis. Prints `ready`, waits for `go` on stdin,
 * runs its burst printing `progress` after each call, then prints `result <json>` and exits.
 *
 * Environment: WPAY_BASE_URL, WPAY_CREDENTIALS (JSON), REDIS_URL, REDIS_CLIENT (`node-redis` or
 * `ioredis`), CALLS, CONCURRENCY, ORDER_PREFIX.
 */
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import type { RedisClientLike } from '../redis/redis-command.js';
import { RedisTokenStore } from '../stores/redis-token-store.js';
import { burstClient, runBurst } from './token-burst.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const redisUrl = env('REDIS_URL');
let client: RedisClientLike;
let quit: () => Promise<unknown>;
if (env('REDIS_CLIENT') === 'ioredis') {
  const io = new Redis(redisUrl);
  client = io;
  quit = () => io.quit();
} else {
  const node = await createClient({ url: redisUrl }).connect();
  client = node;
  quit = () => node.quit();
}

const wpay = burstClient(
  { url: env('WPAY_BASE_URL'), credentials: JSON.parse(env('WPAY_CREDENTIALS')) },
  new RedisTokenStore(client),
);
process.stdout.write('ready\n');
process.stdin.setEncoding('utf8');
for (;;) {
  const [chunk] = (await once(process.stdin, 'data')) as [string];
  if (chunk.includes('go')) break;
}
const result = await runBurst([wpay], {
  calls: Number(env('CALLS')),
  concurrency: Number(env('CONCURRENCY')),
  orderPrefix: env('ORDER_PREFIX'),
  onProgress: () => {
    process.stdout.write('progress\n');
  },
});
process.stdout.write(`result ${JSON.stringify(result)}\n`);
await quit();
process.exit(0);
