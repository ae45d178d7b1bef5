import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WPayConfigError } from '../errors.js';
import { startRedisWithClients, type TestRedisClients } from '../test/redis-server.js';
import type { StoredToken } from '../transport/token-store.js';
import { type RedisClientLike, toRedisCommand } from './redis-command.js';
import { RedisDedupeStore } from './redis-dedupe-store.js';
import { RedisIdempotencyStore } from './redis-idempotency-store.js';
import { RedisTokenStore } from './redis-token-store.js';

let redis: TestRedisClients;

before(async () => {
  redis = await startRedisWithClients();
});
after(() => redis.stop());

const token: StoredToken = {
  accessToken: 'at_1',
  refreshToken: 'rt_1',
  expiresAt: 1_800_000_000_000,
  refreshExpiresAt: 1_800_021_600_000,
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let n = 0;
const unique = (name: string) => `${name}-${++n}`;

for (const [clientName, client] of [
  ['node-redis', () => redis.nodeRedis],
  ['ioredis', () => redis.ioredis],
] as const satisfies ReadonlyArray<readonly [string, () => RedisClientLike]>) {
  describe(`with a ${clientName} client`, () => {
    describe('RedisTokenStore', () => {
      it('stores, reads and deletes a token', async () => {
        const store = new RedisTokenStore(client());
        const key = unique('api-key');
        assert.equal(await store.get(key), undefined);
        await store.set(key, token, 60);
        assert.deepEqual(await store.get(key), token);
        await store.delete(key);
        assert.equal(await store.get(key), undefined);
      });

      it('keeps issuedAt, so a short-lived token is still refreshed in time', async () => {
        const store = new RedisTokenStore(client());
        const key = unique('api-key');
        const issued: StoredToken = { ...token, issuedAt: 1_799_999_000_000 };
        await store.set(key, issued, 60);
        assert.deepEqual(await store.get(key), issued);
      });

      it('lets the token expire after ttlSeconds', async () => {
        const store = new RedisTokenStore(client());
        const key = unique('api-key');
        await store.set(key, token, 0.05);
        await sleep(120);
        assert.equal(await store.get(key), undefined);
      });

      it('reads a corrupted value as no token', async () => {
        const store = new RedisTokenStore(client(), { prefix: 'p:' });
        const key = unique('api-key');
        await toRedisCommand(client())(['SET', `p:${key}`, '{"accessToken":1}']);
        assert.equal(await store.get(key), undefined);
        await toRedisCommand(client())(['SET', `p:${key}`, 'not json']);
        assert.equal(await store.get(key), undefined);
      });

      it('deletes the token only while it is still the refused one (atomically)', async () => {
        const store = new RedisTokenStore(client());
        const key = unique('api-key');
        await store.set(key, token, 60);
        assert.equal(await store.deleteIfToken(key, 'at_fresher'), false);
        assert.deepEqual(await store.get(key), token);
        const fresh = { ...token, accessToken: 'at_2' };
        const results = await Promise.all([
          store.deleteIfToken(key, token.accessToken),
          store.set(key, fresh, 60),
        ]);
        assert.equal(results[0], true); // the delete ran first, then the fresh token was stored
        assert.deepEqual(await store.get(key), fresh);
        assert.equal(await store.deleteIfToken(key, token.accessToken), false);
        assert.deepEqual(await store.get(key), fresh);
      });

      it('keeps a corrupted value when asked to delete a refused token', async () => {
        const store = new RedisTokenStore(client(), { prefix: 'q:' });
        const key = unique('api-key');
        await toRedisCommand(client())(['SET', `q:${key}`, 'not json']);
        assert.equal(await store.deleteIfToken(key, 'at_1'), false);
      });

      it('gives the lock to one caller at a time', async () => {
        const store = new RedisTokenStore(client());
        const key = unique('api-key');
        const results = await Promise.all(Array.from({ length: 20 }, () => store.lock(key, 5_000)));
        const holders = results.filter((release) => release !== undefined);
        assert.equal(holders.length, 1);
        await holders[0]?.();
        assert.notEqual(await store.lock(key, 5_000), undefined);
      });

      it('never releases a lock that expired and was taken by another instance', async () => {
        const a = new RedisTokenStore(client());
        const b = new RedisTokenStore(client());
        const key = unique('api-key');
        const releaseA = await a.lock(key, 50);
        await sleep(100);
        const releaseB = await b.lock(key, 5_000);
        assert.notEqual(releaseB, undefined);
        await releaseA?.();
        assert.equal(await a.lock(key, 5_000), undefined);
      });
    });

    describe('RedisDedupeStore', () => {
      const options = { leaseMs: 5_000, ttlMs: 60_000 };

      it('lets exactly one of many concurrent deliveries claim an event', async () => {
        const store = new RedisDedupeStore(client());
        const id = unique('evt');
        const claims = await Promise.all(
          Array.from({ length: 20 }, () => store.claim(id, options)),
        );
        assert.equal(claims.filter((c) => c.status === 'claimed').length, 1);
        assert.equal(claims.filter((c) => c.status === 'in_progress').length, 19);
      });

      it('says done after done(), and claimed again after release()', async () => {
        const store = new RedisDedupeStore(client());
        const id = unique('evt');
        const first = await store.claim(id, options);
        if (first.status !== 'claimed') assert.fail('not claimed');
        await first.release();
        const second = await store.claim(id, options);
        if (second.status !== 'claimed') assert.fail('not claimed after release');
        await second.done();
        assert.equal((await store.claim(id, options)).status, 'done');
      });

      it('lets a claim lapse after leaseMs, and a stale release not free the new claim', async () => {
        const store = new RedisDedupeStore(client());
        const id = unique('evt');
        const first = await store.claim(id, { leaseMs: 50, ttlMs: 60_000 });
        await sleep(100);
        assert.equal((await store.claim(id, options)).status, 'claimed');
        if (first.status !== 'claimed') assert.fail('not claimed');
        await first.release();
        assert.equal((await store.claim(id, options)).status, 'in_progress');
      });
    });

    describe('RedisIdempotencyStore', () => {
      const options = { leaseMs: 5_000, ttlMs: 60_000 };

      it('starts one of many concurrent requests and shows the others in progress', async () => {
        const store = new RedisIdempotencyStore(client());
        const key = unique('idem');
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.begin(key, 'fp1', options)),
        );
        assert.equal(results.filter((r) => r.status === 'started').length, 1);
        for (const r of results.filter((r) => r.status === 'in_progress')) {
          assert.equal(r.status === 'in_progress' && r.fingerprint, 'fp1');
        }
      });

      it('returns the completed result with its fingerprint', async () => {
        const store = new RedisIdempotencyStore(client());
        const key = unique('idem');
        const first = await store.begin(key, 'fp1', options);
        if (first.status !== 'started') assert.fail('not started');
        await first.complete({ trxNo: 'TRX1', redirectUrl: 'https://pay/x' });
        assert.deepEqual(await store.begin(key, 'fp2', options), {
          status: 'completed',
          fingerprint: 'fp1',
          result: { trxNo: 'TRX1', redirectUrl: 'https://pay/x' },
        });
      });

      it('never lets a request whose lease lapsed overwrite the result of the one that took over', async () => {
        const store = new RedisIdempotencyStore(client());
        const key = unique('idem');
        const first = await store.begin(key, 'fp1', { leaseMs: 50, ttlMs: 60_000 });
        await sleep(100);
        const second = await store.begin(key, 'fp1', options);
        if (first.status !== 'started' || second.status !== 'started') assert.fail('not started');
        await second.complete({ trxNo: 'TRX2' });
        await first.complete({ trxNo: 'TRX1' });
        assert.deepEqual(await store.begin(key, 'fp1', options), {
          status: 'completed',
          fingerprint: 'fp1',
          result: { trxNo: 'TRX2' },
        });
      });

      it('lets a retry start again after abandon()', async () => {
        const store = new RedisIdempotencyStore(client());
        const key = unique('idem');
        const first = await store.begin(key, 'fp1', options);
        if (first.status !== 'started') assert.fail('not started');
        await first.abandon();
        assert.equal((await store.begin(key, 'fp1', options)).status, 'started');
      });
    });
  });
}

describe('toRedisCommand', () => {
  it('accepts a plain function', async () => {
    const send = toRedisCommand(async (args) => args.join(' '));
    assert.equal(await send(['PING']), 'PING');
  });

  it('refuses something that is not a Redis client, naming what it needs', () => {
    assert.throws(() => toRedisCommand({} as RedisClientLike), WPayConfigError);
  });
});
