// An Express 5 shop (ES modules): the three WPay endpoints, the widget's file and three pages.
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { toNodeHandler } from '@wpay/server-helper/node';
import express from 'express';
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

const app = express();
// Before any body parser: the handlers read the request body themselves.
app.post('/api/checkout', toNodeHandler(checkout));
app.post('/api/webhooks/wpay', toNodeHandler(webhook));
app.get('/api/status', toNodeHandler(status));
// The widget as one ES module, from the installed package: /wpay/wpay-widget.bundle.js
const widgetFolder = dirname(fileURLToPath(import.meta.resolve('@wpay/widget/bundle')));
app.use('/wpay', express.static(widgetFolder));
app.use(express.static(fileURLToPath(new URL('public', import.meta.url))));

app.listen(port, () => console.log(`shop listening on ${shopUrl}`));
