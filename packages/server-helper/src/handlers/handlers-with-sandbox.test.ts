import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, signWebhook as sandboxSign, startSandbox } from '@wpay/sandbox';
import * as z from 'zod';
import { toNodeHandler } from '../node.js';
import { RedisClaimStore } from '../stores/redis-claim-store.js';
import { RedisTokenStore } from '../stores/redis-token-store.js';
import { startRedisWithClients, type TestRedisClients } from '../test/redis-server.js';
import { verifyWebhook } from '../webhooks/verify-webhook.js';
import type { WebhookEvent } from '../webhooks/webhook-event.js';
import { WPay } from '../wpay.js';
import type { CheckoutHandlerOptions } from './checkout-handler.js';
import { createStatusHandler } from './status-handler.js';
import type { WebhookHandlerOptions } from './webhook-handler.js';

const SHOP = 'https://shop.example';
const PRICES: Record<string, string> = { tee: '19.99', mug: '8.50' };
let orderSeq = 0;

const skuBody = z.object({ sku: z.enum(['tee', 'mug']) });

function checkoutFor(wpay: WPay, extra: Partial<CheckoutHandlerOptions<typeof skuBody>> = {}) {
  return wpay.checkoutHandler({
    body: skuBody,
    resolveOrder: ({ sku }) => ({
      mchOrderNo: `order_${process.pid}_${++orderSeq}`,
      amount: PRICES[sku] as string,
      currency: 'USD',
      description: `One ${sku}`,
    }),
    publicUrl: SHOP,
    successUrl: '/thanks',
    cancelUrl: '/cart',
    ...extra,
  });
}

function buttonPost(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${SHOP}/api/checkout`, {
    method: 'POST',
    headers: {
      origin: SHOP,
      'content-type': 'application/json',
      'idempotency-key': crypto.randomUUID(),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let sb: Sandbox;
let wpay: WPay;
const servers: Server[] = [];

async function serveWebhook(options: WebhookHandlerOptions): Promise<string> {
  const handler = wpay.webhookHandler(options);
  const server = createServer(toNodeHandler(handler));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/wpay/webhook`;
}

before(async () => {
  sb = await startSandbox({ port: 0, timeScale: 1000, seed: 1 });
  wpay = new WPay({ ...sb.credentials, baseUrl: sb.url, fetch: sb.fetch });
});

after(async () => {
  await sb.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('a checkout through the sandbox', () => {
  it('goes from the button request to the hosted page, priced by the server', async () => {
    const res = await checkoutFor(wpay)(buttonPost({ sku: 'tee', amount: 0.01, currency: 'JPY' }));
    assert.equal(res.status, 200);
    const { redirectUrl, trxNo } = (await res.json()) as { redirectUrl: string; trxNo: string };
    assert.match(trxNo, /^TRX/);
    assert.ok(redirectUrl.startsWith(`${sb.url}/hpp/`), redirectUrl);

    const page = await sb.fetch(redirectUrl);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /19\.99/);

    const payment = sb.state.payment(trxNo);
    assert.equal(payment?.amount, 19.99);
    assert.equal(payment?.currency, 'USD');
    const paid = await sb.pay(trxNo, { card: 'success' });
    const returnUrl = new URL(paid.returnUrl);
    assert.equal(`${returnUrl.origin}${returnUrl.pathname}`, `${SHOP}/thanks`);
    assert.equal(returnUrl.searchParams.get('mchOrderNo'), payment?.mchOrderNo);
  });

  it('answers the no-JS form post with 303 to the hosted page', async () => {
    const res = await checkoutFor(wpay)(
      new Request(`${SHOP}/api/checkout`, {
        method: 'POST',
        headers: { origin: SHOP, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'sku=mug',
      }),
    );
    assert.equal(res.status, 303);
    assert.ok(res.headers.get('location')?.startsWith(`${sb.url}/hpp/`));
  });

  it('reports the confirmed status after the buyer pays; the order only to the pair', async () => {
    const res = await checkoutFor(wpay)(buttonPost({ sku: 'mug' }));
    const { trxNo } = (await res.json()) as { trxNo: string };
    const status = wpay.statusHandler();
    const before = await (await status(new Request(`${SHOP}/status?trxNo=${trxNo}`))).json();
    assert.deepEqual(
      [before.status, before.outcome, before.final],
      ['PAYING', 'processing', false],
    );

    await sb.pay(trxNo, { card: 'success' });
    const paid = await (await status(new Request(`${SHOP}/status?trxNo=${trxNo}`))).json();
    assert.deepEqual([paid.status, paid.outcome, paid.final], ['PAID', 'succeeded', true]);

    assert.equal('mchOrderNo' in paid, false, 'a trxNo alone proves nothing: outcome only');

    const payment = await wpay.payments.retrieve({ trxNo });
    const pair = `trxNo=${trxNo}&mchOrderNo=${payment.mchOrderNo}`;
    const proven = await (await status(new Request(`${SHOP}/status?${pair}`))).json();
    assert.deepEqual(
      [proven.trxNo, proven.mchOrderNo, proven.amount, proven.currency],
      [trxNo, payment.mchOrderNo, 8.5, 'USD'],
    );
    const byOrder = await status(new Request(`${SHOP}/status?mchOrderNo=${payment.mchOrderNo}`));
    assert.equal((await byOrder.json()).outcome, 'succeeded');
    const unknown = await status(new Request(`${SHOP}/status?trxNo=TRX000000000`));
    assert.equal(unknown.status, 404);
  });

  it('answers 502 with a safe message when WPay refuses the session', async () => {
    const wrong = new WPay({
      ...sb.credentials,
      apiSecret: 'wrong-secret',
      baseUrl: sb.url,
      fetch: sb.fetch,
    });
    const res = await checkoutFor(wrong)(buttonPost({ sku: 'tee' }));
    assert.equal(res.status, 502);
    const text = await res.text();
    assert.ok(!text.includes('wrong-secret') && !text.includes(sb.credentials.apiKey), text);
  });

  it('answers the status 502 when WPay is unreachable', async () => {
    const down = new WPay({ ...sb.credentials, baseUrl: 'http://127.0.0.1:1', maxRetries: 0 });
    const res = await createStatusHandler(down)(new Request(`${SHOP}/status?trxNo=TRX1`));
    assert.equal(res.status, 502);
  });
});

describe('webhooks sent by the sandbox', () => {
  it('verify with the sign key, and reach the typed handler once', async () => {
    const events: WebhookEvent[] = [];
    const url = await serveWebhook({
      on: { 'credit_card.order.paid': (event) => void events.push(event) },
    });
    sb.setWebhookUrl(url);
    const { trxNo } = (await (await checkoutFor(wpay)(buttonPost({ sku: 'tee' }))).json()) as {
      trxNo: string;
    };
    await sb.pay(trxNo, { card: 'success' });
    const [delivery] = await sb.waitForDeliveries({ eventType: 'credit_card.order.paid' });
    assert.equal(events.length, 1);
    const event = events[0];
    if (!event?.known || event.eventType !== 'credit_card.order.paid') assert.fail('no paid event');
    assert.equal(event.data.trxNo, trxNo);
    assert.equal(delivery?.state, 'delivered');

    // A duplicate delivery of the same event is acknowledged and not handled again.
    sb.redeliver(event.eventId);
    await sb.waitForDeliveries({ eventType: 'credit_card.order.paid', count: 2 });
    assert.equal(events.length, 1);
  });

  it("verify with verifyWebhook over the exact bytes, signed by the sandbox's own signer", async () => {
    const sent = sb.events().at(-1);
    if (!sent) assert.fail('no event sent');
    const timestamp = String(Date.now());
    const headers = {
      signature: sandboxSign(sb.credentials.signKey, timestamp, sent.body),
      timestamp,
    };
    const event = await verifyWebhook(sent.body, headers, { signKey: sb.credentials.signKey });
    assert.equal(event.eventId, sent.eventId);
    assert.equal((await wpay.webhooks.verify(sent.body, headers)).eventId, sent.eventId);
    await assert.rejects(
      verifyWebhook(`${sent.body} `, headers, { signKey: sb.credentials.signKey }),
      /does not match/,
    );
  });

  it('are retried after the handler throws, and the retry is handled', async () => {
    let attempts = 0;
    const handled: string[] = [];
    const url = await serveWebhook({
      on: {
        'credit_card.order.paid': (event) => {
          attempts++;
          if (attempts === 1) throw new Error('database down');
          handled.push(event.data.trxNo);
        },
      },
    });
    sb.setWebhookUrl(url);
    const { trxNo } = (await (await checkoutFor(wpay)(buttonPost({ sku: 'mug' }))).json()) as {
      trxNo: string;
    };
    await sb.pay(trxNo, { card: 'success' });
    const delivery = await waitFor(() => {
      const sent = sb.events().find((e) => e.body.includes(trxNo));
      const found = sb.deliveries().find((d) => d.eventId === sent?.eventId);
      return found?.state === 'delivered' ? found : undefined;
    });
    assert.deepEqual(
      delivery.attempts.map((a) => a.status),
      [500, 200],
    );
    assert.deepEqual(handled, [trxNo]);
    assert.equal(attempts, 2);
  });
});

describe('four WPay instances sharing one Redis', () => {
  let redis: TestRedisClients;

  before(async () => {
    redis = await startRedisWithClients();
  });
  after(() => redis.stop());

  it('make exactly one token request under 200 concurrent checkouts', async () => {
    const shared = await startSandbox({ port: 0, timeScale: 1000, seed: 2 });
    try {
      const clients = [redis.nodeRedis, redis.ioredis, redis.nodeRedis, redis.ioredis];
      const handlers = clients.map((client) =>
        checkoutFor(
          new WPay({
            ...shared.credentials,
            baseUrl: shared.url,
            fetch: shared.fetch,
            tokenStore: new RedisTokenStore(client),
          }),
          { idempotencyStore: new RedisClaimStore(client) },
        ),
      );
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          (handlers[i % 4] as (r: Request) => Promise<Response>)(buttonPost({ sku: 'tee' })),
        ),
      );
      const statuses = answers.map((r) => r.status);
      assert.deepEqual(new Set(statuses), new Set([200]));
      const trxNos = new Set(
        await Promise.all(answers.map(async (r) => ((await r.json()) as { trxNo: string }).trxNo)),
      );
      assert.equal(trxNos.size, 200);
      assert.equal(shared.stats().tokenRequests, 1);
    } finally {
      await shared.close();
    }
  });
});
