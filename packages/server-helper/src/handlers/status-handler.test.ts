import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WPayApiError, WPayNetworkError } from '../errors.js';
import type { PaymentLike, PaymentsClient } from './handler-client.js';
import { paymentOutcome } from './payment-outcome.js';
import { createStatusHandler, type StatusHandlerOptions } from './status-handler.js';

const BASE = 'https://shop.example/api/wpay/status';

function payment(n: number, status = 'PAID'): PaymentLike {
  return { trxNo: `TRX${n}`, mchOrderNo: `order_${n}`, status, amount: '19.99', currency: 'USD' };
}

function fakeWPay(payments: PaymentLike[], { down = false } = {}) {
  const calls = { retrieve: 0, list: 0 };
  const client: PaymentsClient = {
    payments: {
      async retrieve({ trxNo }) {
        calls.retrieve++;
        if (down) throw new WPayNetworkError({ path: '/detail', notSent: true });
        const found = payments.find((p) => p.trxNo === trxNo);
        if (!found) {
          throw new WPayApiError({
            retcode: '404',
            retmsg: `unknown ${trxNo}`,
            httpStatus: 404,
            path: '/detail',
          });
        }
        return found;
      },
      async list({ pageNum, pageSize }) {
        calls.list++;
        const records = payments.slice((pageNum - 1) * pageSize, pageNum * pageSize);
        return { records, total: payments.length };
      },
    },
  };
  return { client, calls };
}

const get = (query: string, init: RequestInit = {}) => new Request(`${BASE}${query}`, init);
const handler = (payments: PaymentLike[], options: StatusHandlerOptions = {}) =>
  createStatusHandler(fakeWPay(payments).client, options);

describe('when asked by trxNo', () => {
  it('answers the confirmed status with outcome and final, not cached', async () => {
    const res = await handler([payment(1)])(get('?trxNo=TRX1'));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), {
      trxNo: 'TRX1',
      mchOrderNo: 'order_1',
      status: 'PAID',
      outcome: 'succeeded',
      final: true,
      amount: '19.99',
      currency: 'USD',
    });
  });

  it('answers 404 for an unknown payment', async () => {
    const res = await handler([payment(1)])(get('?trxNo=TRX404'));
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, 'payment_not_found');
  });

  it('answers 404 when the given mchOrderNo does not belong to the trxNo', async () => {
    const res = await handler([payment(1)])(get('?trxNo=TRX1&mchOrderNo=order_2'));
    assert.equal(res.status, 404);
  });

  it('answers 502 when WPay is unreachable', async () => {
    const res = await createStatusHandler(fakeWPay([], { down: true }).client)(get('?trxNo=TRX1'));
    assert.equal(res.status, 502);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });
});

describe('when asked by mchOrderNo', () => {
  it("uses the merchant's findTrxNo", async () => {
    const { client, calls } = fakeWPay([payment(1), payment(2)]);
    const status = createStatusHandler(client, {
      findTrxNo: async (no) => no.replace('order_', 'TRX'),
    });
    const res = await status(get('?mchOrderNo=order_2'));
    assert.equal((await res.json()).trxNo, 'TRX2');
    assert.equal(calls.list, 0);
  });

  it('falls back to scanning the payment list, page by page', async () => {
    const payments = Array.from({ length: 7 }, (_, i) => payment(i + 1));
    const { client, calls } = fakeWPay(payments);
    const status = createStatusHandler(client, { scan: { pageSize: 3 } });
    const res = await status(get('?mchOrderNo=order_7'));
    assert.equal((await res.json()).trxNo, 'TRX7');
    assert.equal(calls.list, 3);
  });

  it('stops after maxPages and answers 404', async () => {
    const payments = Array.from({ length: 10 }, (_, i) => payment(i + 1));
    const { client, calls } = fakeWPay(payments);
    const res = await createStatusHandler(client, { scan: { pageSize: 2, maxPages: 2 } })(
      get('?mchOrderNo=order_9'),
    );
    assert.equal(res.status, 404);
    assert.equal(calls.list, 2);
  });

  it('answers 404 without scanning when scan is false', async () => {
    const res = await handler([payment(1)], { scan: false })(get('?mchOrderNo=order_1'));
    assert.equal(res.status, 404);
  });
});

describe('when the request is malformed', () => {
  it('answers 400 without an identifier', async () => {
    const res = await handler([])(get(''));
    assert.equal(res.status, 400);
    assert.equal((await res.json()).error.code, 'missing_identifier');
  });

  it('answers 400 to a malformed identifier', async () => {
    assert.equal((await handler([])(get('?trxNo=%3Cscript%3E'))).status, 400);
  });

  it('answers 405 to a POST', async () => {
    const res = await handler([])(get('?trxNo=TRX1', { method: 'POST' }));
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });
});

describe('paymentOutcome', () => {
  it('maps every documented status as docs/architecture.md says', () => {
    const table: Array<[string, string, boolean]> = [
      ['PAID', 'succeeded', true],
      ['REFUNDING', 'succeeded', true],
      ['PARTIAL_REFUNDED', 'succeeded', true],
      ['REFUNDED', 'succeeded', true],
      ['PAYING', 'processing', false],
      ['SOMETHING_NEW', 'processing', false],
      ['CANCELLED', 'cancelled', true],
      ['EXPIRED', 'cancelled', true],
      ['FAILED', 'failed', true],
      ['constructor', 'processing', false],
    ];
    for (const [status, outcome, final] of table) {
      assert.deepEqual(paymentOutcome(status), { outcome, final }, status);
    }
  });
});
