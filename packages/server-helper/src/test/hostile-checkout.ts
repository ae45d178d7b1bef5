// Property-based hostile input for the checkout handler (fast-check): random and hostile bodies,
// headers (Origin, Host, Sec-Fetch-Site, Referer, Content-Type, Idempotency-Key) and methods.
// Used by checkout-handler.property.test.ts (a few hundred runs) and checkout-hostile.soak.ts
// (many more). The properties, for every request:
//   - never a 5xx;
//   - never a hosted page (200 / 303) for a request from a foreign origin;
//   - every session WPay is asked for has its return URLs on the shop's publicUrl and the
//     price from the server's table, whatever amount or currency the body carries.
import fc from 'fast-check';
import * as z from 'zod';
import { createCheckoutHandler } from '../handlers/checkout-handler.js';
import { CheckoutRejection } from '../handlers/checkout-rejection.js';
import type { CheckoutClient, CheckoutSessionRequest } from '../handlers/handler-client.js';

export const SHOP = 'https://shop.example';
const EVIL = 'https://evil.example';
const PRICES: Record<string, string> = { tee: '19.99', mug: '8.50' };
const STATIC_PRICE = '5.00';

/** What a run saw, for the figures the soak prints. */
export interface HostileFigures {
  requests: number;
  byStatus: Record<number, number>;
  sessions: number;
}

interface Shop {
  handle(request: Request): Promise<Response>;
  calls: CheckoutSessionRequest[];
  /** The price each `mchOrderNo` must be sent with. */
  expected: Map<string, { amount: string; currency: string }>;
}

function makeShop(schema: 'strict' | 'permissive'): Shop {
  const calls: CheckoutSessionRequest[] = [];
  const expected = new Map<string, { amount: string; currency: string }>();
  let seq = 0;
  const client: CheckoutClient = {
    checkout: {
      create: async (request) => {
        calls.push(request);
        return {
          trxNo: `TRX${calls.length}`,
          redirectUrl: `https://pay.example/hpp/${calls.length}`,
        };
      },
    },
  };
  const order = (amount: string) => {
    const mchOrderNo = `order_${++seq}`;
    expected.set(mchOrderNo, { amount, currency: 'USD' });
    return { mchOrderNo, amount, currency: 'USD' };
  };
  const common = {
    publicUrl: SHOP,
    successUrl: '/thanks',
    cancelUrl: '/cart',
    allowedRedirectHosts: ['pay.example'],
    pollIntervalMs: 1,
    idempotencyWaitMs: 20,
  };
  const handle =
    schema === 'strict'
      ? createCheckoutHandler(client, {
          ...common,
          body: z.object({
            sku: z.string().min(1).max(32),
            qty: z.coerce.number().int().min(1).max(10).default(1),
          }),
          resolveOrder: ({ sku, qty }) => {
            const price = Object.hasOwn(PRICES, sku) ? PRICES[sku] : undefined;
            if (!price) throw new CheckoutRejection('Unknown product', { code: 'unknown_sku' });
            return order((Number(price) * qty).toFixed(2));
          },
        })
      : createCheckoutHandler(client, {
          ...common,
          body: z.any(),
          resolveOrder: () => order(STATIC_PRICE),
        });
  return { handle, calls, expected };
}

const origins = fc.constantFrom(
  SHOP,
  `${SHOP}/`,
  'https://SHOP.example',
  'http://shop.example',
  'https://shop.example:443',
  'https://shop.example.evil.example',
  'https://evil.example',
  'http://localhost:3000',
  'null',
  '',
);

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '*',
    'same-origin',
    'none',
    'same-site',
    'cross-site',
    'SAME-ORIGIN',
    ' same-origin',
  ),
);

const contentTypes = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/vnd.api+json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'multipart/form-data',
    'text/plain',
    'text/plain; application/json',
    'application/json, text/plain',
    '',
  ),
  fc.string({ maxLength: 30 }),
);

function deep(depth: number, open: string, close: string, inner = '1'): string {
  return `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
}

const bodies = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc
    .record(
      {
        sku: fc.oneof(
          fc.constantFrom('tee', 'mug', 'hat', '__proto__', 'constructor'),
          fc.string(),
        ),
        qty: fc.oneof(fc.integer({ min: -5, max: 20 }), fc.string({ maxLength: 5 }), fc.double()),
        amount: fc.oneof(fc.double(), fc.constantFrom('0.01', '-1', '1e9')),
        currency: fc.constantFrom('JPY', 'KWD', 'USD', 'XXX'),
        mchOrderNo: fc.string({ maxLength: 70 }),
        successUrl: fc.constantFrom(`${EVIL}/phish`, 'javascript:alert(1)'),
        __proto__: fc.constant({ admin: true }),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.constantFrom(
    deep(30_000, '[', ']'),
    deep(30_000, '{"a":', '}'),
    `{"sku":"tee","x":${deep(40, '[', ']')}}`,
    'sku=tee&qty=2&amount=0.01',
    'sku=mug&sku=tee',
    '--x\r\nContent-Disposition: form-data; name="sku"\r\n\r\ntee\r\n--x--\r\n',
    '{"sku":"tee"',
    '\uFEFF{"sku":"tee"}',
    '',
    'null',
  ),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

const methods = fc.oneof(
  { weight: 8, arbitrary: fc.constant('POST') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'post'),
  },
);
const hosts = fc.constantFrom(SHOP, EVIL, 'http://localhost:3000', 'http://127.0.0.1:8080');
/** Mostly what a browser on the shop (or on the attacker's site) sends, sometimes anything. */
const likelyOrigin = fc.oneof(
  { weight: 5, arbitrary: fc.constant(SHOP) },
  { weight: 3, arbitrary: origins },
  { weight: 1, arbitrary: hostileString },
);
const likelyContentType = fc.oneof(
  { weight: 5, arbitrary: fc.constant('application/json') },
  { weight: 3, arbitrary: contentTypes },
);
const genuineBody = fc
  .record(
    { sku: fc.constantFrom('tee', 'mug', 'hat'), qty: fc.integer({ min: 0, max: 11 }) },
    { requiredKeys: ['sku'] },
  )
  .map((value) => JSON.stringify(value));
const likelyBody = fc.oneof(
  { weight: 3, arbitrary: genuineBody },
  { weight: 4, arbitrary: bodies },
);

/** One random request, or `undefined` when the generated headers cannot exist on the wire. */
const hostileRequest = fc
  .record({
    method: methods,
    host: hosts,
    origin: fc.option(likelyOrigin, { nil: undefined, freq: 6 }),
    fetchSite: fc.option(hostileString, { nil: undefined }),
    referer: fc.option(
      fc.oneof(
        origins.map((o) => `${o}/product`),
        hostileString,
      ),
      { nil: undefined },
    ),
    contentType: fc.option(likelyContentType, { nil: undefined, freq: 8 }),
    key: fc.option(fc.oneof(fc.constantFrom('k1', 'k2', 'k3'), hostileString), { nil: undefined }),
    body: likelyBody,
  })
  .map((spec) => {
    const headers: [string, string][] = [];
    if (spec.origin !== undefined) headers.push(['origin', spec.origin]);
    if (spec.fetchSite !== undefined) headers.push(['sec-fetch-site', spec.fetchSite]);
    if (spec.referer !== undefined) headers.push(['referer', spec.referer]);
    if (spec.contentType !== undefined) headers.push(['content-type', spec.contentType]);
    if (spec.key !== undefined) headers.push(['idempotency-key', spec.key]);
    try {
      const hasBody = spec.method !== 'GET' && spec.method !== 'HEAD';
      const request = new Request(`${spec.host}/api/checkout`, {
        method: spec.method,
        headers,
        ...(hasBody ? { body: spec.body } : {}),
      });
      return { request, spec };
    } catch {
      return undefined; // a header value no HTTP client could send
    }
  });

/** Whether the request says it comes from the shop (the only case a hosted page may be given). */
function fromShop(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === SHOP;
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const referer = request.headers.get('referer');
  if (referer === null) return false;
  try {
    return new URL(referer).origin === SHOP;
  } catch {
    return false;
  }
}

/**
 * Runs the properties `numRuns` times against a strict and a permissive merchant schema, and
 * returns the figures. Throws (fast-check's report, with the shrunk counter-example) on failure.
 */
export async function checkHostileCheckout({
  numRuns,
  seed,
}: {
  numRuns: number;
  seed?: number;
}): Promise<HostileFigures> {
  const figures: HostileFigures = { requests: 0, byStatus: {}, sessions: 0 };
  for (const schema of ['strict', 'permissive'] as const) {
    const shop = makeShop(schema);
    await fc.assert(
      fc.asyncProperty(hostileRequest, async (generated) => {
        fc.pre(generated !== undefined);
        if (!generated) return;
        const { request } = generated;
        const foreign = !fromShop(request);
        const before = shop.calls.length;
        const response = await shop.handle(request);
        await response.body?.cancel();
        figures.requests++;
        figures.byStatus[response.status] = (figures.byStatus[response.status] ?? 0) + 1;
        if (response.status >= 500) throw new Error(`answered ${response.status}`);
        const hostedPage = response.status === 200 || response.status === 303;
        if (hostedPage && foreign) throw new Error('gave a hosted page to a foreign origin');
        if (foreign && shop.calls.length !== before)
          throw new Error('created a session for a foreign origin');
        for (const call of shop.calls.slice(before)) {
          figures.sessions++;
          if (new URL(call.successUrl).origin !== SHOP)
            throw new Error(`successUrl ${call.successUrl}`);
          if (new URL(call.cancelUrl).origin !== SHOP)
            throw new Error(`cancelUrl ${call.cancelUrl}`);
          const price = shop.expected.get(call.mchOrderNo);
          if (!price || price.amount !== call.amount || price.currency !== call.currency) {
            throw new Error(
              `priced ${call.amount} ${call.currency}, expected ${JSON.stringify(price)}`,
            );
          }
        }
      }),
      { numRuns, ...(seed === undefined ? {} : { seed }) },
    );
  }
  return figures;
}
