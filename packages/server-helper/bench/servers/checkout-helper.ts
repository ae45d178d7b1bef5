// The merchant server with the helper: node:http → toNodeHandler → wpay.checkoutHandler on
// /api/checkout (pricing from a fixed table, against the floor server at FLOOR_URL) and
// wpay.webhookHandler on /api/webhook (default dedupe). Run by the checkout and memory benches.
import { z } from 'zod';
import { benchServer } from '../../../../bench/harness.mjs';
import { WPay } from '../../src/index.js';
import { toNodeHandler } from '../../src/node.js';

const wpay = new WPay({
  apiKey: 'k',
  apiSecret: 's',
  signKey: 'bench-sign-key',
  baseUrl: process.env.FLOOR_URL ?? '',
  publicUrl: 'https://shop.example',
});
let sequence = 0;
const checkout = toNodeHandler(
  wpay.checkoutHandler({
    body: z.object({ sku: z.string() }),
    resolveOrder: ({ sku }) => ({
      mchOrderNo: `order_${process.pid}_${++sequence}`,
      amount: sku === 'tee' ? '19.99' : '5.00',
      currency: 'USD',
    }),
    successUrl: '/thanks',
    cancelUrl: '/cart',
  }),
);
const webhook = toNodeHandler(
  wpay.webhookHandler({ on: { 'credit_card.order.paid': () => undefined } }),
);
await benchServer((req, res) => {
  void (req.url === '/api/webhook' ? webhook : checkout)(req, res);
});
