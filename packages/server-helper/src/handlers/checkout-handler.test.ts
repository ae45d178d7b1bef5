import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { WPayApiError, WPayNetworkError, WPayValidationError } from '../errors.js';
import type { Logger } from '../logger.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import { createCheckoutHandler } from './checkout-handler.js';
import { CheckoutRejection } from './checkout-rejection.js';
import type { CheckoutClient, CheckoutSessionRequest } from './handler-client.js';

const SHOP = 'https://shop.example';
const URL_ = `${SHOP}/api/checkout`;

function fakeWPay({ delayMs = 0, fail }: { delayMs?: number; fail?: () => Error } = {}) {
  const calls: CheckoutSessionRequest[] = [];
  const client: CheckoutClient = {
    checkout: {
      async create(request) {
        calls.push(request);
        if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (fail) throw fail();
        return {
          trxNo: `TRX${calls.length}`,
          redirectUrl: `https://pay.example/hpp/${calls.length}`,
        };
      },
    },
  };
  return { client, calls };
}

const body = z.object({ sku: z.string().min(1), qty: z.coerce.number().int().min(1).default(1) });
const PRICES: Record<string, string> = { tee: '19.99', mug: '8.50' };
let orderSeq = 0;

function makeHandler(
  client: CheckoutClient,
  overrides: Partial<Parameters<typeof createCheckoutHandler<typeof body>>[1]> = {},
) {
  return createCheckoutHandler(client, {
    body,
    resolveOrder: ({ sku, qty }) => {
      const price = PRICES[sku];
      if (!price)
        throw new CheckoutRejection('This item is out of stock', { code: 'out_of_stock' });
      return {
        mchOrderNo: `order_${++orderSeq}`,
        amount: (Number(price) * qty).toFixed(2),
        currency: 'USD',
      };
    },
    successUrl: `${SHOP}/thanks?from=wpay`,
    cancelUrl: '/cart',
    publicUrl: SHOP,
    ...overrides,
  });
}

function post(payload: unknown, headers: Record<string, string> = {}): Request {
  return new Request(URL_, {
    method: 'POST',
    headers: { origin: SHOP, 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

async function errorOf(response: Response) {
  const json = await response.json();
  assert.deepEqual(Object.keys(json), ['error']);
  return json.error as {
    code: string;
    message: string;
    fields?: { path: string; message: string }[];
  };
}

describe('when <wpay-button> posts JSON', () => {
  it('answers the hosted page URL and trxNo', async () => {
    const { client } = fakeWPay();
    const res = await makeHandler(client)(post({ sku: 'tee' }));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), { redirectUrl: 'https://pay.example/hpp/1', trxNo: 'TRX1' });
  });

  it('takes the price from resolveOrder, ignoring amount and currency sent by the browser', async () => {
    const { client, calls } = fakeWPay();
    await makeHandler(client)(post({ sku: 'tee', qty: 2, amount: 0.01, currency: 'JPY' }));
    assert.equal(calls[0]?.amount, '39.98');
    assert.equal(calls[0]?.currency, 'USD');
    assert.equal(calls[0]?.payMode, 'ONETIME');
  });

  it('puts mchOrderNo into the return URLs, keeping their own query, resolving relative ones', async () => {
    const { client, calls } = fakeWPay();
    await makeHandler(client)(post({ sku: 'tee' }));
    const order = calls[0]?.mchOrderNo;
    assert.equal(calls[0]?.successUrl, `${SHOP}/thanks?from=wpay&mchOrderNo=${order}`);
    assert.equal(calls[0]?.cancelUrl, `${SHOP}/cart?mchOrderNo=${order}`);
  });
});

describe('when the no-JS fallback posts a form', () => {
  it('answers 303 to the hosted page for a urlencoded form', async () => {
    const { client, calls } = fakeWPay();
    const res = await makeHandler(client)(
      new Request(URL_, {
        method: 'POST',
        headers: { origin: SHOP, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'sku=mug&qty=3&amount=0.01',
      }),
    );
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), 'https://pay.example/hpp/1');
    assert.equal(calls[0]?.amount, '25.50');
  });

  it('answers 303 to the hosted page for a multipart form', async () => {
    const { client } = fakeWPay();
    const form = new FormData();
    form.set('sku', 'tee');
    const res = await makeHandler(client)(
      new Request(URL_, { method: 'POST', headers: { origin: SHOP }, body: form }),
    );
    assert.equal(res.status, 303);
  });
});

describe('when the request is refused before WPay is called', () => {
  it('answers 405 with Allow to a GET', async () => {
    const { client, calls } = fakeWPay();
    const res = await makeHandler(client)(new Request(URL_));
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
    assert.equal((await errorOf(res)).code, 'method_not_allowed');
    assert.equal(calls.length, 0);
  });

  it('answers 403 to another origin (CSRF)', async () => {
    const { client, calls } = fakeWPay();
    const res = await makeHandler(client)(post({ sku: 'tee' }, { origin: 'https://evil.example' }));
    assert.equal(res.status, 403);
    assert.equal((await errorOf(res)).code, 'forbidden_origin');
    assert.equal(calls.length, 0);
  });

  it('answers 403 to Origin: null (sandboxed iframe, file://)', async () => {
    const { client } = fakeWPay();
    assert.equal((await makeHandler(client)(post({ sku: 'tee' }, { origin: 'null' }))).status, 403);
  });

  it('falls back to Sec-Fetch-Site without Origin', async () => {
    const { client } = fakeWPay();
    const handler = makeHandler(client);
    const bare = (site: string) =>
      new Request(URL_, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'sec-fetch-site': site },
        body: '{"sku":"tee"}',
      });
    assert.equal((await handler(bare('same-origin'))).status, 200);
    assert.equal((await handler(bare('cross-site'))).status, 403);
    assert.equal((await handler(bare('same-site'))).status, 403);
  });

  it('falls back to Referer without Origin and Sec-Fetch-Site', async () => {
    const { client } = fakeWPay();
    const handler = makeHandler(client);
    const withReferer = (referer: string) =>
      new Request(URL_, {
        method: 'POST',
        headers: { 'content-type': 'application/json', referer },
        body: '{"sku":"tee"}',
      });
    assert.equal((await handler(withReferer(`${SHOP}/product/tee`))).status, 200);
    assert.equal((await handler(withReferer('https://evil.example/x'))).status, 403);
  });

  it('answers 403 with none of Origin, Sec-Fetch-Site, Referer unless allowMissingOrigin', async () => {
    const { client } = fakeWPay();
    const bare = () =>
      new Request(URL_, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"sku":"tee"}',
      });
    assert.equal((await makeHandler(client)(bare())).status, 403);
    assert.equal((await makeHandler(client, { allowMissingOrigin: true })(bare())).status, 200);
  });

  it('accepts the shop origins listed in allowedOrigins (behind a proxy)', async () => {
    const { client } = fakeWPay();
    const handler = makeHandler(client, { allowedOrigins: ['https://www.shop.example/'] });
    assert.equal(
      (await handler(post({ sku: 'tee' }, { origin: 'https://www.shop.example' }))).status,
      200,
    );
    assert.equal((await handler(post({ sku: 'tee' }))).status, 403);
  });

  it('answers 415 to a body that is neither JSON nor a form', async () => {
    const { client } = fakeWPay();
    const res = await makeHandler(client)(post('sku=tee', { 'content-type': 'text/plain' }));
    assert.equal(res.status, 415);
    assert.equal((await errorOf(res)).code, 'unsupported_media_type');
  });

  it('answers 400 to unparseable JSON', async () => {
    const { client } = fakeWPay();
    const res = await makeHandler(client)(post('{"sku":'));
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).code, 'invalid_json');
  });

  it('answers 413 to a body above maxBodyBytes', async () => {
    const { client } = fakeWPay();
    const res = await makeHandler(client, { maxBodyBytes: 100 })(post({ sku: 'x'.repeat(200) }));
    assert.equal(res.status, 413);
  });

  it('answers 422 with every bad field when the merchant schema refuses the body', async () => {
    const { client, calls } = fakeWPay();
    const res = await makeHandler(client)(post({ sku: '', qty: 0 }));
    assert.equal(res.status, 422);
    const error = await errorOf(res);
    assert.equal(error.code, 'invalid_body');
    assert.deepEqual(
      error.fields?.map((f) => f.path),
      ['sku', 'qty'],
    );
    assert.equal(calls.length, 0);
  });
});

describe('when resolveOrder or WPay fails', () => {
  it('answers 422 with the message of a CheckoutRejection (out of stock)', async () => {
    const { client, calls } = fakeWPay();
    const res = await makeHandler(client)(post({ sku: 'sold-out-hat' }));
    assert.equal(res.status, 422);
    assert.deepEqual(await errorOf(res), {
      code: 'out_of_stock',
      message: 'This item is out of stock',
    });
    assert.equal(calls.length, 0);
  });

  it('answers 500 without details when resolveOrder throws something else, and logs it', async () => {
    const { client } = fakeWPay();
    const logged: string[] = [];
    const logger: Logger = {
      warn() {},
      error: (m, d) => logged.push(`${m} ${JSON.stringify(d)}`),
    };
    const res = await makeHandler(client, {
      logger,
      resolveOrder: () => {
        throw new Error('db password=hunter2 rejected');
      },
    })(post({ sku: 'tee' }));
    assert.equal(res.status, 500);
    assert.ok(!(await res.text()).includes('hunter2'));
    assert.equal(logged.length, 1);
  });

  it('answers 502 with a safe message when WPay refuses, leaking none of its internals', async () => {
    const fail = () =>
      new WPayApiError({
        retcode: '00007',
        retmsg: 'signature mismatch for key ak_live_123',
        httpStatus: 401,
        path: '/checkout/w-payment/hpp',
      });
    const { client } = fakeWPay({ fail });
    const res = await makeHandler(client)(post({ sku: 'tee' }));
    assert.equal(res.status, 502);
    const text = await res.text();
    assert.equal(JSON.parse(text).error.code, 'payment_provider_error');
    assert.ok(!text.includes('ak_live_123') && !text.includes('00007'));
  });

  it('answers 502 when WPay is unreachable', async () => {
    const { client } = fakeWPay({
      fail: () => new WPayNetworkError({ path: '/x', notSent: true }),
    });
    assert.equal((await makeHandler(client)(post({ sku: 'tee' }))).status, 502);
  });

  it('answers 500 when the order resolveOrder returned is invalid (merchant bug)', async () => {
    const fail = () =>
      new WPayValidationError({ what: 'checkout', issues: [{ path: 'amount', message: 'bad' }] });
    const { client } = fakeWPay({ fail });
    assert.equal((await makeHandler(client)(post({ sku: 'tee' }))).status, 500);
  });
});

describe('when the request carries an Idempotency-Key', () => {
  it('returns the same session for the same key and body, creating it once', async () => {
    const { client, calls } = fakeWPay();
    const handler = makeHandler(client);
    const first = await handler(post({ sku: 'tee' }, { 'idempotency-key': 'k1' }));
    const again = await handler(post({ qty: 1, sku: 'tee' }, { 'idempotency-key': 'k1' }));
    assert.deepEqual(await again.json(), await first.json());
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(calls.length, 1);
  });

  it('makes concurrent duplicates wait for the first and share its session', async () => {
    const { client, calls } = fakeWPay({ delayMs: 100 });
    const handler = makeHandler(client, { pollIntervalMs: 10 });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => handler(post({ sku: 'tee' }, { 'idempotency-key': 'k2' }))),
    );
    const bodies = await Promise.all(answers.map((r) => r.json()));
    assert.equal(calls.length, 1);
    for (const b of bodies) assert.deepEqual(b, bodies[0]);
  });

  it('refuses the same key with another body (409)', async () => {
    const { client, calls } = fakeWPay();
    const handler = makeHandler(client);
    await handler(post({ sku: 'tee' }, { 'idempotency-key': 'k3' }));
    const res = await handler(post({ sku: 'mug' }, { 'idempotency-key': 'k3' }));
    assert.equal(res.status, 409);
    assert.equal((await errorOf(res)).code, 'idempotency_key_reused');
    assert.equal(calls.length, 1);
  });

  it('runs again after a failed attempt with the same key', async () => {
    let failing = true;
    const { client, calls } = fakeWPay();
    const flaky: CheckoutClient = {
      checkout: {
        create: async (request) => {
          if (failing) throw new WPayNetworkError({ path: '/x', notSent: true });
          return client.checkout.create(request);
        },
      },
    };
    const handler = makeHandler(flaky);
    assert.equal((await handler(post({ sku: 'tee' }, { 'idempotency-key': 'k4' }))).status, 502);
    failing = false;
    assert.equal((await handler(post({ sku: 'tee' }, { 'idempotency-key': 'k4' }))).status, 200);
    assert.equal(calls.length, 1);
  });

  it('creates a new session once the key has expired', async () => {
    let time = 0;
    const { client, calls } = fakeWPay();
    const idempotencyStore = new MemoryClaimStore({ now: () => time });
    const handler = makeHandler(client, { idempotencyStore, idempotencyTtlMs: 1_000 });
    await handler(post({ sku: 'tee' }, { 'idempotency-key': 'k5' }));
    time = 999;
    await handler(post({ sku: 'tee' }, { 'idempotency-key': 'k5' }));
    assert.equal(calls.length, 1);
    time = 1_000;
    await handler(post({ sku: 'tee' }, { 'idempotency-key': 'k5' }));
    assert.equal(calls.length, 2);
  });

  it('answers 400 to a malformed key', async () => {
    const { client } = fakeWPay();
    const res = await makeHandler(client)(post({ sku: 'tee' }, { 'idempotency-key': 'a b' }));
    assert.equal(res.status, 400);
    assert.equal((await errorOf(res)).code, 'invalid_idempotency_key');
  });
});
