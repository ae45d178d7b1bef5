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

function fakeWPay(payments: PaymentLike[], { down = false, serverPageCap = Infinity } = {}) {
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
      async list({ pageNum, pageSize: asked }) {
        calls.list++;
        // Like WPay (and the sandbox, at 100): the server may cap the size, and says so.
        const pageSize = Math.min(asked, serverPageCap);
        const records = payments.slice((pageNum - 1) * pageSize, pageNum * pageSize);
        return { records, total: payments.length, pageSize, pageNo: pageNum };
      },
    },
  };
  return { client, calls };
}

const get = (query: string, init: RequestInit = {}) => new Request(`${BASE}${query}`, init);
const handler = (payments: PaymentLike[], options: StatusHandlerOptions = {}) =>
  createStatusHandler(fakeWPay(payments).client, options);

describe('when asked by trxNo alone', () => {
  it('answers the outcome only, not cached: trxNos are sequential, so neighbours are guessable', async () => {
    const res = await handler([payment(1)])(get('?trxNo=TRX1'));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await res.json(), { status: 'PAID', outcome: 'succeeded', final: true });
  });

  it('answers 404 for an unknown payment', async () => {
    const res = await handler([payment(1)])(get('?trxNo=TRX404'));
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, 'payment_not_found');
  });

  it('answers 502 when WPay is unreachable, without naming the cause', async () => {
    const res = await createStatusHandler(fakeWPay([], { down: true }).client)(get('?trxNo=TRX1'));
    assert.equal(res.status, 502);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.doesNotMatch(await res.text(), /detail|notSent|WPayNetworkError/);
  });
});

describe('when the caller proves the pair (trxNo and mchOrderNo, both on the return URL)', () => {
  it('answers the order details with the confirmed status', async () => {
    const res = await handler([payment(1)])(get('?trxNo=TRX1&mchOrderNo=order_1'));
    assert.equal(res.status, 200);
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

  it('answers 404 when the mchOrderNo does not belong to the trxNo', async () => {
    const res = await handler([payment(1), payment(2)])(get('?trxNo=TRX1&mchOrderNo=order_2'));
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error.code, 'payment_not_found');
  });

  it('costs one WPay call and never asks findTrxNo or scans', async () => {
    const { client, calls } = fakeWPay([payment(1)]);
    let asked = 0;
    const status = createStatusHandler(client, {
      findTrxNo: async () => {
        asked++;
        return 'TRX1';
      },
    });
    await status(get('?trxNo=TRX1&mchOrderNo=order_1'));
    assert.deepEqual(calls, { retrieve: 1, list: 0 });
    assert.equal(asked, 0);
  });

  it('omits the fields WPay left out instead of answering null', async () => {
    const bare: PaymentLike = { trxNo: 'TRX1', mchOrderNo: 'order_1', status: 'PAYING' };
    const res = await handler([bare])(get('?trxNo=TRX1&mchOrderNo=order_1'));
    assert.deepEqual(await res.json(), {
      trxNo: 'TRX1',
      mchOrderNo: 'order_1',
      status: 'PAYING',
      outcome: 'processing',
      final: false,
    });
  });

  it('drops an amount or currency of an unexpected type rather than passing it on', async () => {
    const odd = { ...payment(1), amount: { value: 1 }, currency: 840 } as unknown as PaymentLike;
    const body = await (await handler([odd])(get('?trxNo=TRX1&mchOrderNo=order_1'))).json();
    assert.equal('amount' in body, false);
    assert.equal('currency' in body, false);
  });
});

describe('when asked by mchOrderNo alone', () => {
  it("uses the merchant's findTrxNo and answers the outcome only", async () => {
    const { client, calls } = fakeWPay([payment(1), payment(2)]);
    const status = createStatusHandler(client, {
      findTrxNo: async (no) => no.replace('order_', 'TRX'),
    });
    const res = await status(get('?mchOrderNo=order_2'));
    assert.deepEqual(await res.json(), { status: 'PAID', outcome: 'succeeded', final: true });
    assert.deepEqual(calls, { retrieve: 1, list: 0 });
  });

  it('costs no WPay call for an unknown mchOrderNo when findTrxNo is given (never scans)', async () => {
    const { client, calls } = fakeWPay([payment(1)]);
    const status = createStatusHandler(client, { findTrxNo: async () => undefined });
    const res = await status(get('?mchOrderNo=order_unknown'));
    assert.equal(res.status, 404);
    assert.deepEqual(calls, { retrieve: 0, list: 0 });
  });

  it('answers 404 when findTrxNo names a payment of another order', async () => {
    const { client } = fakeWPay([payment(1), payment(2)]);
    const status = createStatusHandler(client, { findTrxNo: async () => 'TRX1' });
    assert.equal((await status(get('?mchOrderNo=order_2'))).status, 404);
  });

  it('falls back to scanning the payment list, page by page', async () => {
    const payments = Array.from({ length: 7 }, (_, i) => payment(i + 1));
    const { client, calls } = fakeWPay(payments);
    const status = createStatusHandler(client, { scan: { pageSize: 3 } });
    const res = await status(get('?mchOrderNo=order_7'));
    assert.deepEqual(await res.json(), { status: 'PAID', outcome: 'succeeded', final: true });
    assert.equal(calls.list, 3);
  });

  it('finds an order on page 2 when WPay caps the page size below the one asked for', async () => {
    const payments = Array.from({ length: 15 }, (_, i) => payment(i + 1));
    const { client, calls } = fakeWPay(payments, { serverPageCap: 10 });
    const status = createStatusHandler(client, { scan: { pageSize: 50 } });
    const res = await status(get('?mchOrderNo=order_13'));
    assert.equal(res.status, 200);
    assert.equal(calls.list, 2);
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

  it('answers 500 without details when findTrxNo throws', async () => {
    const status = createStatusHandler(fakeWPay([]).client, {
      findTrxNo: async () => {
        throw new Error('db password=hunter2 refused');
      },
    });
    const res = await status(get('?mchOrderNo=order_1'));
    assert.equal(res.status, 500);
    assert.doesNotMatch(await res.text(), /hunter2|password/);
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

  it('answers 400 to a repeated identifier (which one would it mean?)', async () => {
    const res = await handler([payment(1)])(get('?trxNo=TRX1&trxNo=TRX2&mchOrderNo=order_1'));
    assert.equal(res.status, 400);
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
