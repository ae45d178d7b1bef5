// One merchant instance of the token-rush bench (token-rush.section.ts): a fresh process with a
// cold `WPay` client whose token store is the shared redis-server. Prints `ready`, waits for `go`
// on stdin, starts all its CALLS checkout creations at once against the floor server, then prints
// `result <json>` (calls, failures, first error) and exits.
//
// Environment: FLOOR_URL, REDIS_URL, API_KEY (one per run, so the store starts cold), CALLS.
import { once } from 'node:events';
import { createClient } from 'redis';
import { RedisTokenStore } from '../../src/stores/redis-token-store.js';
import { WPay } from '../../src/wpay.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const redis = await createClient({ url: env('REDIS_URL') }).connect();
const wpay = new WPay({
  apiKey: env('API_KEY'),
  apiSecret: 's',
  signKey: 'bench-sign-key',
  baseUrl: env('FLOOR_URL'),
  tokenStore: new RedisTokenStore(redis),
});
const calls = Number(env('CALLS'));

process.stdout.write('ready\n');
process.stdin.setEncoding('utf8');
for (;;) {
  const [chunk] = (await once(process.stdin, 'data')) as [string];
  if (chunk.includes('go')) break;
}
const outcomes = await Promise.allSettled(
  Array.from({ length: calls }, (_, i) =>
    wpay.checkout.create({
      mchOrderNo: `rush_${process.pid}_${i}`,
      amount: '19.99',
      currency: 'USD',
      payMode: 'ONETIME',
      successUrl: 'https://shop.example/ok',
      cancelUrl: 'https://shop.example/cancel',
    }),
  ),
);
const failed = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
const result = { calls, failures: failed.length, error: failed[0] && String(failed[0].reason) };
process.stdout.write(`result ${JSON.stringify(result)}\n`);
await redis.quit();
process.exit(0);
