// An Express 5 shop in CommonJS: require() of the ES-module-only @wpay packages works on Node
// ^20.19 || >=22.12 (require(esm)). The three WPay endpoints, the widget's file and three pages.
const { randomUUID } = require('node:crypto');
const { dirname, join } = require('node:path');
const { CheckoutRejection, WPay } = require('@wpay/server-helper');
const { toNodeHandler } = require('@wpay/server-helper/node');
const express = require('express');
const { z } = require('zod');

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
app.use('/wpay', express.static(dirname(require.resolve('@wpay/widget/bundle'))));
app.use(express.static(join(__dirname, 'public')));

app.listen(port, () => console.log(`shop listening on ${shopUrl}`));
