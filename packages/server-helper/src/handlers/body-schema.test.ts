import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v from 'valibot';
import * as z from 'zod';
import { z as z3 } from 'zod3';
import { WPayConfigError } from '../errors.js';
import type { BodySchema } from './body-schema.js';
import { createCheckoutHandler } from './checkout-handler.js';
import type { CheckoutClient } from './handler-client.js';

const SHOP = 'https://shop.example';

const client: CheckoutClient = {
  checkout: {
    create: async ({ mchOrderNo }) => ({
      trxNo: 'TRX1',
      redirectUrl: `https://pay.example/${mchOrderNo}`,
    }),
  },
};

/** A handler whose order number tells what `resolveOrder` received. */
function handlerWith<Schema extends BodySchema>(
  body: Schema,
  describe: (
    value: Parameters<Parameters<typeof createCheckoutHandler<Schema>>[1]['resolveOrder']>[0],
  ) => string,
) {
  return createCheckoutHandler(client, {
    body,
    resolveOrder: (value) => ({ mchOrderNo: describe(value), amount: '1.00', currency: 'USD' }),
    publicUrl: SHOP,
    successUrl: '/thanks',
    cancelUrl: '/cart',
  });
}

const post = (payload: unknown) =>
  new Request(`${SHOP}/api/checkout`, {
    method: 'POST',
    headers: { origin: SHOP, 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });

const schemas = {
  'zod 4': handlerWith(
    z.object({ sku: z.string().min(1), qty: z.number().int() }),
    (b) => `${b.sku}_${b.qty}`,
  ),
  'zod 3': handlerWith(
    z3.object({ sku: z3.string().min(1), qty: z3.number().int() }),
    (b) => `${b.sku}_${b.qty}`,
  ),
  valibot: handlerWith(
    v.object({ sku: v.pipe(v.string(), v.minLength(1)), qty: v.pipe(v.number(), v.integer()) }),
    (b) => `${b.sku}_${b.qty}`,
  ),
};

for (const [library, handler] of Object.entries(schemas)) {
  describe(`when the body schema is ${library}`, () => {
    it('hands resolveOrder the validated body, unknown fields dropped', async () => {
      const res = await handler(post({ sku: 'tee', qty: 2, amount: '0.01' }));
      assert.equal(res.status, 200);
      assert.equal(
        ((await res.json()) as { redirectUrl: string }).redirectUrl,
        'https://pay.example/tee_2',
      );
    });

    it('answers 422 with each bad field and its dotted path', async () => {
      const res = await handler(post({ sku: '', qty: 1.5 }));
      assert.equal(res.status, 422);
      const { error } = (await res.json()) as {
        error: { code: string; fields: { path: string }[] };
      };
      assert.equal(error.code, 'invalid_body');
      assert.deepEqual(error.fields.map((field) => field.path).sort(), ['qty', 'sku']);
    });
  });
}

describe('when the body is no schema', () => {
  it('refuses at creation, naming the kinds of schema accepted', () => {
    assert.throws(
      () => handlerWith({ parse: () => ({}) } as unknown as BodySchema, () => 'x'),
      (error) => error instanceof WPayConfigError && /Standard Schema/.test(error.message),
    );
  });
});

// Type test (checked by `pnpm typecheck`): resolveOrder's body is the schema's output.
handlerWith(v.object({ sku: v.string() }), (b) => {
  // @ts-expect-error qty is not in the schema
  return `${b.sku}${b.qty}`;
});
handlerWith(z3.object({ n: z3.number() }), (b) => b.n.toFixed(0));
