// Plain HTML pages with the widget's IIFE file, under a strict Content-Security-Policy, served
// by Node's own http module: no framework, no build step.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { toNodeHandler } from '@wpay/server-helper/node';
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

/** The WPay endpoints, by method and path. */
const api = {
  'POST /api/checkout': toNodeHandler(checkout),
  'POST /api/webhooks/wpay': toNodeHandler(webhook),
  'GET /api/status': toNodeHandler(status),
};

/** Every file the shop serves, by path: nothing else on disk is reachable. */
const files = {
  '/': ['public/index.html', 'text/html; charset=utf-8'],
  '/success.html': ['public/success.html', 'text/html; charset=utf-8'],
  '/cancel.html': ['public/cancel.html', 'text/html; charset=utf-8'],
  '/wpay-widget.iife.js': [
    fileURLToPath(import.meta.resolve('@wpay/widget/iife')),
    'text/javascript; charset=utf-8',
  ],
};

/** Scripts and styles from this origin only: no inline script, no eval, no style attribute. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'";

const server = createServer(async (req, res) => {
  const { pathname } = new URL(req.url ?? '/', shopUrl);
  const route = api[`${req.method} ${pathname}`];
  if (route) return route(req, res);
  const file = files[pathname];
  if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
    return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }
  const [path, type] = file;
  const body = await readFile(path.startsWith('/') ? path : new URL(path, import.meta.url));
  res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': CSP });
  res.end(req.method === 'HEAD' ? undefined : body);
});

server.listen(port, () => console.log(`shop listening on ${shopUrl}`));
