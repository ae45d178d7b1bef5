// Runs the README's examples (each README block is one file of src/test/readme-examples/, see
// readme-contents.test.ts) against the sandbox, and a throw-away redis-server for the Redis example.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import { type Sandbox, signWebhook as sandboxSign, startSandbox } from '@wpay/sandbox';
import express from 'express';
import { toNodeHandler } from './node.js';
import { startRedis } from './test/redis-server.js';

const SHOP = 'https://shop.example';

let sb: Sandbox;
let orders: typeof import('./test/readme-examples/orders.js').orders;
const servers: Server[] = [];

before(async () => {
  sb = await startSandbox({ port: 0, timeScale: 1000, seed: 3 });
  Object.assign(process.env, {
    WPAY_API_KEY: sb.credentials.apiKey,
    WPAY_API_SECRET: sb.credentials.apiSecret,
    WPAY_SIGN_KEY: sb.credentials.signKey,
    WPAY_BASE_URL: sb.url,
    SHOP_URL: SHOP,
  });
  ({ orders } = await import('./test/readme-examples/orders.js'));
});

after(async () => {
  await sb.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(app: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(app);
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const checkoutInit = (sku: string): RequestInit => ({
  method: 'POST',
  headers: {
    origin: SHOP,
    'content-type': 'application/json',
    'idempotency-key': crypto.randomUUID(),
  },
  body: JSON.stringify({ sku }),
});

/** Pays `trxNo` on the hosted page; returns its mchOrderNo. */
async function pay(trxNo: string): Promise<string> {
  const paid = await sb.pay(trxNo, { card: 'success' });
  return String(paid.mchOrderNo);
}

/** The latest event the sandbox sent, signed now by the sandbox's own signer. */
function signedDelivery(url: string): Request {
  const event = sb.events().at(-1);
  if (!event) assert.fail('no event yet');
  const timestamp = String(Date.now());
  return new Request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      SIGNATURE: sandboxSign(sb.credentials.signKey, timestamp, event.body),
      TIMESTAMP: timestamp,
    },
    body: event.body,
  });
}

describe('the quick start', () => {
  it('creates a session and reads the payment back', async () => {
    const log = mock.method(console, 'log', () => {});
    try {
      await import('./test/readme-examples/quick-start.js');
      assert.deepEqual(log.mock.calls.at(-1)?.arguments, ['PAYING']);
    } finally {
      log.mock.restore();
    }
  });
});

describe('the Express example', () => {
  it('checks out to the hosted page, fulfils on the webhook and reports PAID', async () => {
    const { app } = await import('./test/readme-examples/express.js');
    const base = await listen(app);
    sb.setWebhookUrl(`${base}/api/webhooks/wpay`);

    const res = await fetch(`${base}/api/checkout`, checkoutInit('tee'));
    assert.equal(res.status, 200);
    const { redirectUrl, trxNo } = (await res.json()) as { redirectUrl: string; trxNo: string };
    assert.equal((await fetch(redirectUrl)).status, 200);

    const mchOrderNo = await pay(trxNo);
    await waitFor(() => orders.isPaid(mchOrderNo));
    const status = await fetch(`${base}/api/status?mchOrderNo=${mchOrderNo}`);
    assert.equal(((await status.json()) as { status: string }).status, 'PAID');
  });

  it('detects express.json() mounted before the webhook route, naming the fix', async () => {
    const { webhook } = await import('./test/readme-examples/wpay.js');
    const wrong = express();
    wrong.use(express.json());
    wrong.post('/api/webhooks/wpay', toNodeHandler(webhook));
    const base = await listen(wrong);
    sb.setWebhookUrl(`${base}/api/webhooks/wpay`);
    const event = sb.events().at(-1);
    if (!event) assert.fail('no event yet');
    const delivery = sb.redeliver(event.eventId);
    const attempt = await waitFor(
      () => sb.deliveries().find((d) => d.deliveryId === delivery.deliveryId)?.attempts[0],
    );
    assert.equal(attempt.status, 500);
    assert.match(attempt.bodyExcerpt, /express\.json\(\)/);
  });
});

describe('the Express example behind express.json()', () => {
  it('checks out with the parsed JSON and form bodies; the webhook still needs the raw body', async () => {
    const { checkout } = await import('./test/readme-examples/wpay.js');
    const app = express();
    app.use(express.json(), express.urlencoded({ extended: true }));
    app.post('/api/checkout', toNodeHandler(checkout));
    const base = await listen(app);
    const json = await fetch(`${base}/api/checkout`, checkoutInit('tee'));
    assert.equal(json.status, 200);
    assert.ok(((await json.json()) as { trxNo: string }).trxNo);
    const form = await fetch(`${base}/api/checkout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: SHOP, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'sku=mug',
    });
    assert.equal(form.status, 303);
    assert.match(form.headers.get('location') ?? '', /^http/);
  });
});

describe('the NestJS example', () => {
  async function startNest(rawBody: boolean): Promise<{ base: string; close(): Promise<void> }> {
    const { NestFactory } = await import('@nestjs/core');
    const { WPayModule } = await import('./test/readme-examples/nest.js');
    const app = await NestFactory.create(WPayModule, { rawBody, logger: false });
    await app.listen(0, '127.0.0.1');
    const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
    return { base: `http://127.0.0.1:${port}`, close: () => app.close() };
  }

  it('takes a payment with rawBody: true, the webhook verified over req.rawBody', async () => {
    const nest = await startNest(true);
    try {
      sb.setWebhookUrl(`${nest.base}/api/webhooks/wpay`);
      const res = await fetch(`${nest.base}/api/checkout`, checkoutInit('tee'));
      assert.equal(res.status, 200);
      const { trxNo } = (await res.json()) as { trxNo: string };
      const mchOrderNo = await pay(trxNo);
      await waitFor(() => orders.isPaid(mchOrderNo));
      const status = await fetch(`${nest.base}/api/status?mchOrderNo=${mchOrderNo}`);
      assert.equal(((await status.json()) as { status: string }).status, 'PAID');
    } finally {
      sb.setWebhookUrl(undefined);
      await nest.close();
    }
  });

  it('without rawBody, checks out but answers the webhook 500 naming the Nest fix', async () => {
    const nest = await startNest(false);
    try {
      const res = await fetch(`${nest.base}/api/checkout`, checkoutInit('mug'));
      assert.equal(res.status, 200);
      const delivery = signedDelivery(SHOP);
      const hook = await fetch(`${nest.base}/api/webhooks/wpay`, {
        method: 'POST',
        headers: delivery.headers,
        body: await delivery.text(),
      });
      assert.equal(hook.status, 500);
      const { error } = (await hook.json()) as { error: { code: string; message: string } };
      assert.equal(error.code, 'body_already_parsed');
      assert.match(error.message, /NestFactory\.create\(AppModule, \{ rawBody: true \}\)/);
      assert.match(error.message, /express\.json\(\)/);
    } finally {
      await nest.close();
    }
  });
});

describe('the Next.js route handler examples', () => {
  it('are the handlers themselves: Request in, Response out', async () => {
    const { POST: checkout } = await import('./test/readme-examples/next-checkout-route.js');
    const { POST: webhook } = await import('./test/readme-examples/next-webhook-route.js');
    const { GET: status } = await import('./test/readme-examples/next-status-route.js');
    const res = await checkout(new Request(`${SHOP}/api/checkout`, checkoutInit('mug')));
    const { trxNo } = (await res.json()) as { trxNo: string };
    sb.setWebhookUrl(undefined);
    await pay(trxNo);
    const ack = await webhook(signedDelivery(`${SHOP}/api/webhooks/wpay`));
    assert.equal(ack.status, 200);
    assert.equal(await ack.text(), 'SUCCESS');
    const answer = await status(new Request(`${SHOP}/api/status?trxNo=${trxNo}`));
    assert.equal(((await answer.json()) as { outcome: string }).outcome, 'succeeded');
  });
});

describe('the Hono example', () => {
  it('passes c.req.raw to the handlers', async () => {
    const { app } = await import('./test/readme-examples/hono.js');
    const res = await app.request(`${SHOP}/api/checkout`, checkoutInit('tee'));
    assert.equal(res.status, 200);
    const { trxNo } = (await res.json()) as { trxNo: string };
    sb.setWebhookUrl(undefined);
    const mchOrderNo = await pay(trxNo);
    const ack = await app.fetch(signedDelivery(`${SHOP}/api/webhooks/wpay`));
    assert.equal(ack.status, 200);
    assert.ok(orders.isPaid(mchOrderNo));
    const forged = signedDelivery(`${SHOP}/api/webhooks/wpay`);
    forged.headers.set('SIGNATURE', 'AAAA');
    assert.equal((await app.fetch(forged)).status, 401);
  });
});

describe('the Fastify example', () => {
  it('serves the three endpoints with the raw body', async () => {
    const { app } = await import('./test/readme-examples/fastify.js');
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      sb.setWebhookUrl(`${base}/api/webhooks/wpay`);
      const res = await fetch(`${base}/api/checkout`, checkoutInit('mug'));
      assert.equal(res.status, 200);
      const { trxNo } = (await res.json()) as { trxNo: string };
      const mchOrderNo = await pay(trxNo);
      await waitFor(() => orders.isPaid(mchOrderNo));
      const status = await fetch(`${base}/api/status?trxNo=${trxNo}`);
      assert.equal(((await status.json()) as { final: boolean }).final, true);
    } finally {
      sb.setWebhookUrl(undefined);
      await app.close();
    }
  });
});

describe('the Bun and Deno example', () => {
  it('routes by path and lets each handler answer', async () => {
    const { app } = await import('./test/readme-examples/fetch-app.js');
    const res = await app.fetch(new Request(`${SHOP}/api/checkout`, checkoutInit('mug')));
    assert.equal(res.status, 200);
    const { trxNo } = (await res.json()) as { trxNo: string };
    const status = await app.fetch(new Request(`${SHOP}/api/status?trxNo=${trxNo}`));
    assert.equal(((await status.json()) as { outcome: string }).outcome, 'processing');
    assert.equal((await app.fetch(new Request(`${SHOP}/api/webhooks/wpay`))).status, 405);
    assert.equal((await app.fetch(new Request(`${SHOP}/elsewhere`))).status, 404);
  });
});

describe('the Node http example', () => {
  it('serves the fetch app through toNodeHandler', async () => {
    const { server } = await import('./test/readme-examples/node-http.js');
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const res = await fetch(`${base}/api/checkout`, {
      ...checkoutInit('tee'),
      headers: { ...(checkoutInit('tee').headers as Record<string, string>), origin: base },
    });
    assert.equal(res.status, 403, 'the shop origin is SHOP_URL, not the local server');
    const allowed = await fetch(`${base}/api/checkout`, checkoutInit('tee'));
    assert.equal(allowed.status, 200);
  });
});

describe('the Cloudflare Workers example', () => {
  it('builds the handler from env and queues paid orders', async () => {
    const { default: worker } = await import('./test/readme-examples/worker.js');
    const queued: string[] = [];
    const env = {
      WPAY_API_KEY: sb.credentials.apiKey,
      WPAY_API_SECRET: sb.credentials.apiSecret,
      WPAY_SIGN_KEY: sb.credentials.signKey,
      WPAY_BASE_URL: sb.url,
      PAID_ORDERS: { send: async (trxNo: string) => void queued.push(trxNo) },
    };
    const { checkout } = await import('./test/readme-examples/wpay.js');
    const res = await checkout(new Request(`${SHOP}/api/checkout`, checkoutInit('tee')));
    const { trxNo } = (await res.json()) as { trxNo: string };
    sb.setWebhookUrl(undefined);
    await pay(trxNo);
    const ack = await worker.fetch(signedDelivery(`${SHOP}/api/webhooks/wpay`), env);
    assert.equal(await ack.text(), 'SUCCESS');
    assert.deepEqual(queued, [trxNo]);
    assert.equal((await worker.fetch(new Request(`${SHOP}/`), env)).status, 404);
  });
});

describe('the verify-by-hand example', () => {
  it('fulfils a verified payment and refuses a forged one', async () => {
    const { POST } = await import('./test/readme-examples/verify-by-hand.js');
    const { checkout } = await import('./test/readme-examples/wpay.js');
    const res = await checkout(new Request(`${SHOP}/api/checkout`, checkoutInit('mug')));
    const { trxNo } = (await res.json()) as { trxNo: string };
    sb.setWebhookUrl(undefined);
    const mchOrderNo = await pay(trxNo);
    const ack = await POST(signedDelivery(`${SHOP}/webhook`));
    assert.equal(await ack.text(), 'SUCCESS');
    assert.ok(orders.isPaid(mchOrderNo));
    const forged = signedDelivery(`${SHOP}/webhook`);
    forged.headers.set('TIMESTAMP', String(Date.now() + 1));
    const refused = await POST(forged);
    assert.equal(refused.status, 401);
    assert.equal(await refused.text(), 'signature_mismatch');
  });
});

describe('the "When webhooks don’t come" example', () => {
  it('fulfils an order paid while no webhook came, with one authorised sweep', async () => {
    process.env.CRON_SECRET = 'cron-secret-for-the-readme-example-0123';
    sb.setWebhookUrl(undefined);
    const example = await import('./test/readme-examples/when-webhooks-dont-come.js');
    const { checkout } = await import('./test/readme-examples/wpay.js');
    const res = await checkout(new Request(`${SHOP}/api/checkout`, checkoutInit('tee')));
    const { trxNo } = (await res.json()) as { trxNo: string };
    const mchOrderNo = String((await sb.pay(trxNo)).mchOrderNo);
    orders.backdate(mchOrderNo, 15 * 60_000);
    const sweep = (authorization?: string) =>
      example.reconcile(
        new Request(
          `${SHOP}/api/wpay/reconcile`,
          authorization ? { headers: { authorization } } : {},
        ),
      );
    assert.equal((await sweep()).status, 401);
    assert.equal(orders.isPaid(mchOrderNo), false);
    const answer = await sweep(`Bearer ${process.env.CRON_SECRET}`);
    assert.equal(answer.status, 200);
    assert.ok(((await answer.json()) as { transitions: { paid?: number } }).transitions.paid);
    assert.equal(orders.isPaid(mchOrderNo), true);
  });
});

describe('the Redis example', () => {
  it('shares the token, webhook ids and idempotency keys through Redis', async () => {
    const redisServer = await startRedis();
    process.env.REDIS_URL = redisServer.url;
    const example = await import('./test/readme-examples/redis.js');
    try {
      await example.wpay.warmUp();
      const keys = (await example.redis.keys('wpay:token:*')) as string[];
      assert.ok(
        keys.some((key) => key.includes(sb.credentials.apiKey)),
        String(keys),
      );
      const claim = await example.claims.claim('event:evt_readme', { leaseMs: 1000, ttlMs: 1000 });
      assert.equal(claim.state, 'claimed');
      assert.equal(
        (await example.claims.claim('event:evt_readme', { leaseMs: 1000, ttlMs: 1000 })).state,
        'in_progress',
      );
      assert.ok(((await example.redis.keys('wpay:claim:*')) as string[]).length > 0);
    } finally {
      await example.redis.quit();
      await redisServer.stop();
      delete process.env.REDIS_URL;
    }
  });
});

describe('the client examples', () => {
  it('compute the money values the README shows', async () => {
    const { money } = await import('./test/readme-examples/money.js');
    assert.deepEqual(money, {
      decimals: 0,
      cents: 1999,
      noFloatNoise: 30,
      major: 19.99,
      display: '19.90',
    });
  });

  it('sum every paid payment across pages', async () => {
    const { paidTotal } = await import('./test/readme-examples/report.js');
    const { wpay } = await import('./test/readme-examples/wpay.js');
    const page = await wpay.payments.list({ pageSize: 100, status: 'PAID', currency: 'USD' });
    assert.ok(page.total <= 100, 'one page holds them all');
    const expected = page.records.reduce((sum, p) => sum + Math.round(p.amount * 100), 0) / 100;
    assert.ok(expected > 0, 'earlier examples paid some orders');
    assert.equal(await paidTotal('USD'), expected);
  });

  it('explain a refund, a bad amount and a refusal in words', async () => {
    const { refund } = await import('./test/readme-examples/refund.js');
    const { checkout } = await import('./test/readme-examples/wpay.js');
    const res = await checkout(new Request(`${SHOP}/api/checkout`, checkoutInit('tee')));
    const { trxNo } = (await res.json()) as { trxNo: string };
    sb.setWebhookUrl(undefined);
    await pay(trxNo);
    assert.match(await refund(trxNo, '1.00'), /^Refunded \(/);
    assert.equal(await refund(trxNo, '1.001'), 'Check amount');
    assert.match(await refund(trxNo, '500.00'), /^WPay refused \(422\): /);
  });

  it('refund once through a lost answer, and not again when pressed twice', async () => {
    const { refundOnce } = await import('./test/readme-examples/refund-once.js');
    const { checkout } = await import('./test/readme-examples/wpay.js');
    const res = await checkout(new Request(`${SHOP}/api/checkout`, checkoutInit('tee')));
    const { trxNo } = (await res.json()) as { trxNo: string };
    sb.setWebhookUrl(undefined);
    await pay(trxNo);
    const path = '/checkout/w-payment/refund';
    const lost = sb.faults.add({ kind: 'http-5xx', path, phase: 'after', times: 1 });
    const intent = { key: `rf_${trxNo}`, trxNo, amount: '2.00', refundedBefore: '0' };
    assert.equal(await refundOnce(intent), 'Refunded (confirmed_by_readback); 2 refunded in all');
    assert.equal(await refundOnce(intent), 'Refunded (already_refunded); 2 refunded in all');
    sb.faults.remove(lost.id);
    const next = { key: `rf2_${trxNo}`, trxNo, amount: '500.00', refundedBefore: '2.00' };
    assert.equal(await refundOnce(next), 'Not refunded (refused)');
  });

  it('log every call through the hooks', async () => {
    const { loggedWPay } = await import('./test/readme-examples/logging.js');
    const lines: Array<[Record<string, unknown>, string]> = [];
    const log = { info: (d: Record<string, unknown>, m: string) => void lines.push([d, m]) };
    const wpay = loggedWPay({ ...sb.credentials, baseUrl: sb.url }, { ...log, warn: log.info });
    await wpay.payments.list();
    assert.deepEqual(
      lines.map(([details, message]) => [details.path, details.status, message]),
      [
        ['/user/auth/oauth2/token', 200, 'wpay'],
        ['/checkout/w-payment/payments/list', 200, 'wpay'],
      ],
    );
  });
});
