// A Cloudflare Worker, run locally by workerd: the three WPay endpoints and three pages it
// renders. Secrets arrive in `env` with each request, so the endpoints are made on the first one.
import { CheckoutRejection, WPay } from '@wpay/server-helper';
// The widget's server build (the `workerd` export condition): importing it in a Worker never
// throws, though the elements only render in the browser. Its VERSION names the script's URL.
import { VERSION } from '@wpay/widget';
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
      successUrl: '/success',
      cancelUrl: '/cancel',
    }),
    'POST /api/webhooks/wpay': webhook,
    'GET /api/status': wpay.statusHandler(),
  };
}

/** The widget's script, one URL per version: browsers may keep it for good. */
const WIDGET_PATH = `/wpay/${VERSION}/wpay-widget.bundle.js`;

/** A page of the shop, rendered here: the widget's script and `body`. */
function page(title, body) {
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${title}</title>
    <script type="module" src="${WIDGET_PATH}"></script>
  </head>
  <body>
    ${body}
  </body>
</html>
`;
  return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

const returnPage = () =>
  page(
    'Your order',
    `<h1>Your order</h1>
    <wpay-return status-endpoint="/api/status"></wpay-return>
    <p><a href="/">Back to the shop</a></p>`,
  );

/** The pages, by path. */
const PAGES = {
  '/': () =>
    page(
      'Shop',
      `<h1>T-shirt</h1>
    <wpay-button endpoint="/api/checkout" data-sku="tee" amount="19.99" currency="USD">Buy</wpay-button>`,
    ),
  '/success': returnPage,
  '/cancel': returnPage,
};

let routes;

export default {
  async fetch(request, env) {
    routes ??= endpoints(env);
    const { pathname } = new URL(request.url);
    const route = routes[`${request.method} ${pathname}`];
    if (route) return route(request);
    if (request.method === 'GET' && PAGES[pathname]) return PAGES[pathname]();
    if (request.method === 'GET' && pathname === WIDGET_PATH) {
      return new Response(env.WIDGET_JS, {
        headers: {
          'Content-Type': 'text/javascript; charset=utf-8',
          'Cache-Control': 'public, max-age=31536000, immutable',
        },
      });
    }
    return new Response('Not found', { status: 404 });
  },
};
