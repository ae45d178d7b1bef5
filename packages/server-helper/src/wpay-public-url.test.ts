import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod';
import { WPayConfigError } from './errors.js';
import { CREDENTIALS, type FakeWPay, noSleep, ok, startFakeWPay } from './test/fake-wpay.js';
import { WPay } from './wpay.js';

const SHOP = 'https://shop.example';
const body = z.object({ sku: z.string() });
const handlerOptions = {
  body,
  resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '1.00', currency: 'USD' }),
  successUrl: '/thanks',
  cancelUrl: '/cart',
};

let fake: FakeWPay;
before(async () => {
  fake = await startFakeWPay();
});
after(() => fake.close());

describe('when new WPay is given publicUrl', () => {
  it('is the default publicUrl of its checkout handlers', async () => {
    const sent: unknown[] = [];
    fake.routes.set('/checkout/w-payment/hpp', (request) => {
      sent.push(request.json);
      return ok({
        trxNo: 'TRX1',
        mchOrderNo: 'order_1',
        status: 1,
        amount: 1,
        redirectUrl: `${fake.url}/hpp/1`,
      });
    });
    const wpay = new WPay({ ...CREDENTIALS, baseUrl: fake.url, sleep: noSleep, publicUrl: SHOP });
    const checkout = wpay.checkoutHandler(handlerOptions);
    const res = await checkout(
      new Request('http://internal:3000/api/checkout', {
        method: 'POST',
        headers: { origin: SHOP, 'content-type': 'application/json' },
        body: '{"sku":"tee"}',
      }),
    );
    assert.equal(res.status, 200);
    assert.equal(
      (sent[0] as { successUrl: string }).successUrl,
      `${SHOP}/thanks?mchOrderNo=order_1`,
    );
  });

  it('is overridden by the handler’s own publicUrl', () => {
    const wpay = new WPay({ ...CREDENTIALS, baseUrl: fake.url, publicUrl: SHOP });
    assert.throws(
      () => wpay.checkoutHandler({ ...handlerOptions, publicUrl: 'ftp://x' }),
      (error) => error instanceof WPayConfigError && error.field === 'publicUrl',
    );
  });

  it('is ignored by the status and webhook handlers', async () => {
    const wpay = new WPay({ ...CREDENTIALS, baseUrl: fake.url, publicUrl: SHOP });
    const status = wpay.statusHandler();
    const webhook = wpay.webhookHandler();
    assert.equal((await status(new Request(`${SHOP}/s`))).status, 400);
    assert.equal((await webhook(new Request(`${SHOP}/w`))).status, 405);
  });

  it('refuses a publicUrl that is not an http(s) URL', () => {
    for (const publicUrl of ['shop.example', 'javascript:alert(1)', 'https://shop.example/?a=1']) {
      assert.throws(
        () => new WPay({ ...CREDENTIALS, baseUrl: fake.url, publicUrl }),
        (error) => error instanceof WPayConfigError && error.field === 'publicUrl',
        publicUrl,
      );
    }
  });
});

describe('when neither new WPay nor the handler has publicUrl', () => {
  it('throws at wpay.checkoutHandler naming publicUrl', () => {
    const wpay = new WPay({ ...CREDENTIALS, baseUrl: fake.url });
    assert.throws(
      () =>
        wpay.checkoutHandler({
          ...handlerOptions,
          successUrl: `${SHOP}/t`,
          cancelUrl: `${SHOP}/c`,
        }),
      (error) => error instanceof WPayConfigError && error.field === 'publicUrl',
    );
  });
});
