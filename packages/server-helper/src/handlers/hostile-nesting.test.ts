import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { bodyFingerprint } from './body-fingerprint.js';
import { createCheckoutHandler } from './checkout-handler.js';
import type { CheckoutClient } from './handler-client.js';

const SHOP = 'https://shop.example';
const DEPTH = 30_000;
const deepArray = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
const deepObject = `{"sku":"tee","x":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`;

const client: CheckoutClient = {
  checkout: { create: async () => ({ trxNo: 'TRX1', redirectUrl: 'https://pay.example/1' }) },
};

function handlerFor(body: z.ZodType) {
  return createCheckoutHandler(client, {
    body,
    resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '1.00', currency: 'USD' }),
    publicUrl: SHOP,
    successUrl: '/thanks',
    cancelUrl: '/cart',
    maxBodyBytes: 1024 * 1024,
  });
}

function post(raw: string, key?: string): Request {
  return new Request(`${SHOP}/api/checkout`, {
    method: 'POST',
    headers: {
      origin: SHOP,
      'content-type': 'application/json',
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: raw,
  });
}

describe('when a body is nested 30 000 deep under a permissive schema', () => {
  const schemas: [string, z.ZodType][] = [
    ['z.any()', z.any()],
    ['z.unknown()', z.unknown()],
    ['a loose object', z.looseObject({ sku: z.string() })],
    [
      'a recursive schema',
      z.lazy(function tree(): z.ZodType {
        return z.union([
          z.array(z.lazy(tree)),
          z.record(z.string(), z.lazy(tree)),
          z.number(),
          z.string(),
        ]);
      }),
    ],
  ];
  for (const [name, schema] of schemas) {
    for (const [shape, raw] of [
      ['arrays', deepArray],
      ['objects', deepObject],
    ] as const) {
      it(`answers 400 body_too_deep to nested ${shape} under ${name}, with an Idempotency-Key`, async () => {
        const res = await handlerFor(schema)(post(raw, 'k-deep'));
        assert.equal(res.status, 400);
        assert.equal(
          ((await res.json()) as { error: { code: string } }).error.code,
          'body_too_deep',
        );
      });
    }
  }

  it('still accepts a body nested as deep as maxBodyDepth', async () => {
    const raw = `{"sku":"tee","x":${'['.repeat(31)}${']'.repeat(31)}}`;
    assert.equal((await handlerFor(z.any())(post(raw, 'k-ok'))).status, 200);
  });
});

describe('when the fingerprint is asked for a deeply nested value', () => {
  it('computes it without overflowing the stack', async () => {
    const fingerprint = await bodyFingerprint(JSON.parse(deepObject));
    assert.match(fingerprint, /^[0-9a-f]{64}$/);
  });

  it('still ignores key order and tells different values apart', async () => {
    assert.equal(
      await bodyFingerprint({ b: [1, { d: 1, c: 2 }], a: 'x' }),
      await bodyFingerprint({ a: 'x', b: [1, { c: 2, d: 1 }] }),
    );
    assert.notEqual(await bodyFingerprint({ a: [1, 2] }), await bodyFingerprint({ a: [2, 1] }));
    assert.notEqual(await bodyFingerprint({ a: '1' }), await bodyFingerprint({ a: 1 }));
    assert.notEqual(
      await bodyFingerprint({ a: { b: 1 } }),
      await bodyFingerprint({ a: '{"b":1}' }),
    );
    assert.equal(await bodyFingerprint({ a: undefined, b: 1 }), await bodyFingerprint({ b: 1 }));
  });
});
