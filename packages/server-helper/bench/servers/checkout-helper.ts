// The merchant server with the helper: node:http → toNodeHandler → wpay.checkoutHandler, pricing
// from a fixed table, against the floor server at FLOOR_URL. Run by the checkout bench section.
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
const handler = toNodeHandler(
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
await benchServer((req, res) => void handler(req, res));
