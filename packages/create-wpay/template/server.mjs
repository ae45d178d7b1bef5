// The shop: the three WPay endpoints (@wpay/server-helper) and three pages that load the
// widget's self-contained file. `npm start` runs it with .env; `npm run dev` also starts the
// local WPay sandbox. Settings come from the environment (.env), never from a request.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { Hono } from 'hono';
import { z } from 'zod';

const PORT = Number(process.env.PORT ?? 3000);
/** The shop's public URL: the only origin allowed to post a checkout, the base of return URLs. */
const PUBLIC_URL = process.env.PUBLIC_URL ?? `http://localhost:${PORT}`;
const env = process.env;

const wpay = new WPay({
  apiKey: env.WPAY_API_KEY,
  apiSecret: env.WPAY_API_SECRET,
  signKey: env.WPAY_SIGN_KEY,
  // Real WPay: WPAY_ENV=sandbox or production; the local sandbox: WPAY_BASE_URL.
  ...(env.WPAY_ENV ? { environment: env.WPAY_ENV } : { baseUrl: env.WPAY_BASE_URL }),
  publicUrl: PUBLIC_URL,
});

/** Prices live on the server: the button sends only a sku. */
const PRODUCTS = new Map([['mug', { name: 'Mug', amount: '12.50', currency: 'USD' }]]);
/** mchOrderNo → order. Use your database. */
const orders = new Map();

const checkout = wpay.checkoutHandler({
  body: z.object({ sku: z.string() }),
  resolveOrder: ({ sku }) => {
    const product = PRODUCTS.get(sku);
    if (!product)
      throw new CheckoutRejection('Unknown product', { status: 422, code: 'unknown_sku' });
    const mchOrderNo = `order_${crypto.randomUUID().replaceAll('-', '')}`;
    orders.set(mchOrderNo, { sku, status: 'pending' });
    return {
      mchOrderNo,
      amount: product.amount,
      currency: product.currency,
      description: product.name,
    };
  },
  successUrl: '/success',
  cancelUrl: '/cancel',
});

const webhook = wpay.webhookHandler({
  on: {
    // A webhook is a hint: read the payment back from WPay before fulfilling the order.
    'credit_card.order.paid': async (event) => {
      const payment = await wpay.payments.retrieve({ trxNo: event.data.trxNo });
      const order = orders.get(payment.mchOrderNo);
      if (order && payment.status === 'PAID' && order.status !== 'paid') {
        order.status = 'paid';
        console.log(`Order ${payment.mchOrderNo} is paid: ship the ${order.sku}.`);
      }
    },
  },
});

const status = wpay.statusHandler();

const app = new Hono();
app.post('/api/checkout', (c) => checkout(c.req.raw));
app.post('/api/webhooks/wpay', (c) => webhook(c.req.raw));
app.get('/api/status', (c) => status(c.req.raw));

const WIDGET = fileURLToPath(import.meta.resolve('@wpay/widget/iife'));
app.get('/wpay-widget.iife.js', async (c) =>
  c.body(await readFile(WIDGET), 200, { 'content-type': 'text/javascript; charset=utf-8' }),
);

// Scripts from this origin only; forms post here, then go on to WPay's hosted page.
const hostedPage = env.WPAY_HOSTED_PAGE_ORIGIN ?? new URL(wpay.baseUrl).origin;
const CSP = `default-src 'self'; form-action 'self' ${hostedPage}; frame-ancestors 'none'; base-uri 'none'`;
for (const [path, file] of [
  ['/', 'index.html'],
  ['/success', 'success.html'],
  ['/cancel', 'cancel.html'],
]) {
  app.get(path, async (c) =>
    c.html(await readFile(new URL(`./public/${file}`, import.meta.url), 'utf8'), 200, {
      'content-security-policy': CSP,
    }),
  );
}

serve({ fetch: app.fetch, port: PORT }, ({ port }) =>
  console.log(`Shop: http://localhost:${port}/`),
);
