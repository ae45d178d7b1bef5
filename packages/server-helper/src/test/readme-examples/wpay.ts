// lib/wpay.ts — one client and the three endpoints, shared by every framework below.
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import * as z from 'zod';
import { orders } from './orders.js';

export const wpay = new WPay({
  apiKey: process.env.WPAY_API_KEY!,
  apiSecret: process.env.WPAY_API_SECRET!,
  signKey: process.env.WPAY_SIGN_KEY!,
  baseUrl: process.env.WPAY_BASE_URL, // omit and set environment: 'production' | 'sandbox'
});

const shop = process.env.SHOP_URL ?? 'http://localhost:3000';

/** POST: the endpoint of <wpay-button endpoint="/api/checkout">. */
export const checkout = wpay.checkoutHandler({
  body: z.object({ sku: z.string().min(1) }), // what the button sends
  resolveOrder: async ({ sku }) => {
    const order = await orders.create(sku); // the price comes from your server, never the browser
    if (!order)
      throw new CheckoutRejection('This product is not available', { code: 'unknown_sku' });
    return order; // { mchOrderNo, amount, currency }
  },
  publicUrl: shop, // trusted origin and base of the return URLs — never the request's Host
  successUrl: '/thanks', // mchOrderNo is added to the query
  cancelUrl: '/cart',
});

/** POST: the webhook URL set on the API key in the WPay dashboard. */
export const webhook = wpay.webhookHandler({
  on: {
    'credit_card.order.paid': async (event) => {
      // A webhook is a hint: confirm with the payment detail before fulfilling.
      const payment = await wpay.payments.retrieve({ trxNo: event.data.trxNo });
      if (payment.status === 'PAID') await orders.markPaid(payment.mchOrderNo, payment.trxNo);
    },
  },
});

/** GET: the status-endpoint of <wpay-return>. */
export const status = wpay.statusHandler({
  findTrxNo: (mchOrderNo) => orders.trxNoOf(mchOrderNo),
});
