// Throughput of webhook verification and of the handlers (no network: a fake WPay).
import { z } from 'zod';
import { createCheckoutHandler } from '../src/handlers/checkout-handler.js';
import type { CheckoutClient } from '../src/handlers/handler-client.js';
import { createWebhookHandler } from '../src/handlers/webhook-handler.js';
import { createWebhooks } from '../src/webhooks/create-webhooks.js';
import { signWebhook } from '../src/webhooks/sign-webhook.js';
import { verifyWebhook } from '../src/webhooks/verify-webhook.js';

async function measure(name: string, run: (i: number) => Promise<unknown>, iterations = 5_000) {
  for (let i = 0; i < 200; i++) await run(i); // warm-up
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await run(i);
  const ms = performance.now() - started;
  console.log(
    `${name}: ${Math.round((iterations / ms) * 1000)} ops/s (${((ms * 1000) / iterations).toFixed(1)} µs/op)`,
  );
}

const signKey = 'bench-sign-key';
const data = {
  trxNo: 'TRX1',
  mchOrderNo: 'order_1',
  status: 'PAID',
  amount: 19.99,
  currency: 'USD',
  description: 'x'.repeat(700),
};
const body = JSON.stringify({ eventId: 'evt_1', eventType: 'credit_card.order.paid', data });
const { headers } = await signWebhook(body, { signKey });
const webhooks = createWebhooks({ signKey });
const rotating = createWebhooks({ signKeys: ['other-key', signKey] });

await measure(`verifyWebhook, ${body.length} B body (imports the key each call)`, () =>
  verifyWebhook(body, headers, { signKey }),
);
await measure('wpay.webhooks.verify (key imported once)', () => webhooks.verify(body, headers));
await measure('wpay.webhooks.verify with 2 rotation keys', () => rotating.verify(body, headers));

const handler = createWebhookHandler(webhooks, { on: { 'credit_card.order.paid': () => {} } });
await measure('webhookHandler, distinct events', async (i) => {
  const raw = body.replace('evt_1', `evt_${i}`);
  const signed = await signWebhook(raw, { signKey });
  return handler(
    new Request('http://x/hook', { method: 'POST', headers: signed.headers, body: raw }),
  );
});

const client: CheckoutClient = {
  checkout: { create: async () => ({ trxNo: 'TRX1', redirectUrl: 'https://pay.example/hpp/1' }) },
};
const checkout = createCheckoutHandler(client, {
  body: z.object({ sku: z.string() }),
  resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '19.99', currency: 'USD' }),
  publicUrl: 'https://shop.example',
  successUrl: 'https://shop.example/ok',
  cancelUrl: 'https://shop.example/cancel',
});
await measure('checkoutHandler with Idempotency-Key (memory store, fake WPay)', (i) =>
  checkout(
    new Request('https://shop.example/api/checkout', {
      method: 'POST',
      headers: {
        origin: 'https://shop.example',
        'content-type': 'application/json',
        'idempotency-key': `k${i}`,
      },
      body: '{"sku":"tee"}',
    }),
  ),
);
