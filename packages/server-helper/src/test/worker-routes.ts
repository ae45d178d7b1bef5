// The minimal Cloudflare Worker with the helper: the checkout and webhook endpoints, secrets from
// env, the checkout body checked by `body`. The Worker apps bundled by worker-bundle.ts give it
// their body schema.
import type { StandardSchemaV1 } from '@standard-schema/spec';
import { WPay } from '@wpay/server-helper';

export interface Env {
  WPAY_API_KEY: string;
  WPAY_API_SECRET: string;
  WPAY_SIGN_KEY: string;
}

/** The Worker's `fetch`, checking the checkout body with `body` (it has a string `sku`). */
export function worker(body: StandardSchemaV1<unknown, { sku: string }>) {
  let routes: Record<string, (request: Request) => Promise<Response>> | undefined;
  return {
    fetch(request: Request, env: Env): Promise<Response> {
      const wpay = new WPay({
        apiKey: env.WPAY_API_KEY,
        apiSecret: env.WPAY_API_SECRET,
        signKey: env.WPAY_SIGN_KEY,
        environment: 'sandbox',
      });
      routes ??= {
        '/api/checkout': wpay.checkoutHandler({
          body,
          resolveOrder: ({ sku }) => ({
            mchOrderNo: `order_${crypto.randomUUID()}`,
            amount: sku === 'tee' ? '19.99' : '8.50',
            currency: 'USD',
          }),
          publicUrl: 'https://shop.example',
          successUrl: '/thanks',
          cancelUrl: '/cart',
        }),
        '/api/webhooks/wpay': wpay.webhookHandler({
          on: { 'credit_card.order.paid': (event) => console.log(event.data.trxNo) },
        }),
      };
      const route = routes[new URL(request.url).pathname];
      return route ? route(request) : Promise.resolve(new Response('Not found', { status: 404 }));
    },
  };
}
