import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { RedisTokenStore } from '../stores/redis-token-store.js';
import { MemoryTokenStore, type TokenStore } from '../stores/token-store.js';
import { startRedisWithClients, type TestRedisClients } from '../test/redis-server.js';
import {
  burstClient,
  expireNow,
  revokeSoon,
  runBurst,
  slowStore,
  tokenFigures,
  untilTokensIssued,
} from '../test/token-burst.js';

const TOKEN_TTL_SECONDS = 3600;
const CLIENTS = 4;
const CALLS = 320;
const CONCURRENCY = 100;
// Injections come after the first wave (calls 1–100 start together, before any token exists) and
// at least 60 calls apart, so each one meets a token in use and its recovery is over by the next.
const REVOCATION_MARKS = [140, 200, 260];
const EXPIRY_MARKS = [150, 230];

let redis: TestRedisClients;
before(async () => {
  redis = await startRedisWithClients();
});
after(() => redis.stop());

async function withSandbox(run: (sandbox: Sandbox) => Promise<void>) {
  const sandbox = await startSandbox({
    port: 0,
    tokenTtlSeconds: TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: TOKEN_TTL_SECONDS * 2,
  });
  try {
    await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

/**
 * Runs the burst on `CLIENTS` clients sharing `store`, firing `inject` just before the calls
 * numbered in `marks` are sent (each once WPay has issued the token the previous one called for),
 * so each injection meets calls in flight and calls still to come.
 */
async function burst(
  sandbox: Sandbox,
  store: TokenStore,
  marks: number[],
  inject: (sandbox: Sandbox) => void | Promise<void>,
) {
  const clients = Array.from({ length: CLIENTS }, () => burstClient(sandbox, store));
  let injected = 0;
  const result = await runBurst(clients, {
    calls: CALLS,
    concurrency: CONCURRENCY,
    onStart: async (n) => {
      if (marks.includes(n)) {
        await untilTokensIssued(sandbox, injected + 1);
        injected++;
        await inject(sandbox);
      }
    },
  });
  return { ...result, injected, ...tokenFigures(sandbox) };
}

const stores: Array<[string, () => TokenStore]> = [
  ['a memory store with 2 ms latency', () => slowStore(new MemoryTokenStore(), 2)],
  [
    'a RedisTokenStore (node-redis)',
    () => new RedisTokenStore(redis.nodeRedis, { prefix: `t${Math.random()}:` }),
  ],
  [
    'a RedisTokenStore (ioredis)',
    () => new RedisTokenStore(redis.ioredis, { prefix: `t${Math.random()}:` }),
  ],
];

describe('when a custom store has no deleteIfToken (older stores)', () => {
  it('still fails no call when WPay revokes the token mid-burst', async () => {
    await withSandbox(async (sandbox) => {
      const inner = new MemoryTokenStore();
      const legacy: TokenStore = {
        get: (key) => inner.get(key),
        set: (key, token, ttl) => inner.set(key, token, ttl),
        delete: (key) => inner.delete(key),
        lock: (key, ttlMs) => inner.lock(key, ttlMs),
      };
      const figures = await burst(sandbox, slowStore(legacy, 2), REVOCATION_MARKS, revokeSoon);
      assert.equal(figures.revocations, 3);
      assert.deepEqual(
        { failures: figures.failures, errors: figures.errors },
        { failures: 0, errors: [] },
      );
      assert.equal(figures.tokensIssued, figures.revocations + 1);
    });
  });
});

for (const [name, makeStore] of stores) {
  describe(`when ${CLIENTS} clients share ${name}`, () => {
    it('fails no call when WPay revokes the token three times mid-burst, and fetches one token per revocation', async () => {
      await withSandbox(async (sandbox) => {
        const figures = await burst(sandbox, makeStore(), REVOCATION_MARKS, revokeSoon);
        assert.equal(figures.revocations, 3);
        assert.deepEqual(
          { failures: figures.failures, errors: figures.errors },
          { failures: 0, errors: [] },
        );
        assert.equal(figures.calls, CALLS);
        assert.equal(figures.tokensIssued, figures.revocations + 1);
      });
    });

    it("fails no call when the token expires twice on WPay's clock mid-burst, and fetches one token per expiry", async () => {
      await withSandbox(async (sandbox) => {
        const figures = await burst(sandbox, makeStore(), EXPIRY_MARKS, (sb) =>
          expireNow(sb, TOKEN_TTL_SECONDS),
        );
        assert.equal(figures.injected, 2);
        assert.deepEqual(
          { failures: figures.failures, errors: figures.errors },
          { failures: 0, errors: [] },
        );
        assert.equal(figures.tokensIssued, figures.injected + 1);
      });
    });
  });
}
