import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import {
  closeAll,
  type Receiver,
  sandboxWithReceiver,
  type TestClient,
} from '../test/wpay-client.js';
import { expectWebhook } from '../testing/index.js';

describe('when a test triggers an event with override data', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  before(async () => ({ sb, client, receiver } = await sandboxWithReceiver()));
  after(() => closeAll(sb, receiver));

  it('sends the payment with the override laid over it, leaving the record alone', async () => {
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo));
    const event = sb.trigger(
      'credit_card.order.paid',
      { trxNo: String(trxNo) },
      { override: { amount: 0.01, note: 'odd' } },
    );
    const data = (JSON.parse(event.body) as { data: Record<string, unknown> }).data;
    assert.deepEqual([data.trxNo, data.amount, data.note], [trxNo, 0.01, 'odd']);
    assert.equal(sb.state.payment(String(trxNo))?.amount, 19.99);
    await expectWebhook(sb, {
      eventType: 'credit_card.order.paid',
      trxNo: String(trxNo),
      data: { note: 'odd' },
    });
  });

  it('takes the override over the control API too', async () => {
    const { trxNo } = await client.checkout();
    const response = await fetch(`${sb.url}/__sandbox/events/trigger`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        eventType: 'credit_card.order.failed',
        trxNo,
        override: { failureReason: 'authentication_required' },
      }),
    });
    assert.equal(response.status, 200);
    const { body } = (await response.json()) as { body: string };
    assert.equal(
      (JSON.parse(body) as { data: { failureReason: string } }).data.failureReason,
      'authentication_required',
    );
  });
});
