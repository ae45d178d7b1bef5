// A Hono shop on Deno: the three WPay endpoints, the widget's file and three pages. The handlers
// are already (Request) => Promise<Response>: no adapter. Run with `deno run --allow-net
// --allow-env --allow-read server.js` (npm packages from node_modules/, as package.json lists them).
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { Hono } from 'hono';
import { serveStatic } from 'hono/deno';
import { z } from 'zod';

const port = Number(Deno.env.get('PORT') ?? 3000);
const shopUrl = Deno.env.get('SHOP_URL') ?? `http://localhost:${port}`;

const wpay = new WPay({
  apiKey: Deno.env.get('WPAY_API_KEY'),
  apiSecret: Deno.env.get('WPAY_API_SECRET'),
  signKey: Deno.env.get('WPAY_SIGN_KEY'),
  baseUrl: Deno.env.get('WPAY_BASE_URL'), // the sandbox; or environment: 'production'
  publicUrl: shopUrl, // trusted origin and base of the return URLs, never the request's Host
});

/** The catalogue: prices come from the server, never from the browser. */
const PRODUCTS = { tee: { amount: '19.99', currency: 'USD', description: 'T-shirt' } };

const checkout = wpay.checkoutHandler({
  body: z.object({ sku: z.string() }),
  resolveOrder: async ({ sku }) => {
    const product = PRODUCTS[sku];
    if (!product) throw new CheckoutRejection('Unknown product', { code: 'unknown_sku' });
    return { mchOrderNo: `order_${crypto.randomUUID()}`, ...product };
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
// The widget as one ES module, from the installed package.
const widget = await Deno.readFile(new URL(import.meta.resolve('@wpay/widget/bundle')));
app.get('/wpay/wpay-widget.bundle.js', (c) =>
  c.body(widget, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }),
);
// The pages, from ./public (relative to the directory `deno` runs in).
app.use('/*', serveStatic({ root: './public' }));

Deno.serve({ port, onListen: () => console.log(`shop listening on ${shopUrl}`) }, app.fetch);
