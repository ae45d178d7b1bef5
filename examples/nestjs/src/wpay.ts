// One WPay client and the three endpoints (Web-standard handlers), shared by the controller.
import { randomUUID } from 'node:crypto';
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { z } from 'zod';

const port = Number(process.env.PORT ?? 3000);
export const shopUrl = process.env.SHOP_URL ?? `http://localhost:${port}`;

export const wpay = new WPay({
  apiKey: process.env.WPAY_API_KEY!,
  apiSecret: process.env.WPAY_API_SECRET!,
  signKey: process.env.WPAY_SIGN_KEY!,
  baseUrl: process.env.WPAY_BASE_URL, // the sandbox; or environment: 'production'
  publicUrl: shopUrl, // trusted origin and base of the return URLs, never the request's Host
});

/** The catalogue: prices come from the server, never from the browser. */
const PRODUCTS: Record<string, { amount: string; currency: string; description: string }> = {
  tee: { amount: '19.99', currency: 'USD', description: 'T-shirt' },
};

export const checkout = wpay.checkoutHandler({
  body: z.object({ sku: z.string() }),
  resolveOrder: async ({ sku }) => {
    const product = PRODUCTS[sku];
    if (!product) throw new CheckoutRejection('Unknown product', { code: 'unknown_sku' });
    return { mchOrderNo: `order_${randomUUID()}`, ...product };
  },
  successUrl: '/success.html',
  cancelUrl: '/cancel.html',
});

export const webhook = wpay.webhookHandler({
  on: {
    'credit_card.order.paid': async (event) => {
      // A webhook is a hint: read the payment back before fulfilling the order.
      const payment = await wpay.payments.retrieve({ trxNo: event.data.trxNo });
      if (payment.status === 'PAID') console.log(`paid: ${payment.mchOrderNo} ${payment.trxNo}`);
    },
  },
});

export const status = wpay.statusHandler();
