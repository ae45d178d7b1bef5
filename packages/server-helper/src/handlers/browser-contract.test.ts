// The browser contract, checked across packages: every answer statusHandler and checkoutHandler
// can give is fed to the parsers <wpay-return> and <wpay-button> run on it (the widget's
// response-guards.ts is plain TypeScript), and must be accepted as sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod';
import {
  parseCheckoutResponse,
  parseServerError,
  parseStatusResponse,
} from '../../../widget/src/response-guards.js';
import { WPayApiError, WPayNetworkError } from '../errors.js';
import { createCheckoutHandler } from './checkout-handler.js';
import type { CheckoutClient, PaymentLike, PaymentsClient } from './handler-client.js';
import { createStatusHandler } from './status-handler.js';

const SHOP = 'https://shop.example';
const STATUSES = ['PAYING', 'PAID', 'FAILED', 'CANCELLED', 'EXPIRED', 'REFUNDED', 'NEW_ONE'];

/** Payments as WPay may describe them: every optional field present, absent, null or odd. */
function shapesOf(status: string): PaymentLike[] {
  const base = { trxNo: 'TRX1', mchOrderNo: 'order_1', status };
  return [
    { ...base, amount: 19.99, currency: 'USD' },
    { ...base, amount: '19.99', currency: 'USD' },
    base,
    { ...base, amount: null, currency: null },
    { ...base, amount: 0, currency: 'JPY' },
  ];
}

function clientOf(payment: PaymentLike, { down = false } = {}): PaymentsClient {
  return {
    payments: {
      async retrieve({ trxNo }) {
        if (down) throw new WPayNetworkError({ path: '/detail', notSent: true });
        if (trxNo !== payment.trxNo) {
          throw new WPayApiError({ retcode: '404', retmsg: 'no', httpStatus: 404, path: '/d' });
        }
        return payment;
      },
      async list() {
        return { records: [payment], total: 1, pageSize: 50 };
      },
    },
  };
}

const QUERIES = ['?trxNo=TRX1&mchOrderNo=order_1', '?trxNo=TRX1', '?mchOrderNo=order_1'];

describe('every 200 of statusHandler', () => {
  it('is accepted by <wpay-return> as sent, with or without the optional fields', async () => {
    let checked = 0;
    for (const status of STATUSES) {
      for (const payment of shapesOf(status)) {
        for (const findTrxNo of [undefined, async () => 'TRX1']) {
          const handler = createStatusHandler(clientOf(payment), findTrxNo ? { findTrxNo } : {});
          for (const query of QUERIES) {
            const res = await handler(new Request(`${SHOP}/status${query}`));
            assert.equal(res.status, 200, query);
            const body: unknown = await res.json();
            assert.deepEqual(parseStatusResponse(body), body, `${query} ${JSON.stringify(body)}`);
            checked++;
          }
        }
      }
    }
    assert.equal(checked, STATUSES.length * 5 * 2 * QUERIES.length);
  });

  it('includes the outcome-only answer to one identifier', async () => {
    const handler = createStatusHandler(clientOf(shapesOf('PAID')[0] as PaymentLike));
    const body: unknown = await (await handler(new Request(`${SHOP}/status?trxNo=TRX1`))).json();
    assert.deepEqual(body, { status: 'PAID', outcome: 'succeeded', final: true });
    assert.deepEqual(parseStatusResponse(body), body);
  });
});

describe('every error of statusHandler', () => {
  it('is read by the widget as the JSON error shape', async () => {
    const payment = shapesOf('PAID')[0] as PaymentLike;
    const failing = createStatusHandler(clientOf(payment), {
      findTrxNo: async () => {
        throw new Error('db down');
      },
    });
    const answers = [
      await createStatusHandler(clientOf(payment))(new Request(`${SHOP}/status`)),
      await createStatusHandler(clientOf(payment))(new Request(`${SHOP}/status?trxNo=%3C`)),
      await createStatusHandler(clientOf(payment))(new Request(`${SHOP}/status?trxNo=TRX2`)),
      await createStatusHandler(clientOf(payment))(
        new Request(`${SHOP}/status?trxNo=TRX1`, { method: 'POST' }),
      ),
      await createStatusHandler(clientOf(payment, { down: true }))(
        new Request(`${SHOP}/status?trxNo=TRX1`),
      ),
      await failing(new Request(`${SHOP}/status?mchOrderNo=order_1`)),
    ];
    assert.deepEqual(
      answers.map((res) => res.status),
      [400, 400, 404, 405, 502, 500],
    );
    for (const res of answers) {
      const body: unknown = await res.json();
      assert.ok(parseServerError(body), JSON.stringify(body));
    }
  });
});

describe('every JSON answer of checkoutHandler', () => {
  const client: CheckoutClient = {
    checkout: {
      async create() {
        return { trxNo: 'TRX1', redirectUrl: 'https://pay.example/hpp/1' };
      },
    },
  };
  const failing: CheckoutClient = {
    checkout: {
      async create() {
        throw new WPayNetworkError({ path: '/hpp', notSent: true });
      },
    },
  };
  const options = {
    body: z.object({ sku: z.string() }),
    resolveOrder: () => ({ mchOrderNo: 'order_1', amount: '19.99', currency: 'USD' }),
    successUrl: `${SHOP}/thanks`,
    cancelUrl: `${SHOP}/cart`,
    allowedOrigins: [SHOP],
  };
  const post = (body: string, headers: Record<string, string> = {}) =>
    new Request(`${SHOP}/api/checkout`, {
      method: 'POST',
      headers: { origin: SHOP, 'content-type': 'application/json', ...headers },
      body,
    });

  it('is accepted by <wpay-button> as sent', async () => {
    const res = await createCheckoutHandler(client, options)(post('{"sku":"tee"}'));
    assert.equal(res.status, 200);
    const body: unknown = await res.json();
    assert.deepEqual(parseCheckoutResponse(body), body);
  });

  it('reads as the JSON error shape when it is an error', async () => {
    const handler = createCheckoutHandler(client, options);
    const answers = [
      await handler(new Request(`${SHOP}/api/checkout`)),
      await handler(post('{"sku":"tee"}', { origin: 'https://evil.example' })),
      await handler(post('{"sku":"tee"}', { 'content-type': 'text/plain' })),
      await handler(post('{"sku":')),
      await handler(post('{"sku":1}')),
      await createCheckoutHandler(failing, options)(post('{"sku":"tee"}')),
    ];
    assert.deepEqual(
      answers.map((res) => res.status),
      [405, 403, 415, 400, 422, 502],
    );
    for (const res of answers) {
      const body: unknown = await res.json();
      assert.ok(parseServerError(body), JSON.stringify(body));
    }
  });
});
