import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WPayConfigError } from '../errors.js';
import { type RedisClientLike, toRedisCommand } from '../redis/redis-command.js';
import { claimStoreContract } from '../test/claim-store-contract.js';
import { startRedisWithClients, type TestRedisClients } from '../test/redis-server.js';
import { RedisClaimStore } from './redis-claim-store.js';
import { RedisTokenStore } from './redis-token-store.js';
import type { StoredToken } from './token-store.js';

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

    describe('RedisClaimStore', () => {
      claimStoreContract({
        make: () => new RedisClaimStore(client(), { prefix: `${unique('claims')}:` }),
        shortLeaseMs: 300,
        pass: async (ms) => {
          await sleep(ms);
        },
      });

      it('reads a corrupted value as in progress until it lapses', async () => {
        const store = new RedisClaimStore(client(), { prefix: 'c:' });
        const key = unique('evt');
        await toRedisCommand(client())(['SET', `c:${key}`, 'not json', 'PX', '60000']);
        assert.deepEqual(await store.claim(key, { leaseMs: 5_000, ttlMs: 60_000 }), {
          state: 'in_progress',
        });
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
