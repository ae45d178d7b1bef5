// A Fastify 5 shop: the three WPay endpoints, the widget's file and three pages.
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { toFastifyHandler } from '@wpay/server-helper/node';
import Fastify from 'fastify';
import fastifyRawBody from 'fastify-raw-body';
import { z } from 'zod';

const port = Number(process.env.PORT ?? 3000);
const shopUrl = process.env.SHOP_URL ?? `http://localhost:${port}`;

const wpay = new WPay({
  apiKey: process.env.WPAY_API_KEY,
  apiSecret: process.env.WPAY_API_SECRET,
  signKey: process.env.WPAY_SIGN_KEY,
  baseUrl: process.env.WPAY_BASE_URL, // the sandbox; or environment: 'production'
  publicUrl: shopUrl, // trusted origin and base of the return URLs, never the request's Host
});

/** The catalogue: prices come from the server, never from the browser. */
const PRODUCTS = { tee: { amount: '19.99', currency: 'USD', description: 'T-shirt' } };

const checkout = wpay.checkoutHandler({
  body: z.object({ sku: z.string() }),
  resolveOrder: async ({ sku }) => {
    const product = PRODUCTS[sku];
    if (!product) throw new CheckoutRejection('Unknown product', { code: 'unknown_sku' });
    return { mchOrderNo: `order_${randomUUID()}`, ...product };
  },
  successUrl: '/success.html',
  cancelUrl: '/cancel.html',
});

const webhook = wpay.webhookHandler({
  on: {
    'credit_card.order.paid': async (event) => {
      // A webhook is a hint: read the payment back before fulfilling the order.
      const payment = await wpay.payments.retrieve({ trxNo: event.data.trxNo });
      if (payment.status === 'PAID') console.log(`paid: ${payment.mchOrderNo} ${payment.trxNo}`);
    },
  },
});

const status = wpay.statusHandler();

const app = Fastify();
// Keeps the exact bytes WPay signed beside Fastify's parsed body, on the route that asks for them.
await app.register(fastifyRawBody, { global: false, runFirst: true });
app.post('/api/checkout', toFastifyHandler(checkout));
app.post('/api/webhooks/wpay', { config: { rawBody: true } }, toFastifyHandler(webhook));
app.get('/api/status', toFastifyHandler(status));
await app.register(fastifyStatic, { root: fileURLToPath(new URL('public', import.meta.url)) });
// The widget as one ES module, from the installed package: /wpay/wpay-widget.bundle.js
await app.register(fastifyStatic, {
  root: dirname(fileURLToPath(import.meta.resolve('@wpay/widget/bundle'))),
  prefix: '/wpay/',
  decorateReply: false,
});

await app.listen({ port }); // localhost only; in a container add host: '0.0.0.0'
console.log(`shop listening on ${shopUrl}`);
