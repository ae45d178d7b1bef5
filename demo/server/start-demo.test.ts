import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../e2e/eventually.js';
import { type Demo, startDemo } from './start-demo.js';

/** Buys the Coffee Club through the merchant server and pays it at the sandbox. */
async function subscribe(demo: Demo): Promise<string> {
  const origin = demo.loopbackUrl.slice(0, -1);
  const response = await fetch(`${origin}/api/checkout`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ sku: 'coffee-club' }),
  });
  const body = (await response.json()) as { trxNo?: string };
  assert.ok(body.trxNo, `checkout answered ${response.status} ${JSON.stringify(body)}`);
  const { trxNo } = body;
  await demo.sandbox!.pay(trxNo);
  const mchSubscriptionNo = demo.stores.orders.findByTrxNo(trxNo)?.mchSubscriptionNo;
  assert.ok(mchSubscriptionNo);
  return mchSubscriptionNo;
}

const start = (dbPath: string) =>
  startDemo({ port: 0, dbPath, build: false, sandbox: { timeScale: 1000 } });

// The embedded sandbox forgets everything when it stops; the shop's database does not. A new
// sandbox hands out the same WPay ids again, which must not mix up the two runs' subscriptions.
describe('when the demo restarts on the same database', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wpay-demo-restart-'));
  const dbPath = join(dir, 'demo.db');
  let first: string;
  let demo: Demo;
  before(async () => {
    const earlier = await start(dbPath);
    try {
      first = await subscribe(earlier);
      await eventually(
        'the first subscription is active',
        () => earlier.stores.subscriptions.find(first)?.status === 'active',
      );
    } finally {
      await earlier.close();
    }
    demo = await start(dbPath);
  });
  after(async () => {
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('activates a new subscription that gets the WPay id the earlier one had', async () => {
    const earlierId = demo.stores.subscriptions.find(first)?.wpayId;
    const second = await subscribe(demo);
    // Fulfilment marks the subscription active, then stores its bills: wait for both.
    const now = await eventually('the new subscription is active with its first bill', () => {
      const found = demo.stores.subscriptions.find(second);
      if (found?.status !== 'active' || !found.wpayId) return undefined;
      return demo.stores.subscriptions.bills(found.wpayId).length > 0 ? found : undefined;
    });
    assert.equal(now.wpayId, earlierId, 'the new sandbox reused the id');
    assert.equal(demo.stores.subscriptions.find(first)?.wpayId, null);
    assert.equal(demo.stores.subscriptions.bills(now.wpayId!).length, 1);
  });
});
