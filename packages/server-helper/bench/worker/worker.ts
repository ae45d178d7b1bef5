// The minimal Worker the bundle-size section builds: a checkout and a webhook route with the
// helper, as in the README's Cloudflare Workers recipe.
import { z } from 'zod';
import { WPay } from '../../src/index.js';

interface Env {
  WPAY_API_KEY: string;
  WPAY_API_SECRET: string;
  WPAY_SIGN_KEY: string;
}

let routes: {
  checkout: (r: Request) => Promise<Response>;
  webhook: (r: Request) => Promise<Response>;
};

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    if (!routes) {
      const wpay = new WPay({
        apiKey: env.WPAY_API_KEY,
        apiSecret: env.WPAY_API_SECRET,
        signKey: env.WPAY_SIGN_KEY,
        environment: 'sandbox',
        publicUrl: 'https://shop.example',
      });
      routes = {
        checkout: wpay.checkoutHandler({
          body: z.object({ sku: z.string() }),
          resolveOrder: () => ({
            mchOrderNo: `order_${crypto.randomUUID()}`,
            amount: '19.99',
            currency: 'USD',
          }),
          successUrl: '/thanks',
          cancelUrl: '/cart',
        }),
        webhook: wpay.webhookHandler({ on: { 'credit_card.order.paid': () => {} } }),
      };
    }
    const { pathname } = new URL(request.url);
    if (pathname === '/api/checkout') return routes.checkout(request);
    if (pathname === '/api/wpay/webhook') return routes.webhook(request);
    return new Response('not found', { status: 404 });
  },
};
