import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { signWebhook } from '../api/signature.js';
import { SANDBOX_DEFAULTS } from '../defaults.js';
import type { Sandbox } from '../index.js';
import {
  closeAll,
  type Received,
  type Receiver,
  sandboxWithClient,
  sandboxWithReceiver,
  startReceiver,
  type TestClient,
} from '../test/wpay-client.js';

const SCHEDULE_S = SANDBOX_DEFAULTS.webhookRetryScheduleSeconds;

function dataOf(received: Received | undefined): Record<string, unknown> {
  return (received?.json.data ?? {}) as Record<string, unknown>;
}

describe('when a payment changes state', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  before(async () => ({ sb, client, receiver } = await sandboxWithReceiver({ timeScale: 1 })));
  after(() => closeAll(sb, receiver));
  afterEach(() => {
    receiver.received.length = 0;
  });

  it('sends a webhook signed over TIMESTAMP + raw body with the sign key', async () => {
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo));
    await sb.idle();
    const [hook] = receiver.received;
    assert.ok(hook);
    const timestamp = String(hook.headers.timestamp);
    assert.match(timestamp, /^\d{13}$/);
    assert.equal(hook.headers.signature, signWebhook(sb.credentials.signKey, timestamp, hook.body));
    assert.match(String(hook.headers['content-type']), /application\/json/);
  });

  it('wraps the payment in { eventId, eventType, createTime, data }', async () => {
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo));
    await sb.idle();
    const event = receiver.received[0]?.json as Record<string, unknown>;
    assert.match(String(event.eventId), /^evt_/);
    assert.equal(event.eventType, 'credit_card.order.paid');
    assert.match(String(event.createTime), /^\d{4}-\d{2}-\d{2}T/);
    const data = event.data as Record<string, unknown>;
    assert.equal(data.trxNo, trxNo);
    assert.equal(typeof data.id, 'number');
    assert.equal(data.status, 'PAID');
  });

  for (const [card, expected] of [
    ['declined', 'credit_card.order.failed'],
    ['insufficient_funds', 'credit_card.order.failed'],
  ] as const) {
    it(`sends ${expected} for the ${card} card`, async () => {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo), { card });
      await sb.idle();
      assert.equal(receiver.received[0]?.json.eventType, expected);
    });
  }

  it('sends credit_card.order.cancelled when the shopper cancels', async () => {
    const { trxNo } = await client.checkout();
    await sb.cancel(String(trxNo));
    await sb.idle();
    assert.equal(receiver.received[0]?.json.eventType, 'credit_card.order.cancelled');
  });

  it('sends credit_card.order.expired when the session outlives its TTL', async () => {
    const { trxNo } = await client.checkout();
    await sb.clock.advance(SANDBOX_DEFAULTS.sessionTtlSeconds * 1000 + 1);
    await sb.idle();
    assert.equal(sb.state.payment(String(trxNo))?.status, 'EXPIRED');
    const hook = receiver.received.find((r) => dataOf(r).trxNo === trxNo);
    assert.equal(hook?.json.eventType, 'credit_card.order.expired');
  });

  it('keeps the slow card PAYING, then PAID with a paid webhook', async () => {
    const { trxNo } = await client.checkout();
    const paying = await sb.pay(String(trxNo), { card: 'slow' });
    assert.equal(paying.status, 'PAYING');
    assert.equal(receiver.received.length, 0);
    await sb.clock.advance(SANDBOX_DEFAULTS.slowCardSeconds * 1000);
    await sb.idle();
    assert.equal(sb.state.payment(String(trxNo))?.status, 'PAID');
    assert.equal(receiver.received[0]?.json.eventType, 'credit_card.order.paid');
  });

  it('records each attempt with time, status, body excerpt and duration', async () => {
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo));
    await sb.idle();
    const delivery = sb.deliveries().at(-1);
    assert.equal(delivery?.state, 'delivered');
    const attempt = delivery?.attempts[0];
    assert.equal(attempt?.status, 200);
    assert.equal(attempt?.bodyExcerpt, 'SUCCESS');
    assert.equal(attempt?.error, null);
    assert.equal(typeof attempt?.durationMs, 'number');
    assert.ok(!Number.isNaN(Date.parse(String(attempt?.at))));
  });
});

describe('when the receiver fails N times', () => {
  it('sees N+1 attempts of the same event, at the schedule divided by timeScale', async () => {
    const failures = 4;
    const { sb, client, receiver } = await sandboxWithReceiver(
      { timeScale: 1000 },
      { answer: (n) => (n < failures ? 500 : 200) },
    );
    try {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo));
      await sb.idle();
      assert.equal(receiver.received.length, failures + 1);
      assert.equal(new Set(receiver.received.map((r) => r.json.eventId)).size, 1);
      assert.equal(new Set(receiver.received.map((r) => r.body)).size, 1, 'same bytes each time');
      const [delivery] = sb.deliveries();
      assert.equal(delivery?.state, 'delivered');
      assert.deepEqual(
        delivery?.attempts.map((a) => a.status),
        [500, 500, 500, 500, 200],
      );
      assert.deepEqual(
        delivery?.attempts.map((a) => a.delayMs),
        [0, ...SCHEDULE_S.slice(0, failures).map((s) => s)],
      );
    } finally {
      await closeAll(sb, receiver);
    }
  });

  it('gives up after 1 + 14 attempts', async () => {
    const { sb, client, receiver } = await sandboxWithReceiver(
      { timeScale: 1_000_000 },
      { answer: () => 503 },
    );
    try {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo));
      await sb.idle();
      const [delivery] = sb.deliveries();
      assert.equal(delivery?.state, 'failed');
      assert.equal(delivery?.attempts.length, 15);
      assert.equal(receiver.received.length, 15);
      assert.deepEqual(
        delivery?.attempts.map((a) => a.delayMs),
        [0, ...SCHEDULE_S.map((s) => s / 1000)],
      );
    } finally {
      await closeAll(sb, receiver);
    }
  });

  it('retries when the sandbox clock passes the next delay, not before', async () => {
    const { sb, client, receiver } = await sandboxWithReceiver(
      { timeScale: 1 },
      { answer: (n) => (n < 2 ? 500 : 200) },
    );
    try {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo));
      await sb.idle({ retries: false });
      assert.equal(receiver.received.length, 1);
      await sb.clock.advance(10_000);
      await sb.idle({ retries: false });
      assert.equal(receiver.received.length, 1, 'not yet: the first retry waits 15 s');
      await sb.clock.advance(6_000);
      await sb.idle({ retries: false });
      assert.equal(receiver.received.length, 2);
      await sb.clock.advance(16_000);
      await sb.idle();
      assert.equal(receiver.received.length, 3);
      assert.equal(sb.deliveries()[0]?.state, 'delivered');
    } finally {
      await closeAll(sb, receiver);
    }
  });

  it('counts a receiver that does not answer in time as a failure', async () => {
    const { sb, client, receiver } = await sandboxWithReceiver(
      { webhookTimeoutMs: 100 },
      { answer: (n) => (n === 0 ? 'hang' : 200) },
    );
    try {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo));
      await sb.idle();
      const [delivery] = sb.deliveries();
      assert.equal(delivery?.attempts.length, 2);
      assert.equal(delivery?.attempts[0]?.status, null);
      assert.match(String(delivery?.attempts[0]?.error), /timeout/);
      assert.equal(delivery?.state, 'delivered');
    } finally {
      await closeAll(sb, receiver);
    }
  });

  it('records a warning for a 2xx without SUCCESS, and counts it delivered', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const { sb, client } = await sandboxWithClient({ webhookUrl: `http://127.0.0.1:${port}/` });
    try {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo));
      await sb.idle();
      const [delivery] = sb.deliveries();
      assert.equal(delivery?.state, 'delivered');
      assert.match(String(delivery?.attempts[0]?.warning), /SUCCESS/);
    } finally {
      await sb.close();
      server.close();
    }
  });
});

describe('when delivering on demand', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  before(
    async () => ({ sb, client, receiver } = await sandboxWithReceiver({}, { webhookUrl: false })),
  );
  after(() => closeAll(sb, receiver));

  it('records the event without attempts while no webhook URL is set', async () => {
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo));
    const [delivery] = sb.deliveries();
    assert.equal(delivery?.state, 'no_url');
    assert.equal(delivery?.attempts.length, 0);
  });

  it('re-delivers an event with the same id and bytes once a URL is set', async () => {
    sb.setWebhookUrl(receiver.url);
    const [event] = sb.events();
    const delivery = sb.redeliver(String(event?.eventId));
    assert.equal(delivery.redelivery, true);
    await sb.idle();
    assert.equal(receiver.received.length, 1);
    assert.equal(receiver.received[0]?.body, event?.body);
  });

  it('refuses to re-deliver an unknown event', () => {
    assert.throws(() => sb.redeliver('evt_nope'), /evt_nope/);
  });

  it('triggers any event type for a payment on demand', async () => {
    const { trxNo } = await client.checkout();
    const event = sb.trigger('credit_card.order.paid', { trxNo: String(trxNo) });
    await sb.idle();
    const hook = receiver.received.find((r) => r.json.eventId === event.eventId);
    assert.equal(hook?.json.eventType, 'credit_card.order.paid');
    assert.equal(dataOf(hook).status, 'PAYING');
  });

  it('waits for a number of deliveries', async () => {
    const { trxNo } = await client.checkout();
    await sb.pay(String(trxNo));
    const found = await sb.waitForDeliveries({ eventType: 'credit_card.order.paid', count: 1 });
    assert.ok(found.length >= 1);
  });
});

describe('when webhook faults are set', () => {
  let receiver: Receiver;
  before(async () => {
    receiver = await startReceiver();
  });
  after(() => receiver.close());
  afterEach(() => {
    receiver.received.length = 0;
  });

  it('drops an event: the receiver never sees it', async () => {
    const { sb, client } = await sandboxWithClient({
      webhookUrl: receiver.url,
      faults: [{ kind: 'webhook-drop', path: 'credit_card.order.paid', times: 1 }],
    });
    try {
      const first = await client.checkout();
      await sb.pay(String(first.trxNo));
      const second = await client.checkout();
      await sb.pay(String(second.trxNo));
      await sb.idle();
      assert.equal(receiver.received.length, 1);
      assert.equal(dataOf(receiver.received[0]).trxNo, second.trxNo);
      assert.equal(sb.deliveries()[0]?.state, 'dropped');
    } finally {
      await sb.close();
    }
  });

  it('duplicates an event: the receiver sees the same eventId twice', async () => {
    const { sb, client } = await sandboxWithClient({
      webhookUrl: receiver.url,
      faults: [{ kind: 'webhook-duplicate' }],
    });
    try {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo));
      await sb.idle();
      assert.equal(receiver.received.length, 2);
      assert.equal(receiver.received[0]?.json.eventId, receiver.received[1]?.json.eventId);
    } finally {
      await sb.close();
    }
  });

  it('reorders: a held-back event arrives after a later one', async () => {
    const { sb, client } = await sandboxWithClient({
      webhookUrl: receiver.url,
      faults: [{ kind: 'webhook-reorder', path: 'credit_card.order.paid', delayMs: 60_000 }],
    });
    try {
      const { trxNo } = await client.checkout();
      await sb.pay(String(trxNo));
      await client.call('/checkout/w-payment/refund', { trxNo, amount: 1 });
      await sb.waitForDeliveries({ eventType: 'credit_card.order.refunded' });
      await sb.clock.advance(60_000);
      await sb.idle();
      assert.deepEqual(
        receiver.received.map((r) => r.json.eventType),
        ['credit_card.order.refunded', 'credit_card.order.paid'],
      );
    } finally {
      await sb.close();
    }
  });
});
