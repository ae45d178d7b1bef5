import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import { WPayConfigError } from './errors.js';
import { resolveOptions, type WPayOptions } from './options.js';
import { WPay } from './wpay.js';

/** What `next build` sees: the module reads process.env, which holds no secrets yet. */
const atBuildTime = {
  apiKey: undefined as unknown as string,
  apiSecret: undefined as unknown as string,
  signKey: undefined as unknown as string,
  baseUrl: undefined,
} satisfies WPayOptions;

/** The error the options give when checked at once: first use must throw exactly this. */
function eagerError(options: WPayOptions): WPayConfigError {
  try {
    resolveOptions(options);
  } catch (error) {
    if (error instanceof WPayConfigError) return error;
  }
  assert.fail('the options were valid');
}

async function rejection(promise: Promise<unknown>): Promise<WPayConfigError> {
  const error = await promise.then(
    () => assert.fail('resolved'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof WPayConfigError, `not a WPayConfigError: ${String(error)}`);
  return error;
}

const sameAs = (actual: WPayConfigError, expected: WPayConfigError) => {
  assert.equal(actual.message, expected.message);
  assert.equal(actual.field, expected.field);
  assert.equal(actual.code, expected.code);
};

describe('when a WPay is made at module scope without its secrets (a build)', () => {
  it('is made, and so are its handlers, without throwing', () => {
    const wpay = new WPay(atBuildTime);
    wpay.checkoutHandler({
      body: z.object({ sku: z.string() }),
      resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '1.00', currency: 'USD' }),
      publicUrl: 'https://shop.example',
      successUrl: '/thanks',
      cancelUrl: '/cart',
    });
    wpay.webhookHandler({});
    wpay.statusHandler({});
    assert.deepEqual(JSON.parse(JSON.stringify(wpay)), {});
  });

  it('throws the eager WPayConfigError, same message, at first use', async () => {
    const wpay = new WPay(atBuildTime);
    const expected = eagerError(atBuildTime);
    sameAs(await rejection(wpay.payments.retrieve({ trxNo: 'TRX1' })), expected);
    sameAs(await rejection(wpay.warmUp()), expected);
    sameAs(await rejection(wpay.webhooks.verify('{}', {})), expected);
    sameAs(await rejection(wpay.statusHandler()(new Request('https://shop.example/s'))), expected);
    const hook = wpay.webhookHandler();
    sameAs(
      await rejection(hook(new Request('https://shop.example/h', { method: 'POST' }))),
      expected,
    );
    assert.throws(() => wpay.baseUrl, WPayConfigError);
    assert.throws(
      () => wpay.validate(),
      (error) => {
        sameAs(error as WPayConfigError, expected);
        return true;
      },
    );
  });

  it('names only the credential that is absent', async () => {
    const options = {
      ...atBuildTime,
      apiKey: 'key',
      apiSecret: 'secret',
      environment: 'sandbox' as const,
    };
    const error = await rejection(new WPay(options).payments.retrieve({ trxNo: 'TRX1' }));
    assert.equal(error.field, 'signKey');
  });

  it('still refuses at once a value that is present but invalid', () => {
    assert.throws(() => new WPay({ ...atBuildTime, timeoutMs: -1 }), WPayConfigError);
    assert.throws(
      () => new WPay({ apiKey: '', apiSecret: 's', signKey: 'k', environment: 'sandbox' }),
      (error) => error instanceof WPayConfigError && error.field === 'apiKey',
    );
    assert.throws(
      () => new WPay({ ...atBuildTime, baseUrl: 'not a url' }),
      (error) => error instanceof WPayConfigError && error.field === 'baseUrl',
    );
  });
});

describe('when every credential is present', () => {
  it('validates at once and validate() passes', () => {
    const wpay = new WPay({ apiKey: 'k', apiSecret: 's', signKey: 'x', environment: 'sandbox' });
    wpay.validate();
    assert.equal(wpay.baseUrl.startsWith('https://'), true);
  });
});
