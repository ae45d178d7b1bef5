import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../index.js';
import {
  closeAll,
  type Receiver,
  sandboxWithClient,
  sandboxWithReceiver,
  type TestClient,
} from '../../test/wpay-client.js';

const REFUND = '/checkout/w-payment/refund';
const DETAIL = '/checkout/w-payment/payments/detail';

describe('when refunding a paid payment', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  let trxNo: string;
  before(async () => {
    ({ sb, client, receiver } = await sandboxWithReceiver());
    trxNo = String((await client.checkout({ amount: 19.99 })).trxNo);
    await sb.pay(trxNo);
  });
  after(() => closeAll(sb, receiver));

  it('answers refundNo, trxNo, amount and status, and the payment becomes PARTIAL_REFUNDED', async () => {
    const answer = await client.call(REFUND, { trxNo, amount: 5.01, reason: 'scratched' });
    assert.equal(answer.json.retcode, '200', answer.text);
    const refund = answer.json.retdata as Record<string, unknown>;
    assert.match(String(refund.refundNo), /^RFD\d+$/);
    assert.equal(refund.trxNo, trxNo);
    assert.equal(refund.amount, 5.01);
    assert.equal(refund.status, 'SUCCESS');
    const payment = (await client.call(DETAIL, { trxNo })).json.retdata as Record<string, unknown>;
    assert.equal(payment.status, 'PARTIAL_REFUNDED');
    assert.equal(payment.refundableAmount, 14.98);
  });

  it('refuses more than what is left with 422 naming the amounts', async () => {
    const answer = await client.call(REFUND, { trxNo, amount: 15 });
    assert.equal(answer.status, 422);
    assert.equal(answer.json.retcode, '422');
    assert.match(String(answer.json.retmsg), /15 USD exceeds the refundable 14.98 USD/);
  });

  it('refunds the rest and the payment becomes REFUNDED, with a refunded webhook', async () => {
    const answer = await client.call(REFUND, { trxNo, amount: 14.98 });
    assert.equal(answer.json.retcode, '200');
    assert.equal(sb.state.payment(trxNo)?.status, 'REFUNDED');
    await sb.idle();
    const types = receiver.received.map((r) => r.json.eventType);
    assert.equal(types.filter((t) => t === 'credit_card.order.refunded').length, 2);
  });

  it('refuses any further refund with 422', async () => {
    const answer = await client.call(REFUND, { trxNo, amount: 0.01 });
    assert.equal(answer.json.retcode, '422');
  });

  it('lists the refunds in state', () => {
    assert.equal(sb.state.refunds.filter((r) => r.trxNo === trxNo).length, 2);
  });
});

describe('when a refund request is wrong', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('refuses a refund of an unpaid payment with 422', async () => {
    const { trxNo } = await client.checkout();
    const answer = await client.call(REFUND, { trxNo, amount: 1 });
    assert.equal(answer.status, 422);
    assert.match(String(answer.json.retmsg), /PAYING/);
  });

  it('refuses an unknown trxNo with 404', async () => {
    const answer = await client.call(REFUND, { trxNo: 'TRX0', amount: 1 });
    assert.equal(answer.status, 404);
    assert.equal(answer.json.retcode, '404');
  });

  it('refuses an amount with 3 decimals for USD with 400', async () => {
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo));
    const answer = await client.call(REFUND, { trxNo, amount: 1.005 });
    assert.equal(answer.json.retcode, '400');
    assert.match(String(answer.json.retmsg), /amount: /);
  });

  it('refuses a missing amount and trxNo, naming both', async () => {
    const answer = await client.call(REFUND, { reason: 'x' });
    assert.match(String(answer.json.retmsg), /trxNo: is required; amount: is required/);
  });
});
