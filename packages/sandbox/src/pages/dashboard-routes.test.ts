import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import {
  closeAll,
  type Receiver,
  sandboxWithReceiver,
  type TestClient,
} from '../test/wpay-client.js';

describe('when opening the dashboard', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  let trxNo: string;
  before(async () => {
    ({ sb, client, receiver } = await sandboxWithReceiver());
    trxNo = String((await client.checkout()).trxNo);
    await sb.pay(trxNo);
    await client.call('/checkout/w-payment/refund', { trxNo, amount: 1 });
    await client.subscribe();
    await sb.idle();
  });
  after(() => closeAll(sb, receiver));

  const dashboard = async (query = '') => (await fetch(`${sb.url}/${query}`)).text();
  const act = (path: string, form: Record<string, string>) =>
    fetch(`${sb.url}/__dashboard/${path}`, {
      method: 'POST',
      body: new URLSearchParams(form),
      redirect: 'manual',
    });

  it('lists payments, subscriptions, refunds and deliveries with attempts', async () => {
    const html = await dashboard();
    assert.match(html, /<h2 id="payments">Payments \(2\)<\/h2>/);
    assert.match(html, /<h2 id="subscriptions">Subscriptions \(1\)<\/h2>/);
    assert.match(html, /<h2 id="refunds">Refunds \(1\)<\/h2>/);
    assert.ok(html.includes(trxNo));
    assert.match(html, /credit_card\.order\.refunded/);
    assert.match(html, /1 attempt\(s\), last 200/);
  });

  it('advances the clock by a month with a button, billing the subscription', async () => {
    const before = sb.state.bills.length;
    const response = await act('advance', { by: '1mo' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/');
    assert.equal(sb.state.bills.length, before + 1);
  });

  it('advances the clock by an hour and a day', async () => {
    const before = sb.clock.now();
    await act('advance', { by: '1h' });
    await act('advance', { by: '1d' });
    assert.ok(sb.clock.now() - before >= 25 * 3_600_000);
  });

  it('re-delivers an event with a button', async () => {
    const [event] = sb.events();
    const before = receiver.received.length;
    const response = await act('redeliver', { eventId: String(event?.eventId) });
    assert.equal(response.status, 303);
    await sb.idle();
    assert.equal(receiver.received.length, before + 1);
  });

  it('triggers an event with a button', async () => {
    await act('trigger', { eventType: 'credit_card.order.cancelled', trxNo });
    await sb.idle();
    assert.equal(receiver.received.at(-1)?.json.eventType, 'credit_card.order.cancelled');
  });

  it('triggers a subscription event with a button, carrying the subscription', async () => {
    const [sub] = sb.state.subscriptions;
    await act('trigger', {
      eventType: 'credit_card.subscription.expired',
      subscriptionId: String(sub?.id),
    });
    await sb.idle();
    const hook = receiver.received.at(-1)?.json;
    assert.equal(hook?.eventType, 'credit_card.subscription.expired');
    assert.equal((hook?.data as { id?: number } | undefined)?.id, sub?.id);
  });

  it('refuses a trigger without a target with 400', async () => {
    assert.equal((await act('trigger', { eventType: 'credit_card.order.paid' })).status, 400);
  });

  it('refuses an unknown advance step with 400', async () => {
    assert.equal((await act('advance', { by: '1y' })).status, 400);
  });

  it('sets the webhook URL with a form', async () => {
    await act('webhook-url', { url: `${receiver.url}?v=2` });
    assert.match(await dashboard(), /v=2/);
  });

  it('refreshes itself on request', async () => {
    assert.match(await dashboard('?refresh=5'), /<meta http-equiv="refresh" content="5">/);
    assert.doesNotMatch(await dashboard(), /http-equiv="refresh"/);
  });
});
