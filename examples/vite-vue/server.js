// The shop's server: the three WPay endpoints and the app Vite built into dist/.
import { randomUUID } from 'node:crypto';
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
const PRODUCTS = { tee: { price: 19.99, currency: 'USD', name: 'T-shirt' } };

const checkout = wpay.checkoutHandler({
  // What the button sends: data-sku, its `payload` property and what onwpay-checkout added.
  body: z.object({
    sku: z.string(),
    color: z.enum(['blue', 'green']),
    quantity: z.number().int().min(1).max(10),
  }),
  resolveOrder: async ({ sku, color, quantity }) => {
    const product = PRODUCTS[sku];
    if (!product) throw new CheckoutRejection('Unknown product', { code: 'unknown_sku' });
    return {
      mchOrderNo: `order_${randomUUID()}`,
      amount: (product.price * quantity).toFixed(2),
      currency: product.currency,
      description: `${product.name} (${color}) × ${quantity}`,
    };
  },
  successUrl: '/success',
  cancelUrl: '/cancel',
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
const dist = fileURLToPath(new URL('dist', import.meta.url));
app.use(express.static(dist));
// Every other page is the app: it routes on the URL (/success, /cancel).
app.get('/{*page}', (_req, res) => res.sendFile('index.html', { root: dist }));

app.listen(port, () => console.log(`shop listening on ${shopUrl}`));
