import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import * as z from 'zod';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import { storeOnAClock } from '../test/claim-store-on-a-clock.js';
import { WPay } from '../wpay.js';

const SHOP = 'https://shop.example';
const OLD_FIXED_LEASE_MS = 60_000;

let sandbox: Sandbox;
before(async () => {
  sandbox = await startSandbox({
    port: 0,
    // a slow WPay: each hosted-page call takes a while
    faults: [{ kind: 'latency', path: '/checkout/w-payment/hpp', latencyMs: 400 }],
  });
});
after(() => sandbox.close());

function post(key: string): Request {
  return new Request(`${SHOP}/api/checkout`, {
    method: 'POST',
    headers: { origin: SHOP, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({ sku: 'tee' }),
  });
}

describe('when WPay is slow and a checkout is retried with the same Idempotency-Key', () => {
  it('answers the retry with the first session, even after the old fixed lease', async () => {
    let skewMs = 0; // the store's clock runs ahead: the first request has been running for long
    const idempotencyStore = new MemoryClaimStore({ now: () => Date.now() + skewMs });
    const wpay = new WPay({ ...sandbox.credentials, baseUrl: sandbox.url });
    let order = 0;
    const checkout = wpay.checkoutHandler({
      body: z.object({ sku: z.literal('tee') }),
      resolveOrder: () => ({ mchOrderNo: `lease_${++order}`, amount: '19.99', currency: 'USD' }),
      successUrl: `${SHOP}/thanks`,
      cancelUrl: `${SHOP}/cart`,
      allowedOrigins: [SHOP],
      idempotencyStore,
    });
    const key = crypto.randomUUID();
    const first = checkout(post(key));
    while (order === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    skewMs = OLD_FIXED_LEASE_MS + 1_000;
    const second = checkout(post(key));
    const answers = await Promise.all([first, second]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as Array<{ trxNo: string }>;
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200],
    );
    assert.equal(bodies[1]?.trxNo, bodies[0]?.trxNo);
    assert.equal(sandbox.stats().checkouts, 1);
  });
});

describe("when the shop's own code outlasts the Idempotency-Key lease", () => {
  it('keeps the key claimed, so a retry never opens a second session', async () => {
    const clock = storeOnAClock();
    const wpay = new WPay({ ...sandbox.credentials, baseUrl: sandbox.url });
    const before = sandbox.stats().checkouts;
    let open: () => void = () => {};
    const slowLookup = new Promise<void>((resolve) => {
      open = resolve;
    });
    let order = 0;
    const checkout = wpay.checkoutHandler({
      body: z.object({ sku: z.literal('tee') }),
      resolveOrder: async () => {
        // the first is a slow price lookup in the shop's database
        if (++order === 1) await slowLookup;
        return { mchOrderNo: `renewed_${order}`, amount: '19.99', currency: 'USD' };
      },
      successUrl: `${SHOP}/thanks`,
      cancelUrl: `${SHOP}/cart`,
      allowedOrigins: [SHOP],
      idempotencyStore: clock.store,
      idempotencyLeaseMs: 60,
      idempotencyWaitMs: 0,
    });
    const key = crypto.randomUUID();
    const first = checkout(post(key));
    // Ten leases pass on the store's clock while the shop's lookup runs.
    await clock.outlast(20, 30);
    const retry = await checkout(post(key));
    assert.equal(retry.status, 409);
    assert.equal(
      ((await retry.json()) as { error: { code: string } }).error.code,
      'idempotency_in_progress',
    );
    open();
    const answer = await first;
    assert.equal(answer.status, 200);
    const again = await checkout(post(key));
    assert.equal(
      ((await again.json()) as { trxNo: string }).trxNo,
      ((await answer.json()) as { trxNo: string }).trxNo,
    );
    assert.equal(order, 1);
    assert.equal(sandbox.stats().checkouts - before, 1);
  });
});
