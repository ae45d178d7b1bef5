import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { WPayConfigError } from '../errors.js';
import type { Logger } from '../logger.js';
import { createCheckoutHandler } from './checkout-handler.js';
import type { CheckoutClient } from './handler-client.js';

const SHOP = 'https://shop.example';

function wpayAnswering(redirectUrl: string) {
  let calls = 0;
  const client: CheckoutClient = {
    checkout: {
      create: async () => ({ trxNo: `TRX${++calls}`, redirectUrl }),
    },
  };
  return client;
}

function recordingLogger() {
  const warned: string[] = [];
  const errors: { message: string; details: Record<string, unknown> | undefined }[] = [];
  const logger: Logger = {
    warn: (message) => warned.push(message),
    error: (message, details) => errors.push({ message, details }),
  };
  return { logger, warned, errors };
}

function handlerWith(
  redirectUrl: string,
  extra: Partial<Parameters<typeof createCheckoutHandler>[1]> = {},
) {
  return createCheckoutHandler(wpayAnswering(redirectUrl), {
    body: z.object({ sku: z.string() }),
    resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '1.00', currency: 'USD' }),
    publicUrl: SHOP,
    successUrl: '/thanks',
    cancelUrl: '/cart',
    ...extra,
  });
}

function post(kind: 'json' | 'form' = 'json', key?: string): Request {
  return new Request(`${SHOP}/api/checkout`, {
    method: 'POST',
    headers: {
      origin: SHOP,
      'content-type': kind === 'json' ? 'application/json' : 'application/x-www-form-urlencoded',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: kind === 'json' ? '{"sku":"tee"}' : 'sku=tee',
  });
}

describe('when allowedRedirectHosts is set', () => {
  const allowedRedirectHosts = ['pay.wpay.example'];

  it('answers the hosted page on an allowed host', async () => {
    const res = await handlerWith('https://pay.wpay.example/hpp/1', { allowedRedirectHosts })(
      post(),
    );
    assert.equal(res.status, 200);
    assert.equal(
      ((await res.json()) as { redirectUrl: string }).redirectUrl,
      'https://pay.wpay.example/hpp/1',
    );
  });

  for (const [what, url] of [
    ['another host', 'https://evil.example/hpp/1'],
    ['a look-alike host', 'https://pay.wpay.example.evil.example/hpp/1'],
    ['plain http', 'http://pay.wpay.example/hpp/1'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['no URL at all', 'not a url'],
    ['credentials in the URL', 'https://pay.wpay.example@evil.example/'],
  ] as const) {
    it(`answers 502 untrusted_redirect and logs it for ${what}, as JSON and as a form post`, async () => {
      const { logger, errors } = recordingLogger();
      const handler = handlerWith(url, { allowedRedirectHosts, logger });
      for (const kind of ['json', 'form'] as const) {
        const res = await handler(post(kind));
        assert.equal(res.status, 502);
        assert.equal(res.headers.get('location'), null);
        const text = await res.text();
        assert.equal(JSON.parse(text).error.code, 'untrusted_redirect');
        assert.ok(!text.includes('evil.example'), 'the untrusted URL is not echoed to the browser');
      }
      assert.equal(errors.length, 2);
      assert.match(errors[0]?.message ?? '', /allowedRedirectHosts/);
    });
  }

  it('accepts http on a loopback host (the local sandbox)', async () => {
    for (const url of [
      'http://127.0.0.1:4010/hpp/1',
      'http://localhost:4010/hpp/1',
      'http://[::1]:4010/hpp/1',
    ]) {
      const hosts = [new URL(url).hostname];
      assert.equal(
        (await handlerWith(url, { allowedRedirectHosts: hosts })(post())).status,
        200,
        url,
      );
    }
  });

  it('takes a predicate of the URL', async () => {
    const allowed = (url: URL) => url.hostname.endsWith('.wpay.example');
    assert.equal(
      (await handlerWith('https://a.wpay.example/1', { allowedRedirectHosts: allowed })(post()))
        .status,
      200,
    );
    assert.equal(
      (await handlerWith('https://evil.example/1', { allowedRedirectHosts: allowed })(post()))
        .status,
      502,
    );
  });

  it('frees the Idempotency-Key after refusing, and never replays the refused page', async () => {
    const handler = handlerWith('https://evil.example/1', { allowedRedirectHosts });
    assert.equal((await handler(post('json', 'k1'))).status, 502);
    assert.equal((await handler(post('json', 'k1'))).status, 502);
  });

  it('compares host names case-insensitively and refuses a malformed list at creation', async () => {
    assert.equal(
      (
        await handlerWith('https://PAY.wpay.example/1', {
          allowedRedirectHosts: ['pay.WPAY.example'],
        })(post())
      ).status,
      200,
    );
    assert.throws(
      () =>
        handlerWith('https://x.example', { allowedRedirectHosts: ['https://pay.wpay.example/'] }),
      (error) => error instanceof WPayConfigError && error.field === 'allowedRedirectHosts',
    );
  });
});

describe('when allowedRedirectHosts is not set', () => {
  it('follows WPay’s https redirect on any host, warning once with the host to allow', async () => {
    const { logger, warned } = recordingLogger();
    const handler = handlerWith('https://pay.wpay.example/hpp/1', { logger });
    assert.equal((await handler(post())).status, 200);
    assert.equal((await handler(post())).status, 200);
    const about = warned.filter((m) => m.includes('allowedRedirectHosts'));
    assert.equal(about.length, 1);
    assert.match(about[0] ?? '', /pay\.wpay\.example/);
  });

  it('still refuses a redirect that is not http(s)', async () => {
    const res = await handlerWith('javascript:alert(1)')(post());
    assert.equal(res.status, 502);
  });
});
