import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { WPayValidationError } from './errors.js';
import { MemoryTokenStore } from './stores/token-store.js';
import { CREDENTIALS, type FakeWPay, noSleep, ok, startFakeWPay } from './test/fake-wpay.js';
import { WPay } from './wpay.js';

// One store for every client of this file: they share one token, as WPay requires.
const tokenStore = new MemoryTokenStore();

const PATHS = {
  hpp: '/checkout/w-payment/hpp',
  list: '/checkout/w-payment/payments/list',
  detail: '/checkout/w-payment/payments/detail',
  refund: '/checkout/w-payment/refund',
  subList: '/checkout/w-payment/subscriptions/list',
  subDetail: '/checkout/w-payment/subscriptions/detail',
  subCancel: '/checkout/w-payment/subscriptions/cancel',
  subBills: '/checkout/w-payment/subscriptions/bills',
};
const ORDER = {
  mchOrderNo: 'order_42',
  amount: '19.99',
  currency: 'USD',
  payMode: 'ONETIME',
  successUrl: 'https://shop.example/ok?x=1',
  cancelUrl: 'https://shop.example/cancel',
} as const;
const PAYMENT = {
  id: 7,
  trxNo: 'TRX100',
  gatewayOrderNo: 'pi_1',
  channelId: 'STRIPE',
  status: 'PAID',
  payMode: 'ONETIME',
  mchOrderNo: 'order_42',
  mchSubscriptionNo: null,
  amount: 19.99,
  currency: 'USD',
  description: null,
  customerEmail: null,
  createTime: '2026-04-23T10:00:00',
  payTime: '2026-04-23T10:01:00',
  processingFee: 0.88,
  netAmount: 19.11,
  gatewayAvailableOn: '2026-04-25T10:01:00',
  cardLast4: '4242',
};
const SUBSCRIPTION = {
  id: 3,
  mchSubscriptionNo: 'sub_1',
  status: 'ACTIVE',
  amount: 9.99,
  currency: 'EUR',
  intervalUnit: 'month',
  intervalCount: 1,
  createdTime: '2025-12-12 00:43:11',
};
const BILL = {
  id: 11,
  subscriptionId: 3,
  amount: 9.99,
  currency: 'EUR',
  status: 'PAID',
  createdTime: '2025-12-12 00:43:11',
};
const page = <T>(records: T[], pageNo = 1, pageSize = 20, total = records.length) => ({
  records,
  total,
  pageSize,
  pageNo,
});

describe('WPay resources', () => {
  let fake: FakeWPay;
  let wpay: WPay;
  const sent = (path: string) => fake.apiRequests.filter((request) => request.path === path);
  const lastBody = (path: string) => sent(path).at(-1)?.json;

  before(async () => {
    fake = await startFakeWPay();
    wpay = new WPay({ ...CREDENTIALS, baseUrl: fake.url, sleep: noSleep, tokenStore });
  });
  after(() => fake.close());
  beforeEach(() => {
    fake.apiRequests.length = 0;
    fake.routes.clear();
  });

  describe('checkout.create', () => {
    beforeEach(() => {
      fake.routes.set(PATHS.hpp, (request) => {
        const body = request.json as { mchOrderNo: string; amount: number };
        return ok({
          trxNo: 'TRX100',
          mchOrderNo: body.mchOrderNo,
          status: 1,
          amount: body.amount,
          redirectUrl: `${fake.url}/hpp/s1`,
          expiresAt: 'later',
        });
      });
    });

    it('posts the order as compact JSON and returns the session', async () => {
      const session = await wpay.checkout.create(ORDER);
      assert.equal(
        sent(PATHS.hpp)[0]?.raw,
        '{"mchOrderNo":"order_42","amount":19.99,"currency":"USD","payMode":"ONETIME","successUrl":"https://shop.example/ok?x=1","cancelUrl":"https://shop.example/cancel"}',
      );
      assert.deepEqual(session, {
        trxNo: 'TRX100',
        mchOrderNo: 'order_42',
        status: 1,
        amount: 19.99,
        redirectUrl: `${fake.url}/hpp/s1`,
        expiresAt: 'later',
      });
    });

    it('sends 0.1 + 0.2 as 0.3', async () => {
      await wpay.checkout.create({ ...ORDER, amount: 0.1 + 0.2 });
      assert.match(sent(PATHS.hpp)[0]?.raw ?? '', /"amount":0\.3,/);
    });

    it('sends a subscription checkout with its interval', async () => {
      await wpay.checkout.create({
        ...ORDER,
        payMode: 'SUBSCRIPTION',
        mchSubscriptionNo: 'sub_1',
        intervalUnit: 'month',
        intervalCount: 1,
        customerEmail: 'buyer@example.com',
      });
      assert.deepEqual(lastBody(PATHS.hpp), {
        mchOrderNo: 'order_42',
        amount: 19.99,
        currency: 'USD',
        payMode: 'SUBSCRIPTION',
        successUrl: 'https://shop.example/ok?x=1',
        cancelUrl: 'https://shop.example/cancel',
        customerEmail: 'buyer@example.com',
        mchSubscriptionNo: 'sub_1',
        intervalUnit: 'month',
        intervalCount: 1,
      });
    });

    describe('when the order is invalid', () => {
      const refusal = async (order: unknown) => {
        let caught: unknown;
        await wpay.checkout.create(order as typeof ORDER).catch((error: unknown) => {
          caught = error;
        });
        assert.ok(caught instanceof WPayValidationError, 'a WPayValidationError');
        assert.equal(fake.apiRequests.length, 0, 'nothing was sent');
        return caught;
      };

      it('lists every bad field at once', async () => {
        const error = await refusal({
          ...ORDER,
          mchOrderNo: 'has space',
          amount: '1.999',
          successUrl: 'javascript:alert(1)',
        });
        assert.deepEqual(error.issues.map((issue) => issue.path).sort(), [
          'amount',
          'mchOrderNo',
          'successUrl',
        ]);
        assert.match(error.message, /mchOrderNo: .*; .*amount: 1\.999 has 3 decimals/);
      });

      it('refuses an unknown currency', async () => {
        const error = await refusal({ ...ORDER, currency: 'XYZ' });
        assert.match(error.message, /currency: unknown currency XYZ/);
      });

      it('accepts an unknown currency given in extraCurrencies', async () => {
        fake.routes.set(PATHS.hpp, () =>
          ok({ trxNo: 'T', mchOrderNo: 'order_42', status: 1, amount: 1.5, redirectUrl: 'x' }),
        );
        const custom = new WPay({
          ...CREDENTIALS,
          baseUrl: fake.url,
          tokenStore,
          extraCurrencies: { XTS: 1 },
        });
        await custom.checkout.create({ ...ORDER, currency: 'XTS', amount: '1.5' });
        assert.equal((lastBody(PATHS.hpp) as { amount: number }).amount, 1.5);
      });

      it('refuses zero, negative and exponent amounts', async () => {
        for (const amount of ['0', -1, '1e2', Number.NaN]) {
          const error = await refusal({ ...ORDER, amount });
          assert.deepEqual(
            error.issues.map((issue) => issue.path),
            ['amount'],
          );
        }
      });

      it('refuses a missing payMode', async () => {
        const { payMode: _payMode, ...order } = ORDER;
        await refusal(order);
      });

      it('refuses a subscription without its interval', async () => {
        const error = await refusal({ ...ORDER, payMode: 'SUBSCRIPTION', mchSubscriptionNo: 's' });
        assert.ok(error.issues.some((issue) => issue.path === 'intervalUnit'));
      });

      it('refuses unknown keys (usually typos)', async () => {
        const error = await refusal({ ...ORDER, sucessUrl: 'https://x' });
        assert.match(error.message, /sucessUrl/);
      });
    });
  });

  describe('payments', () => {
    it('retrieves a payment by trxNo, keeping unknown fields', async () => {
      fake.routes.set(PATHS.detail, () => ok(PAYMENT));
      const payment = await wpay.payments.retrieve({ trxNo: 'TRX100' });
      assert.deepEqual(lastBody(PATHS.detail), { trxNo: 'TRX100' });
      assert.deepEqual(payment, PAYMENT);
      assert.equal(payment.cardLast4, '4242');
    });

    it('accepts a status WPay adds later', async () => {
      fake.routes.set(PATHS.detail, () => ok({ ...PAYMENT, status: 'DISPUTED' }));
      assert.equal((await wpay.payments.retrieve({ trxNo: 'TRX100' })).status, 'DISPUTED');
    });

    it('refuses an empty trxNo before sending', async () => {
      await assert.rejects(wpay.payments.retrieve({ trxNo: '' }), WPayValidationError);
      assert.equal(fake.apiRequests.length, 0);
    });

    it('lists a page with its filters (status names become numbers)', async () => {
      fake.routes.set(PATHS.list, () => ok(page([PAYMENT], 2, 10, 11)));
      const result = await wpay.payments.list({
        pageNum: 2,
        pageSize: 10,
        status: 'PAID',
        channelId: 'STRIPE',
        startTime: '2026-04-01 00:00:00',
        endTime: '2026-04-30 23:59:59',
        currency: 'USD',
        amountMin: '1.00',
        amountMax: 0.1 + 0.2,
        paymentMethod: 'VISA',
      });
      assert.deepEqual(lastBody(PATHS.list), {
        pageNum: 2,
        pageSize: 10,
        status: 2,
        channelId: 'STRIPE',
        startTime: '2026-04-01 00:00:00',
        endTime: '2026-04-30 23:59:59',
        currency: 'USD',
        amountMin: 1,
        amountMax: 0.3,
        paymentMethod: 'VISA',
      });
      assert.deepEqual(result, page([PAYMENT], 2, 10, 11));
    });

    it('defaults to the first page of 20', async () => {
      fake.routes.set(PATHS.list, () => ok(page([])));
      await wpay.payments.list();
      assert.deepEqual(lastBody(PATHS.list), { pageNum: 1, pageSize: 20 });
    });

    it('refuses a badly formatted time filter', async () => {
      await assert.rejects(
        wpay.payments.list({ startTime: '2026-04-01T00:00:00Z' }),
        /startTime: must look like/,
      );
    });

    it('reads pages whose keys are renamed by the pageKeys setting', async () => {
      fake.routes.set(PATHS.list, () => ok({ list: [PAYMENT], count: 1, size: 20, current: 1 }));
      const renamed = new WPay({
        ...CREDENTIALS,
        baseUrl: fake.url,
        tokenStore,
        protocol: {
          pageKeys: { records: 'list', total: 'count', pageSize: 'size', pageNo: 'current' },
        },
      });
      const result = await renamed.payments.list();
      assert.equal(result.records[0]?.trxNo, 'TRX100');
      assert.equal(result.total, 1);
    });

    it('iterates every page until total is reached', async () => {
      const all = Array.from({ length: 5 }, (_, i) => ({ ...PAYMENT, id: i, trxNo: `TRX${i}` }));
      fake.routes.set(PATHS.list, (request) => {
        const { pageNum, pageSize } = request.json as { pageNum: number; pageSize: number };
        const records = all.slice((pageNum - 1) * pageSize, pageNum * pageSize);
        return ok(page(records, pageNum, pageSize, all.length));
      });
      const seen: string[] = [];
      for await (const payment of wpay.payments.iterate({ status: 2 }, { pageSize: 2 })) {
        seen.push(payment.trxNo);
      }
      assert.deepEqual(seen, ['TRX0', 'TRX1', 'TRX2', 'TRX3', 'TRX4']);
      assert.equal(sent(PATHS.list).length, 3);
      assert.ok(
        sent(PATHS.list).every((request) => (request.json as { status: number }).status === 2),
      );
    });

    it('stops iterating at an empty page even if total says more', async () => {
      fake.routes.set(PATHS.list, () => ok(page([], 1, 2, 99)));
      const seen = [];
      for await (const payment of wpay.payments.iterate({}, { pageSize: 2 })) seen.push(payment);
      assert.equal(seen.length, 0);
      assert.equal(sent(PATHS.list).length, 1);
    });
  });

  describe('refunds.create', () => {
    it('posts trxNo, amount and reason and returns the refund', async () => {
      fake.routes.set(PATHS.refund, () =>
        ok({ refundNo: 'RF1', trxNo: 'TRX100', amount: 5, status: 'REFUNDED' }),
      );
      const refund = await wpay.refunds.create({
        trxNo: 'TRX100',
        amount: '5.00',
        currency: 'USD',
        reason: 'damaged',
      });
      assert.equal(sent(PATHS.refund)[0]?.raw, '{"trxNo":"TRX100","amount":5,"reason":"damaged"}');
      assert.deepEqual(refund, { refundNo: 'RF1', trxNo: 'TRX100', amount: 5, status: 'REFUNDED' });
    });

    it('checks the amount against the currency given (never sent)', async () => {
      await assert.rejects(
        wpay.refunds.create({ trxNo: 'TRX100', amount: '5.5', currency: 'JPY' }),
        /amount: 5\.5 has 1 decimals; this currency allows 0/,
      );
    });

    it('allows up to 3 decimals without a currency', async () => {
      fake.routes.set(PATHS.refund, () => ok({ refundNo: 'RF2' }));
      await wpay.refunds.create({ trxNo: 'TRX100', amount: '1.125' });
      await assert.rejects(wpay.refunds.create({ trxNo: 'TRX100', amount: '1.1255' }), /decimals/);
    });
  });

  describe('subscriptions', () => {
    it('lists with page, size and status', async () => {
      fake.routes.set(PATHS.subList, () => ok(page([SUBSCRIPTION], 1, 10)));
      const result = await wpay.subscriptions.list({ page: 1, size: 10, status: 'ACTIVE' });
      assert.deepEqual(lastBody(PATHS.subList), { page: 1, size: 10, status: 'ACTIVE' });
      assert.deepEqual(result.records, [SUBSCRIPTION]);
    });

    it('retrieves by id', async () => {
      fake.routes.set(PATHS.subDetail, () => ok(SUBSCRIPTION));
      assert.deepEqual(await wpay.subscriptions.retrieve({ id: 3 }), SUBSCRIPTION);
      assert.deepEqual(lastBody(PATHS.subDetail), { id: 3 });
    });

    it('cancels with an optional reason and returns the subscription', async () => {
      fake.routes.set(PATHS.subCancel, () => ok({ ...SUBSCRIPTION, status: 'CANCELLED' }));
      const cancelled = await wpay.subscriptions.cancel({ id: 3, reason: 'customer asked' });
      assert.deepEqual(lastBody(PATHS.subCancel), { id: 3, reason: 'customer asked' });
      assert.equal(cancelled.status, 'CANCELLED');
    });

    it('lists bills of a subscription', async () => {
      fake.routes.set(PATHS.subBills, () => ok(page([BILL])));
      const bills = await wpay.subscriptions.bills({ subscriptionId: 3 });
      assert.deepEqual(lastBody(PATHS.subBills), { subscriptionId: 3, page: 1, size: 20 });
      assert.deepEqual(bills.records, [BILL]);
    });

    it('iterates every page', async () => {
      const all = Array.from({ length: 3 }, (_, i) => ({ ...SUBSCRIPTION, id: i + 1 }));
      fake.routes.set(PATHS.subList, (request) => {
        const { page: p, size } = request.json as { page: number; size: number };
        return ok(page(all.slice((p - 1) * size, p * size), p, size, all.length));
      });
      const ids: number[] = [];
      for await (const s of wpay.subscriptions.iterate({ status: 'ACTIVE' }, { pageSize: 2 })) {
        ids.push(s.id);
      }
      assert.deepEqual(ids, [1, 2, 3]);
    });

    it('iterates every bill of a subscription, page after page', async () => {
      const all = Array.from({ length: 5 }, (_, i) => ({ ...BILL, id: i + 1 }));
      fake.routes.set(PATHS.subBills, (request) => {
        const { page: p, size } = request.json as { page: number; size: number };
        return ok(page(all.slice((p - 1) * size, p * size), p, size, all.length));
      });
      const ids: number[] = [];
      for await (const bill of wpay.subscriptions.iterateBills(
        { subscriptionId: 3 },
        { pageSize: 2 },
      )) {
        ids.push(bill.id);
      }
      assert.deepEqual(ids, [1, 2, 3, 4, 5]);
      assert.deepEqual(
        fake.apiRequests.filter((r) => r.path === PATHS.subBills).map((r) => r.json),
        [1, 2, 3].map((p) => ({ subscriptionId: 3, page: p, size: 2 })),
      );
    });

    it('refuses to iterate the bills of a non-integer subscription id', async () => {
      const bills = wpay.subscriptions.iterateBills({ subscriptionId: 1.5 });
      await assert.rejects(bills.next(), WPayValidationError);
      assert.equal(fake.apiRequests.length, 0);
    });

    it('refuses a non-integer id before sending', async () => {
      await assert.rejects(wpay.subscriptions.retrieve({ id: 1.5 }), WPayValidationError);
      await assert.rejects(
        wpay.subscriptions.cancel({ id: '3' as unknown as number }),
        WPayValidationError,
      );
      assert.equal(fake.apiRequests.length, 0);
    });
  });

  describe('request (low level)', () => {
    it('sends any signed call and returns retdata', async () => {
      fake.routes.set('/checkout/w-payment/anything', () => ok({ free: 'form' }));
      assert.deepEqual(await wpay.request('/checkout/w-payment/anything', { a: 1 }), {
        free: 'form',
      });
    });
  });
});
