import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULTS } from '../defaults.js';
import { WPayConfigError } from '../errors.js';
import { worstCaseCallMs } from '../lease-defaults.js';
import type { Payment } from '../schemas/payments.js';
import type { Subscription } from '../schemas/subscriptions.js';
import type { ClaimOptions, ClaimStore } from '../stores/claim-store.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import { createFulfilment, type FulfilmentClient } from './create-fulfilment.js';
import { createRecovery, type RecoveryClient } from './recovery.js';

const SECRET = 'recovery-secret-for-tests-0123456789abcdef';

/** A client whose calls are short at worst: one attempt of 1 s, no auth retry, a 3 s token lock. */
const QUICK = {
  ...DEFAULTS,
  timeoutMs: 1000,
  maxRetries: 0,
  authRetryLimit: 0,
  tokenLockTtlMs: 3000,
};
const QUICK_CALL_MS = worstCaseCallMs(QUICK); // 1 × (3 s + 1 s)

/** A claim store that remembers the options of every claim. */
function spyStore() {
  const inner = new MemoryClaimStore();
  const claims: Array<{ key: string } & ClaimOptions> = [];
  const store: ClaimStore = {
    claim: (key, options) => {
      claims.push({ key, ...options });
      return inner.claim(key, options);
    },
  };
  return { store, claims };
}

function fulfilmentClient(settings?: typeof QUICK): FulfilmentClient {
  const payment = {
    id: 1,
    trxNo: 'TRX1',
    mchOrderNo: 'order_1',
    status: 'PAID',
    amount: 20,
    currency: 'USD',
  } as Payment;
  return {
    ...(settings ? { settings } : {}),
    payments: {
      retrieve: async () => ({ ...payment }),
      list: async () => ({ records: [payment], total: 1, pageSize: 50, pageNo: 1 }),
    },
    subscriptions: {
      retrieve: async () => ({ id: 7, status: 'ACTIVE' }) as Subscription,
      bills: async () => ({ records: [], total: 0, pageSize: 100, pageNo: 1 }),
    },
  };
}

function recoveryClient(settings?: typeof QUICK): RecoveryClient {
  return {
    ...(settings ? { settings } : {}),
    payments: { retrieve: async () => ({ trxNo: 'TRX1', status: 'EXPIRED' }) },
    checkout: {
      create: async () => ({ trxNo: 'TRX2', redirectUrl: 'https://pay.example/hpp/2' }),
    },
  };
}

const throwsConfig = (fn: () => unknown, field: string) =>
  assert.throws(fn, (error: unknown) => error instanceof WPayConfigError && error.field === field);

describe('when the fulfilment core holds a payment', () => {
  it('holds it for a worst-case WPay call of the client plus its side effects', async () => {
    const { store, claims } = spyStore();
    await createFulfilment(fulfilmentClient(QUICK), { store }).payment('TRX1');
    const lease = QUICK_CALL_MS + DEFAULTS.fulfilment.sideEffectsMs;
    assert.ok(claims.length > 0);
    assert.ok(
      claims.every((c) => c.leaseMs === lease),
      JSON.stringify(claims),
    );
  });

  it('holds it for a worst-case call at the default timing when the client says none', async () => {
    const { store, claims } = spyStore();
    await createFulfilment(fulfilmentClient(), { store }).payment('TRX1');
    const lease = worstCaseCallMs(DEFAULTS) + DEFAULTS.fulfilment.sideEffectsMs;
    assert.ok(claims.every((c) => c.leaseMs === lease));
  });

  it('takes leaseMs and sideEffectsMs as named options', async () => {
    const { store, claims } = spyStore();
    const client = fulfilmentClient(QUICK);
    await createFulfilment(client, { store, leaseMs: 60_000 }).payment('TRX1');
    await createFulfilment(client, { store, sideEffectsMs: 1000 }).payment('TRX1');
    assert.deepEqual([...new Set(claims.map((c) => c.leaseMs))], [60_000, QUICK_CALL_MS + 1000]);
  });

  it('refuses a leaseMs shorter than the WPay call it guards', () => {
    throwsConfig(
      () => createFulfilment(fulfilmentClient(QUICK), { leaseMs: QUICK_CALL_MS - 1 }),
      'fulfilment.leaseMs',
    );
  });

  it('refuses timing options that are not positive whole numbers', () => {
    const client = fulfilmentClient(QUICK);
    throwsConfig(() => createFulfilment(client, { waitMs: -1 }), 'fulfilment.waitMs');
    throwsConfig(
      () => createFulfilment(client, { pollIntervalMs: 0 }),
      'fulfilment.pollIntervalMs',
    );
    throwsConfig(() => createFulfilment(client, { ttlMs: Number.NaN }), 'fulfilment.ttlMs');
    throwsConfig(
      () => createFulfilment(client, { completeAttempts: 1.5 }),
      'fulfilment.completeAttempts',
    );
    throwsConfig(() => createFulfilment(client, { sideEffectsMs: -5 }), 'fulfilment.sideEffectsMs');
  });
});

describe('when a recovery link is opened', () => {
  async function open(client: RecoveryClient, options: Record<string, number> = {}) {
    const { store, claims } = spyStore();
    const recovery = createRecovery(client, {
      secret: SECRET,
      publicUrl: 'https://shop.example',
      store,
      ...options,
    });
    const handler = recovery.handler({
      resolveOrder: ({ mchOrderNo }) => ({
        mchOrderNo: `${mchOrderNo}_r1`,
        amount: '20.00',
        currency: 'USD',
      }),
      successUrl: '/thanks',
      cancelUrl: '/cart',
    });
    const link = await recovery.link({ mchOrderNo: 'order_1', trxNo: 'TRX1' });
    const response = await handler(new Request(link));
    assert.equal(response.status, 303);
    return claims;
  }

  it('holds the link for its two WPay calls (the payment read, the new session) and the shop’s code', async () => {
    const claims = await open(recoveryClient(QUICK));
    assert.equal(claims.length, 1);
    assert.equal(claims[0]?.leaseMs, 2 * QUICK_CALL_MS + DEFAULTS.recovery.shopWorkMs);
  });

  it('follows the default timing when the client says none', async () => {
    const claims = await open(recoveryClient());
    assert.equal(claims[0]?.leaseMs, 2 * worstCaseCallMs(DEFAULTS) + DEFAULTS.recovery.shopWorkMs);
  });

  it('takes leaseMs, shopWorkMs and usedTtlMs as named options', async () => {
    const claims = await open(recoveryClient(QUICK), {
      leaseMs: 3_600_000,
      usedTtlMs: 48 * 3_600_000,
    });
    assert.equal(claims[0]?.leaseMs, 3_600_000);
    assert.equal(claims[0]?.ttlMs, 48 * 3_600_000);
    const shorter = await open(recoveryClient(QUICK), { shopWorkMs: 500 });
    assert.equal(shorter[0]?.leaseMs, 2 * QUICK_CALL_MS + 500);
  });

  it('refuses a leaseMs shorter than the two WPay calls it guards, and bad timing options', () => {
    const base = { secret: SECRET, publicUrl: 'https://shop.example' };
    const client = recoveryClient(QUICK);
    throwsConfig(
      () => createRecovery(client, { ...base, leaseMs: 2 * QUICK_CALL_MS - 1 }),
      'recovery.leaseMs',
    );
    throwsConfig(() => createRecovery(client, { ...base, shopWorkMs: 0 }), 'recovery.shopWorkMs');
    throwsConfig(() => createRecovery(client, { ...base, usedTtlMs: -1 }), 'recovery.usedTtlMs');
  });

  it('refuses a link that would outlive the memory of used links', async () => {
    const recovery = createRecovery(recoveryClient(QUICK), {
      secret: SECRET,
      publicUrl: 'https://shop.example',
      usedTtlMs: 3_600_000,
    });
    await assert.rejects(
      recovery.link({ mchOrderNo: 'order_1' }, { ttlMs: 2 * 3_600_000 }),
      (error: unknown) => error instanceof WPayConfigError && error.field === 'ttlMs',
    );
  });
});
