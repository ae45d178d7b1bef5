// worker.ts — Cloudflare Workers: secrets arrive in `env`, so build the handler on first use.
import { WPay } from '@wpay/server-helper';

export interface Env {
  WPAY_API_KEY: string;
  WPAY_API_SECRET: string;
  WPAY_SIGN_KEY: string;
  WPAY_BASE_URL: string;
  PAID_ORDERS: { send(trxNo: string): Promise<void> }; // a Queue binding
}

let webhook: ((request: Request) => Promise<Response>) | undefined;

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    webhook ??= new WPay({
      apiKey: env.WPAY_API_KEY,
      apiSecret: env.WPAY_API_SECRET,
      signKey: env.WPAY_SIGN_KEY,
      baseUrl: env.WPAY_BASE_URL,
    }).webhookHandler({
      // Acknowledge fast; a queue consumer confirms the payment and fulfils the order.
      on: { 'credit_card.order.paid': (event) => env.PAID_ORDERS.send(event.data.trxNo) },
    });
    if (new URL(request.url).pathname === '/api/webhooks/wpay') return webhook(request);
    return Promise.resolve(new Response('Not found', { status: 404 }));
  },
};
