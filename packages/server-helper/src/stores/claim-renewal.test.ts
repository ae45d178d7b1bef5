import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ClaimSettings, hold, runOnce } from '../fulfilment/claim-once.js';
import { createWebhookHandler } from '../handlers/webhook-handler.js';
import type { Logger } from '../logger.js';
import { storeOnAClock } from '../test/claim-store-on-a-clock.js';
import { createWebhooks } from '../webhooks/create-webhooks.js';
import { signWebhook } from '../webhooks/sign-webhook.js';
import { renewWhileHeld } from './claim-renewal.js';
import type { ClaimStore, HeldClaim } from './claim-store.js';

const LEASE_MS = 60;
const quietLogger = (): Logger & { errors: string[] } => {
  const errors: string[] = [];
  return {
    errors,
    debug() {},
    info() {},
    warn() {},
    error: (message) => void errors.push(message),
  };
};

function settingsFor(store: ClaimStore, logger: Logger = quietLogger()): ClaimSettings {
  return {
    store,
    leaseMs: LEASE_MS,
    ttlMs: 86_400_000,
    waitMs: 0,
    pollIntervalMs: 5,
    completeAttempts: 1,
    logger,
  };
}

function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('when a fulfilment side effect outlasts its lease', () => {
  it('keeps the claim renewed, so another entry point finds it busy and the effect runs once', async () => {
    const clock = storeOnAClock();
    const settings = settingsFor(clock.store);
    let runs = 0;
    const slow = gate();
    const first = runOnce(settings, 'TRX1:paid', async () => {
      runs++;
      await slow.opened;
    });
    // Ten leases pass on the store's clock while the effect runs.
    await clock.outlast(20, LEASE_MS / 2);
    assert.equal(await runOnce(settings, 'TRX1:paid', () => void runs++), 'busy');
    slow.open();
    assert.equal(await first, 'ran');
    assert.equal(await runOnce(settings, 'TRX1:paid', () => void runs++), 'done');
    assert.equal(runs, 1);
  });

  it('keeps a hold on the payment renewed until it is released, then stops renewing', async () => {
    const clock = storeOnAClock();
    const settings = settingsFor(clock.store);
    const held = await hold(settings, 'TRX1:lock');
    assert.ok(held);
    await clock.outlast(20, LEASE_MS / 2);
    assert.equal(await hold(settings, 'TRX1:lock'), undefined);
    await held.release();
    const renewals = clock.renewals();
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2));
    assert.equal(clock.renewals(), renewals);
    const again = await hold(settings, 'TRX1:lock');
    assert.ok(again);
    await again.release();
  });
});

describe('when a webhook handler outlasts the dedupe lease', () => {
  it('answers a concurrent duplicate "in progress" and runs the handler once', async () => {
    const clock = storeOnAClock();
    const signKey = 'whsec_test_key';
    const NOW = 1_760_000_000_000;
    const webhooks = createWebhooks({ signKey, now: () => NOW });
    let runs = 0;
    const slow = gate();
    const handler = createWebhookHandler(webhooks, {
      dedupe: clock.store,
      dedupeLeaseMs: LEASE_MS,
      duplicateWaitMs: 0,
      pollIntervalMs: 5,
      on: {
        'credit_card.order.paid': async () => {
          runs++;
          await slow.opened;
        },
      },
    });
    const body = JSON.stringify({
      eventId: 'evt_slow',
      eventType: 'credit_card.order.paid',
      createTime: '2026-04-23T10:00:00',
      data: { trxNo: 'TRX1', status: 'PAID' },
    });
    const delivery = async () => {
      const { headers } = await signWebhook(body, { signKey, timestamp: NOW });
      return new Request('https://shop.example/api/wpay/webhook', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
    };
    const first = handler(await delivery());
    await clock.outlast(20, LEASE_MS / 2);
    const duplicate = await handler(await delivery());
    assert.equal(duplicate.status, 409);
    slow.open();
    assert.equal((await first).status, 200);
    assert.equal((await handler(await delivery())).status, 200);
    assert.equal(runs, 1);
  });
});

describe('when the claim was lost anyway', () => {
  it('logs one error naming the key and the fix, and keeps the work going', async () => {
    const logger = quietLogger();
    let renewCalls = 0;
    const lostClaim: HeldClaim = {
      state: 'claimed',
      complete: async () => false,
      release: async () => {},
      renew: async () => {
        renewCalls++;
        return false;
      },
    };
    const stop = renewWhileHeld(lostClaim, {
      leaseMs: 15,
      logger,
      holder: 'fulfilment',
      key: 'TRX9:paid',
    });
    while (renewCalls < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop();
    assert.equal(logger.errors.length, 1);
    assert.match(logger.errors[0] ?? '', /fulfilment: the claim lapsed .*raise the lease/);
  });
});
