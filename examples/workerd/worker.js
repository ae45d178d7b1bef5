// A Cloudflare Worker, run locally by workerd: the three WPay endpoints and three pages.
// Secrets arrive in `env` with each request, so the endpoints are made on the first one.
import { CheckoutRejection, WPay } from '@wpay/server-helper';
import { z } from 'zod';

/** The catalogue: prices come from the server, never from the browser. */
const PRODUCTS = { tee: { amount: '19.99', currency: 'USD', description: 'T-shirt' } };

function endpoints(env) {
  const wpay = new WPay({
    apiKey: env.WPAY_API_KEY,
    apiSecret: env.WPAY_API_SECRET,
    signKey: env.WPAY_SIGN_KEY,
    baseUrl: env.WPAY_BASE_URL, // the sandbox; or environment: 'production'
    publicUrl: env.SHOP_URL, // trusted origin and base of the return URLs, never the Host
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
  return {
    'POST /api/checkout': wpay.checkoutHandler({
      body: z.object({ sku: z.string() }),
      resolveOrder: async ({ sku }) => {
        const product = PRODUCTS[sku];
        if (!product) throw new CheckoutRejection('Unknown product', { code: 'unknown_sku' });
        return { mchOrderNo: `order_${crypto.randomUUID()}`, ...product };
      },
      successUrl: '/success.html',
      cancelUrl: '/cancel.html',
    }),
    'POST /api/webhooks/wpay': webhook,
    'GET /api/status': wpay.statusHandler(),
  };
}

/** Pages and the widget, by path: text bindings of config.capnp. */
const FILES = {
  '/': ['INDEX_HTML', 'text/html; charset=utf-8'],
  '/success.html': ['SUCCESS_HTML', 'text/html; charset=utf-8'],
  '/cancel.html': ['CANCEL_HTML', 'text/html; charset=utf-8'],
  '/wpay/wpay-widget.bundle.js': ['WIDGET_JS', 'text/javascript; charset=utf-8'],
};

let routes;

export default {
  async fetch(request, env) {
    routes ??= endpoints(env);
    const { pathname } = new URL(request.url);
    const route = routes[`${request.method} ${pathname}`];
    if (route) return route(request);
    const file = FILES[pathname];
    if (file && request.method === 'GET') {
      return new Response(env[file[0]], { headers: { 'Content-Type': file[1] } });
    }
    return new Response('Not found', { status: 404 });
  },
};
