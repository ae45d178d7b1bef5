import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import { closeAll, type Receiver, sandboxWithReceiver } from '../test/wpay-client.js';
import { SCENARIO_NAMES } from './run-scenario.js';

describe('when a test asks for a named scenario', () => {
  let sb: Sandbox;
  let receiver: Receiver;
  before(async () => ({ sb, receiver } = await sandboxWithReceiver()));
  beforeEach(() => {
    sb.reset();
    receiver.received.length = 0;
  });
  after(() => closeAll(sb, receiver));

  /** The event types delivered to the shop, in arrival order. */
  const delivered = async () => {
    await sb.idle();
    return receiver.received.map((r) => String(r.json.eventType));
  };

  it('payment.paid: one paid payment and its webhook', async () => {
    const result = await sb.scenario('payment.paid');
    assert.equal(result.trxNos.length, 1);
    assert.equal(sb.state.payment(result.trxNos[0] ?? '')?.status, 'PAID');
    assert.deepEqual(await delivered(), ['credit_card.order.paid']);
    assert.equal(result.eventIds.length, 1);
  });

  it('payment.declined: FAILED with card_declined', async () => {
    const { trxNos } = await sb.scenario('payment.declined');
    const payment = sb.state.payment(trxNos[0] ?? '');
    assert.equal(payment?.status, 'FAILED');
    assert.equal(payment?.failureReason, 'card_declined');
    assert.deepEqual(await delivered(), ['credit_card.order.failed']);
  });

  it('checkout.expired: EXPIRED without moving the clock', async () => {
    const offset = sb.clock.now() - Date.now();
    const { trxNos } = await sb.scenario('checkout.expired');
    assert.equal(sb.state.payment(trxNos[0] ?? '')?.status, 'EXPIRED');
    assert.ok(Math.abs(sb.clock.now() - Date.now() - offset) < 1_000, 'the clock stayed');
    assert.deepEqual(await delivered(), ['credit_card.order.expired']);
  });

  it('checkout.3ds_abandoned: the challenge left, then EXPIRED', async () => {
    const { trxNos } = await sb.scenario('checkout.3ds_abandoned');
    assert.equal(sb.state.payment(trxNos[0] ?? '')?.status, 'EXPIRED');
    assert.deepEqual(await delivered(), ['credit_card.order.expired']);
  });

  it('refund.partial_then_full: two refunds, PARTIAL_REFUNDED then REFUNDED', async () => {
    const { trxNos, refundNos } = await sb.scenario('refund.partial_then_full');
    const trxNo = trxNos[0] ?? '';
    assert.equal(refundNos.length, 2);
    assert.deepEqual(
      sb.state.refunds.filter((r) => r.trxNo === trxNo).map((r) => r.amount),
      [5, 15],
    );
    assert.equal(sb.state.payment(trxNo)?.status, 'REFUNDED');
    const statuses = receiver.received.map((r) => (r.json.data as { status: string }).status);
    assert.deepEqual(await delivered(), [
      'credit_card.order.paid',
      'credit_card.order.refunded',
      'credit_card.order.refunded',
    ]);
    assert.deepEqual(
      receiver.received.map((r) => (r.json.data as { status: string }).status),
      ['PAID', 'PARTIAL_REFUNDED', 'REFUNDED'],
      `${statuses}`,
    );
  });

  it('subscription.renewal_failed_then_recovered: PAST_DUE, then ACTIVE again', async () => {
    const { subscriptionIds, trxNos } = await sb.scenario(
      'subscription.renewal_failed_then_recovered',
    );
    const id = subscriptionIds[0];
    assert.equal(trxNos.length, 3, 'the first payment and two renewals');
    assert.deepEqual(
      sb.state.bills.filter((b) => b.subscriptionId === id).map((b) => b.status),
      ['PAID', 'FAILED', 'PAID'],
    );
    assert.equal(sb.state.subscriptions.find((s) => s.id === id)?.status, 'ACTIVE');
    assert.deepEqual(await delivered(), [
      'credit_card.order.paid',
      'credit_card.subscription.bill.failed',
      'credit_card.subscription.bill.paid',
    ]);
  });

  it('subscription.expired_after_failures: EXPIRED after maxFailedRenewals failures', async () => {
    const { subscriptionIds } = await sb.scenario('subscription.expired_after_failures');
    const id = subscriptionIds[0];
    assert.equal(sb.state.subscriptions.find((s) => s.id === id)?.status, 'EXPIRED');
    const events = await delivered();
    assert.equal(events.filter((e) => e === 'credit_card.subscription.bill.failed').length, 3);
    assert.equal(events.at(-1), 'credit_card.subscription.expired');
  });

  it('subscription.cancelled: CANCELLED with its webhook', async () => {
    const { subscriptionIds } = await sb.scenario('subscription.cancelled');
    const id = subscriptionIds[0];
    assert.equal(sb.state.subscriptions.find((s) => s.id === id)?.status, 'CANCELLED');
    assert.equal((await delivered()).at(-1), 'credit_card.subscription.cancelled');
  });

  it('webhook.duplicate_and_reorder: the paid event twice more, after the refund', async () => {
    const { eventIds, deliveryIds } = await sb.scenario('webhook.duplicate_and_reorder');
    assert.equal(eventIds.length, 2, 'paid and refunded');
    assert.equal(deliveryIds.length, 4, 'two deliveries and two re-deliveries');
    const events = await delivered();
    assert.deepEqual([...events].sort(), [
      'credit_card.order.paid',
      'credit_card.order.paid',
      'credit_card.order.paid',
      'credit_card.order.refunded',
    ]);
    const paidIds = new Set(
      receiver.received
        .filter((r) => r.json.eventType === 'credit_card.order.paid')
        .map((r) => r.json.eventId),
    );
    assert.equal(paidIds.size, 1, 'one eventId delivered three times');
  });

  it('runs every scenario from the control API, and refuses an unknown one naming the known', async () => {
    for (const name of SCENARIO_NAMES) {
      const answer = await fetch(`${sb.url}/__sandbox/scenarios/${name}`, { method: 'POST' });
      assert.equal(answer.status, 200, name);
      const result = (await answer.json()) as { scenario: string; trxNos: string[] };
      assert.equal(result.scenario, name);
      assert.ok(result.trxNos.length > 0, name);
    }
    const unknown = await fetch(`${sb.url}/__sandbox/scenarios/refund.twice`, { method: 'POST' });
    assert.equal(unknown.status, 404);
    assert.match(
      ((await unknown.json()) as { error: { message: string } }).error.message,
      /no scenario "refund\.twice" \(known: payment\.paid, /,
    );
    await assert.rejects(sb.scenario('nope'), /no scenario "nope"/);
  });

  it('runs a scenario for one merchant only', async () => {
    const multi = await sandboxWithReceiver({ merchants: [{ id: 'north' }] });
    try {
      const result = await multi.sb.merchant('north').scenario('payment.paid');
      assert.ok(multi.sb.merchant('north').state.payment(result.trxNos[0] ?? ''));
      assert.equal(multi.sb.state.payments.length, 0);
    } finally {
      await closeAll(multi.sb, multi.receiver);
    }
  });
});
