// Runs the examples of README.handlers.md (each README block is one file of
// src/test/readme-examples/, checked to be identical) against the sandbox.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, signWebhook as sandboxSign, startSandbox } from '@wpay/sandbox';
import express from 'express';
import { toNodeHandler } from './node.js';

const SHOP = 'https://shop.example';
const EXAMPLES = new URL('./test/readme-examples/', import.meta.url);
const FILES = [
  'wpay.ts',
  'express.ts',
  'next-checkout-route.ts',
  'next-webhook-route.ts',
  'next-status-route.ts',
  'hono.ts',
  'fastify.ts',
];

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

describe('README.handlers.md', () => {
  it('shows every example file verbatim', async () => {
    const readme = await readFile(new URL('../README.handlers.md', import.meta.url), 'utf8');
    for (const file of FILES) {
      const code = await readFile(new URL(file, EXAMPLES), 'utf8');
      assert.ok(readme.includes(`\`\`\`ts\n${code}\`\`\``), `README block for ${file} differs`);
    }
  });
});

describe('the Express example', () => {
  it('checks out to the hosted page, fulfils on the webhook and reports PAID', async () => {
    const { app } = await import('./test/readme-examples/express.js');
    const base = await listen(app);
    sb.setWebhookUrl(`${base}/api/wpay/webhook`);

    const res = await fetch(`${base}/api/checkout`, checkoutInit('tee'));
    assert.equal(res.status, 200);
    const { redirectUrl, trxNo } = (await res.json()) as { redirectUrl: string; trxNo: string };
    assert.equal((await fetch(redirectUrl)).status, 200);

    const mchOrderNo = await pay(trxNo);
    await waitFor(() => orders.isPaid(mchOrderNo));
    const status = await fetch(`${base}/api/wpay/status?mchOrderNo=${mchOrderNo}`);
    assert.equal(((await status.json()) as { status: string }).status, 'PAID');
  });

  it('detects express.json() mounted before the webhook route, naming the fix', async () => {
    const { webhook } = await import('./test/readme-examples/wpay.js');
    const wrong = express();
    wrong.use(express.json());
    wrong.post('/api/wpay/webhook', toNodeHandler(webhook));
    const base = await listen(wrong);
    sb.setWebhookUrl(`${base}/api/wpay/webhook`);
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

describe('the Next.js route handler examples', () => {
  it('are the handlers themselves: Request in, Response out', async () => {
    const { POST: checkout } = await import('./test/readme-examples/next-checkout-route.js');
    const { POST: webhook } = await import('./test/readme-examples/next-webhook-route.js');
    const { GET: status } = await import('./test/readme-examples/next-status-route.js');
    const res = await checkout(new Request(`${SHOP}/api/checkout`, checkoutInit('mug')));
    const { trxNo } = (await res.json()) as { trxNo: string };
    sb.setWebhookUrl(undefined);
    await pay(trxNo);
    const ack = await webhook(signedDelivery(`${SHOP}/api/wpay/webhook`));
    assert.equal(ack.status, 200);
    assert.equal(await ack.text(), 'SUCCESS');
    const answer = await status(new Request(`${SHOP}/api/wpay/status?trxNo=${trxNo}`));
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
    const ack = await app.fetch(signedDelivery(`${SHOP}/api/wpay/webhook`));
    assert.equal(ack.status, 200);
    assert.ok(orders.isPaid(mchOrderNo));
    const forged = signedDelivery(`${SHOP}/api/wpay/webhook`);
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
      sb.setWebhookUrl(`${base}/api/wpay/webhook`);
      const res = await fetch(`${base}/api/checkout`, checkoutInit('mug'));
      assert.equal(res.status, 200);
      const { trxNo } = (await res.json()) as { trxNo: string };
      const mchOrderNo = await pay(trxNo);
      await waitFor(() => orders.isPaid(mchOrderNo));
      const status = await fetch(`${base}/api/wpay/status?trxNo=${trxNo}`);
      assert.equal(((await status.json()) as { final: boolean }).final, true);
    } finally {
      sb.setWebhookUrl(undefined);
      await app.close();
    }
  });
});
