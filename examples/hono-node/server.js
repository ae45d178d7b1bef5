// A Hono shop on Node (@hono/node-server): the three WPay endpoints, the widget's file and
// three pages. The handlers are already (Request) => Promise<Response>: no adapter.
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { Hono } from 'hono';
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

const app = new Hono();
// c.req.raw is the untouched Request: the webhook verifies its raw bytes.
app.post('/api/checkout', (c) => checkout(c.req.raw));
app.post('/api/webhooks/wpay', (c) => webhook(c.req.raw));
app.get('/api/status', (c) => status(c.req.raw));
// The widget as one ES module, from the installed package: /wpay/wpay-widget.bundle.js
const widgetFolder = dirname(fileURLToPath(import.meta.resolve('@wpay/widget/bundle')));
app.use(
  '/wpay/*',
  serveStatic({ root: widgetFolder, rewriteRequestPath: (path) => path.slice('/wpay'.length) }),
);
app.use('/*', serveStatic({ root: fileURLToPath(new URL('public', import.meta.url)) }));

serve({ fetch: app.fetch, port }, () => console.log(`shop listening on ${shopUrl}`));
