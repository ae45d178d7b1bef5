// One WPay client and the three endpoints. `next build` loads this module without the secrets
// (they exist only when the server runs): a WPay made without credentials checks them at its
// first use, so the build passes and a request without them gets a clear error.
import { randomUUID } from 'node:crypto';
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { z } from 'zod';

export const wpay = new WPay({
  apiKey: process.env.WPAY_API_KEY!,
  apiSecret: process.env.WPAY_API_SECRET!,
  signKey: process.env.WPAY_SIGN_KEY!,
  baseUrl: process.env.WPAY_BASE_URL, // the sandbox; or environment: 'production'
  // Trusted origin and base of the return URLs, never the request's Host.
  publicUrl: process.env.SHOP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
});

/** The catalogue: prices come from the server, never from the browser. */
const PRODUCTS: Record<string, { price: number; currency: string; name: string }> = {
  tee: { price: 19.99, currency: 'USD', name: 'T-shirt' },
};

export const checkout = wpay.checkoutHandler({
  // What the button sends: data-sku, its `payload` prop and what onWpayCheckout added.
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
