import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import * as z from 'zod';
import { WPayConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import { toNodeHandler } from '../node.js';
import { createCheckoutHandler } from './checkout-handler.js';
import type { CheckoutClient, CheckoutSessionRequest } from './handler-client.js';

const SHOP = 'https://shop.example';
const EVIL = 'https://evil.example';

function fakeWPay() {
  const calls: CheckoutSessionRequest[] = [];
  const client: CheckoutClient = {
    checkout: {
      async create(request) {
        calls.push(request);
        return { trxNo: `TRX${calls.length}`, redirectUrl: `https://pay.example/${calls.length}` };
      },
    },
  };
  return { client, calls };
}

type Options = Parameters<typeof createCheckoutHandler<typeof body>>[1];
const body = z.object({ sku: z.string() });
const base: Options = {
  body,
  resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '1.00', currency: 'USD' }),
  successUrl: '/thanks',
  cancelUrl: '/cart',
};

function post(url: string, headers: Record<string, string>): Request {
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"sku":"tee"}',
  });
}

function configErrorOf(make: () => unknown): WPayConfigError {
  try {
    make();
  } catch (error) {
    assert.ok(error instanceof WPayConfigError, `expected a WPayConfigError, got ${error}`);
    return error;
  }
  assert.fail('expected the handler factory to throw');
}

describe('when the handler is made without a trusted origin', () => {
  it('throws a WPayConfigError naming publicUrl and the fix, with none of publicUrl, allowedOrigins, trustRequestHost', () => {
    const { client } = fakeWPay();
    const error = configErrorOf(() =>
      createCheckoutHandler(client, {
        ...base,
        successUrl: `${SHOP}/thanks`,
        cancelUrl: `${SHOP}/cart`,
      }),
    );
    assert.equal(error.field, 'publicUrl');
    assert.match(error.message, /publicUrl/);
    assert.match(error.hint, /publicUrl: 'https:\/\/shop\.example'/);
    assert.match(error.hint, /trustRequestHost/);
  });

  it('throws naming successUrl when it is relative and there is no publicUrl', () => {
    const { client } = fakeWPay();
    const error = configErrorOf(() =>
      createCheckoutHandler(client, { ...base, allowedOrigins: [SHOP], cancelUrl: `${SHOP}/c` }),
    );
    assert.equal(error.field, 'successUrl');
    assert.match(error.hint, /publicUrl/);
  });

  it('throws naming cancelUrl when it is relative and there is no publicUrl', () => {
    const { client } = fakeWPay();
    const error = configErrorOf(() =>
      createCheckoutHandler(client, { ...base, allowedOrigins: [SHOP], successUrl: `${SHOP}/t` }),
    );
    assert.equal(error.field, 'cancelUrl');
  });

  for (const publicUrl of ['shop.example', '/shop', 'ftp://shop.example', 'javascript:alert(1)']) {
    it(`throws naming publicUrl when it is ${publicUrl}`, () => {
      const { client } = fakeWPay();
      const error = configErrorOf(() => createCheckoutHandler(client, { ...base, publicUrl }));
      assert.equal(error.field, 'publicUrl');
    });
  }
});

describe('when Host and Origin both name an attacker’s domain', () => {
  it('refuses the request (403) and creates no hosted page', async () => {
    const { client, calls } = fakeWPay();
    const handler = createCheckoutHandler(client, { ...base, publicUrl: SHOP });
    const res = await handler(post(`${EVIL}/api/checkout`, { origin: EVIL }));
    assert.equal(res.status, 403);
    assert.equal(calls.length, 0);
  });

  it('refuses it through toNodeHandler, where the request URL is built from Host', async () => {
    const { client, calls } = fakeWPay();
    const handler = createCheckoutHandler(client, { ...base, publicUrl: SHOP });
    const server = createServer(toNodeHandler(handler));
    servers.push(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        path: '/api/checkout',
        method: 'POST',
        headers: {
          host: 'evil.example',
          origin: 'http://evil.example',
          'content-type': 'application/json',
        },
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end('{"sku":"tee"}');
    });
    assert.equal(status, 403);
    assert.equal(calls.length, 0);
  });

  it('never puts the attacker’s host in the return URLs, even from an allowed origin (forged by a script)', async () => {
    const { client, calls } = fakeWPay();
    const handler = createCheckoutHandler(client, { ...base, publicUrl: SHOP });
    const res = await handler(post(`${EVIL}/api/checkout`, { origin: SHOP }));
    assert.equal(res.status, 200);
    assert.equal(new URL(calls[0]?.successUrl ?? '').origin, SHOP);
    assert.equal(new URL(calls[0]?.cancelUrl ?? '').origin, SHOP);
  });

  it('refuses it with allowedOrigins and absolute return URLs alone', async () => {
    const { client, calls } = fakeWPay();
    const handler = createCheckoutHandler(client, {
      ...base,
      allowedOrigins: [SHOP],
      successUrl: `${SHOP}/thanks`,
      cancelUrl: `${SHOP}/cart`,
    });
    assert.equal((await handler(post(`${EVIL}/api/checkout`, { origin: EVIL }))).status, 403);
    assert.equal(calls.length, 0);
  });
});

describe('when publicUrl is set', () => {
  it('accepts its origin behind a proxy whose request URL is internal, resolving return URLs against it', async () => {
    const { client, calls } = fakeWPay();
    const handler = createCheckoutHandler(client, { ...base, publicUrl: `${SHOP}/store/` });
    const res = await handler(post('http://localhost:3000/api/checkout', { origin: SHOP }));
    assert.equal(res.status, 200);
    assert.equal(calls[0]?.successUrl, `${SHOP}/thanks?mchOrderNo=order_1`);
    assert.equal(
      (
        await createCheckoutHandler(client, {
          ...base,
          publicUrl: `${SHOP}/store/`,
          successUrl: 'thanks',
        })(post('http://localhost:3000/api/checkout', { origin: SHOP }))
      ).status,
      200,
    );
    assert.equal(calls[1]?.successUrl, `${SHOP}/store/thanks?mchOrderNo=order_1`);
  });

  it('refuses the request URL’s own origin when it is not publicUrl’s', async () => {
    const { client } = fakeWPay();
    const handler = createCheckoutHandler(client, { ...base, publicUrl: SHOP });
    const internal = 'http://localhost:3000';
    assert.equal(
      (await handler(post(`${internal}/api/checkout`, { origin: internal }))).status,
      403,
    );
  });

  it('lets allowedOrigins replace the default origin', async () => {
    const { client } = fakeWPay();
    const handler = createCheckoutHandler(client, {
      ...base,
      publicUrl: SHOP,
      allowedOrigins: ['https://www.shop.example'],
    });
    const url = `${SHOP}/api/checkout`;
    assert.equal((await handler(post(url, { origin: 'https://www.shop.example' }))).status, 200);
    assert.equal((await handler(post(url, { origin: SHOP }))).status, 403);
  });

  it('answers 500 and sends nothing when a successUrl function gives a non-http(s) URL', async () => {
    const { client, calls } = fakeWPay();
    const logged: string[] = [];
    const logger: Logger = { warn() {}, error: (m) => logged.push(m) };
    const handler = createCheckoutHandler(client, {
      ...base,
      publicUrl: SHOP,
      successUrl: () => 'javascript:alert(1)',
      logger,
    });
    const res = await handler(post(`${SHOP}/api/checkout`, { origin: SHOP }));
    assert.equal(res.status, 500);
    assert.equal(calls.length, 0);
    assert.equal(logged.length, 1);
  });
});

describe('when trustRequestHost is set (local development)', () => {
  it('takes the request’s own origin and resolves relative return URLs against it, warning once at creation', async () => {
    const { client, calls } = fakeWPay();
    const warned: string[] = [];
    const logger: Logger = {
      warn: (m) => void (m.includes('trustRequestHost') && warned.push(m)),
      error() {},
    };
    const handler = createCheckoutHandler(client, { ...base, trustRequestHost: true, logger });
    assert.equal(warned.length, 1);
    assert.match(warned[0] ?? '', /trustRequestHost/);
    const local = 'http://localhost:5173';
    assert.equal((await handler(post(`${local}/api/checkout`, { origin: local }))).status, 200);
    assert.equal(calls[0]?.successUrl, `${local}/thanks?mchOrderNo=order_1`);
    assert.equal((await handler(post(`${local}/api/checkout`, { origin: EVIL }))).status, 403);
    assert.equal(warned.length, 1);
  });

  it('binds an Idempotency-Key to the request’s host, whose return URLs differ', async () => {
    const { client, calls } = fakeWPay();
    const handler = createCheckoutHandler(client, { ...base, trustRequestHost: true });
    const a = 'http://localhost:5173';
    const b = 'http://127.0.0.1:5173';
    await handler(post(`${a}/api/checkout`, { origin: a, 'idempotency-key': 'k' }));
    const other = await handler(post(`${b}/api/checkout`, { origin: b, 'idempotency-key': 'k' }));
    assert.equal(other.status, 409);
    assert.equal(calls.length, 1);
  });
});

const servers: Server[] = [];
after(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});
