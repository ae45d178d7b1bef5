import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '../index.js';
import { closeAll, type Receiver, sandboxWithReceiver, TestClient } from '../test/wpay-client.js';

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

describe('when the sandbox has several merchants', () => {
  let sb: Sandbox;
  let northTrxNo: string;
  let defaultTrxNo: string;
  before(async () => {
    sb = await startSandbox({ merchants: [{ id: 'north', merchantName: 'North Mugs' }] });
    northTrxNo = String((await new TestClient(sb.merchant('north'), sb.fetch).checkout()).trxNo);
    defaultTrxNo = String((await new TestClient(sb, sb.fetch).checkout()).trxNo);
    await sb.merchant('north').pay(northTrxNo);
  });
  after(() => sb.close());

  const dashboard = async (query = '') => (await fetch(`${sb.url}/${query}`)).text();
  const act = (path: string, form: Record<string, string>) =>
    fetch(`${sb.url}/__dashboard/${path}`, {
      method: 'POST',
      body: new URLSearchParams(form),
      redirect: 'manual',
    });

  it('offers a switcher to every merchant, the shown one marked', async () => {
    const html = await dashboard();
    assert.match(html, /<nav class="panel" aria-label="Merchants">/);
    assert.match(html, /<a href="\/" aria-current="page"><strong>Sandbox Shop<\/strong>/);
    assert.match(html, /<a href="\/\?merchant=north">North Mugs \(<code>north<\/code>\)<\/a>/);
    const north = await dashboard('?merchant=north');
    assert.match(north, /<a href="\/\?merchant=north" aria-current="page"><strong>North Mugs/);
  });

  it("shows each merchant's own payments and deliveries only", async () => {
    const home = await dashboard();
    assert.match(home, /<h1>WPay sandbox · Sandbox Shop<\/h1>/);
    assert.match(home, /<h2 id="payments">Payments \(1\)<\/h2>/);
    assert.ok(home.includes(defaultTrxNo) && !home.includes(northTrxNo));
    const north = await dashboard('?merchant=north');
    assert.match(north, /<h1>WPay sandbox · North Mugs<\/h1>/);
    assert.match(north, /<h2 id="payments">Payments \(1\)<\/h2>/);
    assert.ok(north.includes(northTrxNo) && !north.includes(defaultTrxNo));
    assert.match(north, /<h2 id="deliveries">Webhook deliveries \(1\)<\/h2>/);
  });

  it("posts a merchant's forms to that merchant and goes back to its page", async () => {
    assert.match(
      await dashboard('?merchant=north'),
      /action="\/__dashboard\/webhook-url\?merchant=north"/,
    );
    const response = await act('webhook-url?merchant=north', { url: 'http://127.0.0.1:9/north' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/?merchant=north');
    assert.match(await dashboard('?merchant=north'), /value="http:\/\/127\.0\.0\.1:9\/north"/);
    assert.doesNotMatch(await dashboard(), /127\.0\.0\.1:9\/north/);
    const [event] = sb.merchant('north').events();
    assert.ok(event);
    const redelivered = await act('redeliver?merchant=north', { eventId: event.eventId });
    assert.equal(redelivered.status, 303);
    assert.equal(sb.merchant('north').deliveries().length, 2);
    assert.equal(sb.deliveries().length, 0);
  });
});
