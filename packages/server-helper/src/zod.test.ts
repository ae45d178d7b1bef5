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

describe('when a URL schema sees an input again', () => {
  /** Runs `body` counting the URLs constructed meanwhile (what checking a URL costs). */
  function countingParses(body: () => void): number {
    const Original = globalThis.URL;
    let parses = 0;
    const Counting = class extends Original {
      constructor(...args: ConstructorParameters<typeof URL>) {
        super(...args);
        parses++;
      }
    };
    const parse = (Original as { parse?: (url: string, base?: string) => URL | null }).parse;
    if (parse) {
      Object.defineProperty(Counting, 'parse', {
        value: (url: string, base?: string) => {
          parses++;
          return parse.call(Original, url, base);
        },
      });
    }
    globalThis.URL = Counting as typeof URL;
    try {
      body();
    } finally {
      globalThis.URL = Original;
    }
    return parses;
  }
  const INPUTS_URL = [
    'https://shop.example/ok',
    ' https://shop.example/ok ',
    'https://shop.ex\tample/ok',
    'ftp://shop.example/file',
    'http:shop.example',
    'https://shop example/ok',
    'not a url',
    '',
    42,
    undefined,
  ];
  const options = { protocol: /^https?$/, message: 'must be an http(s) URL' };

  it("accepts and refuses exactly like zod/mini's url, the first time and again", () => {
    const ours = z.url(options);
    const theirs = mini.url(options);
    for (let round = 0; round < 2; round++) {
      for (const input of INPUTS_URL)
        assert.deepEqual(outcome(ours, input), outcome(theirs, input));
    }
    assert.ok(ours instanceof mini.ZodMiniURL);
  });

  it('parses an input it accepted as it was only once', () => {
    const schema = z.url(options);
    assert.equal(
      countingParses(() => schema.parse('https://shop.example/ok')),
      1,
    );
    assert.equal(
      countingParses(() => schema.parse('https://shop.example/ok')),
      0,
    );
  });

  it('checks in full, every time, an input it trimmed or refused', () => {
    const schema = z.url(options);
    for (const input of [' https://shop.example/ok ', 'https://shop example/ok']) {
      const first = countingParses(() => schema.safeParse(input));
      assert.ok(first > 0);
      assert.equal(
        countingParses(() => schema.safeParse(input)),
        first,
        JSON.stringify(input),
      );
    }
  });

  it('remembers only the newest 64 inputs', () => {
    const schema = z.url(options);
    for (let i = 0; i <= 64; i++) schema.parse(`https://shop.example/orders/${i}`);
    assert.equal(
      countingParses(() => schema.parse('https://shop.example/orders/64')),
      0,
    );
    assert.equal(
      countingParses(() => schema.parse('https://shop.example/orders/0')),
      1,
    );
  });
});
