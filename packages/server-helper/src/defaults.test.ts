import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULTS } from './defaults.js';
import { worstCaseCallMs, worstCaseExchangeMs, worstCaseTokenFetchMs } from './lease-defaults.js';
import { resolveOptions, type WPaySettings } from './options.js';

const credentials = { apiKey: 'k', apiSecret: 's', signKey: 'x', environment: 'sandbox' } as const;

function assertLeasesOutliveTheWork(settings: WPaySettings) {
  assert.ok(settings.tokenLockTtlMs >= worstCaseTokenFetchMs(settings), 'token lock < token fetch');
  assert.ok(settings.tokenLockWaitMs >= settings.tokenLockTtlMs, 'waiters give up while held');
  const callMs = worstCaseCallMs(settings);
  assert.ok(settings.checkout.idempotencyLeaseMs >= callMs, 'idempotency lease < a call');
  assert.ok(settings.webhooks.dedupeLeaseMs >= callMs, 'dedupe lease < a call');
}

describe('lease and lock defaults', () => {
  it('count every attempt timing out and every wait at its longest', () => {
    // 3 attempts of 30 s, and 2 waits of up to 60 s (Retry-After beats the back-off cap)
    assert.equal(worstCaseExchangeMs(DEFAULTS), 3 * 30_000 + 2 * 60_000);
    assert.equal(
      worstCaseExchangeMs({ ...DEFAULTS, retryAfterMaxMs: 0, maxRetries: 5 }),
      6 * 30_000 + 500 + 1_000 + 2_000 + 4_000 + 8_000,
    );
  });

  it('outlive the worst case they guard, with the defaults', () => {
    assertLeasesOutliveTheWork(resolveOptions(credentials).settings);
    assertLeasesOutliveTheWork(DEFAULTS);
  });

  it('follow timeoutMs, maxRetries and the back-off when those are changed', () => {
    const slow = resolveOptions({ ...credentials, timeoutMs: 120_000, maxRetries: 5 }).settings;
    assertLeasesOutliveTheWork(slow);
    assert.ok(slow.checkout.idempotencyLeaseMs > DEFAULTS.checkout.idempotencyLeaseMs);
    const fast = resolveOptions({ ...credentials, timeoutMs: 2_000, maxRetries: 0 }).settings;
    assertLeasesOutliveTheWork(fast);
    assert.ok(fast.tokenLockTtlMs < DEFAULTS.tokenLockTtlMs);
  });

  it('follow a tokenLockTtlMs that is given, and keep every lease that is given', () => {
    const given = resolveOptions({
      ...credentials,
      tokenLockTtlMs: 900_000,
      checkout: { idempotencyLeaseMs: 5_000 },
      webhooks: { dedupeLeaseMs: 6_000 },
    }).settings;
    assert.equal(given.tokenLockTtlMs, 900_000);
    assert.equal(given.tokenLockWaitMs, 900_000);
    assert.equal(given.checkout.idempotencyLeaseMs, 5_000);
    assert.equal(given.webhooks.dedupeLeaseMs, 6_000);
  });
});
