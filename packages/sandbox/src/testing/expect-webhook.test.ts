import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import {
  closeAll,
  type Receiver,
  sandboxWithReceiver,
  type TestClient,
} from '../test/wpay-client.js';
import { expectWebhook } from './expect-webhook.js';

describe('when a test waits for a payment and its webhook', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  before(async () => ({ sb, client, receiver } = await sandboxWithReceiver()));
  after(() => closeAll(sb, receiver));

  it('resolves waitForPayment once the slow card settles', async () => {
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo), { card: 'slow' });
    const waiting = sb.waitForPayment(String(trxNo), 'PAID');
    await sb.clock.advance(60_000);
    assert.equal((await waiting).trxNo, trxNo);
  });

  it('rejects waitForPayment naming the status the payment has', async () => {
    const { trxNo } = await client.checkout();
    await assert.rejects(
      sb.waitForPayment(String(trxNo), 'PAID', { timeoutMs: 30 }),
      /it is PAYING/,
    );
  });

  it('resolves expectWebhook with the delivered event of that payment', async () => {
    const other = await client.checkout();
    await sb.pay(String(other.trxNo));
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo));
    const found = await expectWebhook(sb, {
      eventType: 'credit_card.order.paid',
      trxNo: String(trxNo),
    });
    assert.equal(found.data.trxNo, trxNo);
    assert.equal(found.delivery.state, 'delivered');
  });

  it('rejects expectWebhook with what was delivered instead', async () => {
    const { trxNo } = await client.checkout();
    await sb.cancel(String(trxNo));
    await assert.rejects(
      expectWebhook(sb, {
        eventType: 'credit_card.order.paid',
        trxNo: String(trxNo),
        data: { status: 'PAID' },
        timeoutMs: 50,
      }),
      /no delivered .*credit_card\.order\.paid.*deliveries: .*credit_card\.order\./,
    );
  });

  it('forgets records, events and faults on reset, over the control API too', async () => {
    sb.faults.add({ kind: 'latency', latencyMs: 1, path: '/nowhere' });
    const reset = await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });
    assert.equal(reset.status, 200);
    assert.deepEqual(
      [
        sb.state.payments.length,
        sb.events().length,
        sb.deliveries().length,
        sb.faults.list().length,
      ],
      [0, 0, 0, 0],
    );
    const health = await fetch(`${sb.url}/__sandbox/health`);
    assert.deepEqual(await health.json(), { ok: true, url: sb.url });
    const { trxNo } = await client.checkout();
    assert.match(String(trxNo), /^TRX/);
  });
});
