import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as mini from 'zod/mini';
import { paymentSchema } from './schemas/payments.js';
import { webhookEnvelopeSchema } from './webhooks/webhook-event.js';
import * as z from './zod.js';

const shape = () => ({
  trxNo: mini.string().check(mini.minLength(1)),
  amount: mini.union([mini.number(), mini.string()]),
  payer: mini.optional(mini.looseObject({ email: mini.optional(mini.string()) })),
});

const INPUTS: unknown[] = [
  { trxNo: 'TRX1', amount: 19.99 },
  { trxNo: 'TRX1', amount: '19.99', payer: { email: 'a@b.test', extra: 1 }, later: true },
  { trxNo: '', amount: 1 },
  { amount: null },
  { trxNo: 'TRX1', amount: 1, payer: 'nobody' },
  null,
  'TRX1',
];

function outcome(schema: mini.ZodMiniType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? { data: result.data } : { issues: result.error.issues };
}

describe("the helper's zod", () => {
  it("compiles the helper's objects, as zod classic does", () => {
    for (const schema of [webhookEnvelopeSchema, paymentSchema, z.object({})]) {
      assert.ok(schema._zod.traits.has('$ZodObjectJIT'), 'a JIT-compiled object');
    }
  });

  const PAIRS = [
    ['object', z.object, mini.object],
    ['looseObject', z.looseObject, mini.looseObject],
    ['strictObject', z.strictObject, mini.strictObject],
  ] as const;
  for (const [kind, build, buildMini] of PAIRS) {
    it(`parses and refuses exactly like zod/mini's ${kind}`, () => {
      const ours = build(shape());
      const theirs = buildMini(shape());
      for (const input of INPUTS) assert.deepEqual(outcome(ours, input), outcome(theirs, input));
      assert.ok(ours instanceof mini.ZodMiniObject);
      assert.deepEqual(Object.keys(ours.shape), Object.keys(theirs.shape));
    });
  }

  it('keeps custom messages and stays compiled when extended', () => {
    const base = z.strictObject({ sku: mini.string() }, { error: 'not a product' });
    assert.equal(base.safeParse('x').error?.issues[0]?.message, 'not a product');
    const extended = mini.extend(base, { quantity: mini.number() });
    assert.ok(extended._zod.traits.has('$ZodObjectJIT'));
    assert.equal(extended.safeParse({ sku: 'tee', quantity: 1, more: 1 }).success, false);
    assert.deepEqual(extended.parse({ sku: 'tee', quantity: 2 }), { sku: 'tee', quantity: 2 });
  });
});
