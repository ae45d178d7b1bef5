import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import {
  closeAll,
  HPP,
  type Receiver,
  sandboxWithReceiver,
  type TestClient,
} from '../test/wpay-client.js';

describe('when using the control API', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  before(
    async () => ({ sb, client, receiver } = await sandboxWithReceiver({}, { webhookUrl: false })),
  );
  after(() => closeAll(sb, receiver));

  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sb.url}/__sandbox${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return {
      status: response.status,
      json: (await response.json()) as Record<string, unknown> & unknown[],
    };
  };

  it('sets and reads the webhook URL without a token', async () => {
    const set = await control('PUT', '/webhook-url', { url: receiver.url });
    assert.equal(set.status, 200);
    assert.equal((await control('GET', '/webhook-url')).json.url, receiver.url);
  });

  it('refuses a webhook URL that is not a URL', async () => {
    const answer = await control('PUT', '/webhook-url', { url: 'nope' });
    assert.equal(answer.status, 400);
    assert.match(String((answer.json.error as { message: string }).message), /url/);
  });

  it('pays a hosted page and answers the return URL', async () => {
    const { trxNo } = await client.checkout();
    const answer = await control('POST', `/payments/${trxNo}/pay`, { card: 'success' });
    assert.equal(answer.status, 200);
    assert.equal((answer.json.payment as { status: string }).status, 'PAID');
    assert.match(String(answer.json.returnUrl), /trxNo=TRX/);
  });

  it('cancels a hosted page', async () => {
    const { trxNo } = await client.checkout();
    const answer = await control('POST', `/payments/${trxNo}/cancel`);
    assert.equal((answer.json.payment as { status: string }).status, 'CANCELLED');
  });

  it('refuses to pay a finished page with 409', async () => {
    const { trxNo } = await client.checkout();
    await control('POST', `/payments/${trxNo}/cancel`);
    const answer = await control('POST', `/payments/${trxNo}/pay`, {});
    assert.equal(answer.status, 409);
  });

  it('answers 404 for an unknown payment', async () => {
    const answer = await control('POST', '/payments/TRX0/pay', {});
    assert.equal(answer.status, 404);
  });

  it('lists deliveries and events, and re-delivers one', async () => {
    await sb.idle();
    const events = (await control('GET', '/events')).json as unknown as Array<{ eventId: string }>;
    assert.ok(events.length > 0);
    const before = receiver.received.length;
    const answer = await control('POST', `/events/${events[0]?.eventId}/redeliver`);
    assert.equal(answer.status, 200);
    await sb.idle();
    assert.equal(receiver.received.length, before + 1);
    const deliveries = (await control('GET', '/deliveries')).json as unknown as unknown[];
    assert.ok(deliveries.length >= 2);
  });

  it('answers 404 when re-delivering an unknown event', async () => {
    assert.equal((await control('POST', '/events/evt_nope/redeliver')).status, 404);
  });

  it('triggers an event for a payment', async () => {
    const { trxNo } = await client.checkout();
    const answer = await control('POST', '/events/trigger', {
      eventType: 'credit_card.order.expired',
      trxNo,
    });
    assert.equal(answer.status, 200);
    await sb.idle();
    assert.equal(receiver.received.at(-1)?.json.eventType, 'credit_card.order.expired');
  });

  it('triggers a bill event for a subscription with its latest bill', async () => {
    const id = await client.subscribe();
    const answer = await control('POST', '/events/trigger', {
      eventType: 'credit_card.subscription.bill.paid',
      subscriptionId: id,
    });
    assert.equal(answer.status, 200);
    await sb.idle();
    const hook = receiver.received.at(-1)?.json;
    assert.equal(hook?.eventType, 'credit_card.subscription.bill.paid');
    const data = hook?.data as { subscription: { id: number }; bill: { subscriptionId: number } };
    assert.equal(data.subscription.id, id);
    assert.equal(data.bill.subscriptionId, id);
  });

  it('refuses a trigger without a target', async () => {
    const answer = await control('POST', '/events/trigger', { eventType: 'x' });
    assert.equal(answer.status, 400);
  });

  it('advances the clock by days and months', async () => {
    const before = (await control('GET', '/clock')).json.now as number;
    const answer = await control('POST', '/clock/advance', { days: 2 });
    assert.ok((answer.json.now as number) - before >= 2 * 86_400_000);
    assert.ok((answer.json.offsetMs as number) >= 2 * 86_400_000);
  });

  it('refuses a negative advance', async () => {
    assert.equal((await control('POST', '/clock/advance', { ms: -1 })).status, 400);
  });

  it('adds, lists, removes and clears faults', async () => {
    const added = await control('POST', '/faults', { kind: 'http-5xx', path: HPP, times: 1 });
    assert.equal(added.status, 200);
    assert.equal(((await control('GET', '/faults')).json as unknown as unknown[]).length, 1);
    assert.equal((await client.call(HPP, {})).status, 503);
    const second = await control('POST', '/faults', { kind: 'latency' });
    const removed = await control('DELETE', `/faults/${second.json.id}`);
    assert.equal((removed.json as unknown as unknown[]).length, 1);
    const cleared = await control('DELETE', '/faults');
    assert.deepEqual(cleared.json, []);
  });

  it('refuses an invalid fault rule naming the field', async () => {
    const answer = await control('POST', '/faults', { kind: 'meteor' });
    assert.equal(answer.status, 400);
    assert.match(String((answer.json.error as { message: string }).message), /kind/);
  });

  it('is not hit by faults itself', async () => {
    await control('POST', '/faults', { kind: 'http-5xx' });
    assert.equal((await control('GET', '/state')).status, 200);
    await control('DELETE', '/faults');
  });

  it('answers state, stats and the request log', async () => {
    const state = (await control('GET', '/state')).json;
    assert.ok(Array.isArray(state.payments) && state.payments.length > 0);
    const stats = (await control('GET', '/stats')).json;
    assert.equal(typeof stats.tokenRequests, 'number');
    const requests = (await control('GET', '/requests')).json as unknown as Array<{ path: string }>;
    assert.ok(requests.some((r) => r.path === HPP));
  });

  it('sets the renewal card of a subscription', async () => {
    const id = await client.subscribe();
    const answer = await control('POST', `/subscriptions/${id}/renewal-card`, { card: 'declined' });
    assert.equal(answer.status, 200);
  });

  it('answers 404 for an unknown control path and 405 for a wrong method', async () => {
    assert.equal((await control('GET', '/nothing')).status, 404);
    assert.equal((await control('DELETE', '/state')).status, 405);
  });
});
