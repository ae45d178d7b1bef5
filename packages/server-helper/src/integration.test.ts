// Every resource against @wpay/sandbox, in-process through sb.fetch (no socket: the same core
// as over HTTP, which the sandbox's own suite and handlers-with-sandbox.test.ts cover).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { WPayApiError, WPayError, WPayValidationError } from './errors.js';
import type { WPayOptions } from './options.js';
import { WPay } from './wpay.js';

const URLS = { successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cancel' };
let orderCounter = 0;
const orderNo = (prefix = 'it') => `${prefix}_${Date.now()}_${++orderCounter}`;

describe('against @wpay/sandbox', () => {
  let sb: Sandbox;
  let wpay: WPay;
  const client = (extra: Partial<WPayOptions> = {}) =>
    new WPay({
      ...sb.credentials,
      baseUrl: sb.url,
      fetch: sb.fetch,
      verifyResponses: true,
      sleep: async () => {},
      ...extra,
    });

  before(async () => {
    sb = await startSandbox({ port: 0, timeScale: 1000, seed: 1 });
    wpay = client();
  });
  after(() => sb.close());

  async function paidPayment(amount = '19.99', currency = 'USD') {
    const session = await wpay.checkout.create({
      mchOrderNo: orderNo(),
      amount,
      currency,
      payMode: 'ONETIME',
      ...URLS,
    });
    await sb.pay(session.trxNo, { card: 'success' });
    return session;
  }

  it('fetches one token for 50 concurrent calls of a cold client', async () => {
    const session = await paidPayment();
    const before = sb.stats().tokenRequests;
    const cold = client();
    await Promise.all(
      Array.from({ length: 50 }, () => cold.payments.retrieve({ trxNo: session.trxNo })),
    );
    assert.equal(sb.stats().tokenRequests - before, 1);
  });

  describe('checkout.create', () => {
    it('creates a hosted page session with a float-noise-free amount', async () => {
      const mchOrderNo = orderNo();
      const session = await wpay.checkout.create({
        mchOrderNo,
        amount: 0.1 + 0.2,
        currency: 'USD',
        payMode: 'ONETIME',
        description: 'Two pens',
        customerEmail: 'buyer@example.com',
        ...URLS,
      });
      assert.match(session.trxNo, /^TRX\d+$/);
      assert.equal(session.mchOrderNo, mchOrderNo);
      assert.equal(session.status, 1);
      assert.equal(session.amount, 0.3);
      assert.ok(session.redirectUrl.startsWith(`${sb.url}/hpp/`));
    });

    it('creates a JPY session with a whole amount', async () => {
      const session = await wpay.checkout.create({
        mchOrderNo: orderNo(),
        amount: '500',
        currency: 'JPY',
        payMode: 'ONETIME',
        ...URLS,
      });
      assert.equal(session.amount, 500);
    });

    it('refuses a JPY amount with decimals before sending anything', async () => {
      const before = sb.stats().requests;
      await assert.rejects(
        wpay.checkout.create({
          mchOrderNo: orderNo(),
          amount: '5.5',
          currency: 'JPY',
          payMode: 'ONETIME',
          ...URLS,
        }),
        WPayValidationError,
      );
      assert.equal(sb.stats().requests, before);
    });

    it('retries through an injected 5xx', async () => {
      const fault = sb.faults.add({ kind: 'http-5xx', path: '/checkout/w-payment/hpp', times: 1 });
      const session = await wpay.checkout.create({
        mchOrderNo: orderNo(),
        amount: '1.00',
        currency: 'USD',
        payMode: 'ONETIME',
        ...URLS,
      });
      assert.match(session.trxNo, /^TRX/);
      sb.faults.remove(fault.id);
    });
  });

  describe('payments', () => {
    it('retrieves a paid payment', async () => {
      const session = await paidPayment('42.50');
      const payment = await wpay.payments.retrieve({ trxNo: session.trxNo });
      assert.equal(payment.trxNo, session.trxNo);
      assert.equal(payment.status, 'PAID');
      assert.equal(payment.amount, 42.5);
      assert.equal(payment.currency, 'USD');
      assert.equal(payment.mchOrderNo, session.mchOrderNo);
    });

    it('refuses an unknown trxNo with retcode 404', async () => {
      await assert.rejects(wpay.payments.retrieve({ trxNo: 'TRX999999999' }), (error: unknown) => {
        assert.ok(error instanceof WPayApiError);
        assert.equal(String(error.retcode), '404');
        return true;
      });
    });

    it('lists a page and filters by status', async () => {
      await paidPayment();
      const page = await wpay.payments.list({ pageNum: 1, pageSize: 5, status: 'PAID' });
      assert.equal(page.pageNo, 1);
      assert.equal(page.pageSize, 5);
      assert.ok(page.total >= 1);
      assert.ok(page.records.every((payment) => payment.status === 'PAID'));
    });

    it('iterates every page', async () => {
      for (let i = 0; i < 3; i++) await paidPayment('3.00');
      const { total } = await wpay.payments.list({ pageNum: 1, pageSize: 1, status: 2 });
      const seen = new Set<string>();
      for await (const payment of wpay.payments.iterate({ status: 2 }, { pageSize: 2 })) {
        seen.add(payment.trxNo);
      }
      assert.equal(seen.size, total);
    });
  });

  describe('refunds', () => {
    it('refunds part of a payment, then the rest', async () => {
      const session = await paidPayment('10.00');
      const partial = await wpay.refunds.create({
        trxNo: session.trxNo,
        amount: '4.00',
        currency: 'USD',
        reason: 'one item returned',
      });
      assert.ok(partial.refundNo);
      assert.equal(
        (await wpay.payments.retrieve({ trxNo: session.trxNo })).status,
        'PARTIAL_REFUNDED',
      );
      await wpay.refunds.create({ trxNo: session.trxNo, amount: 6 });
      assert.equal((await wpay.payments.retrieve({ trxNo: session.trxNo })).status, 'REFUNDED');
    });

    it('is refused with 422 above the refundable amount', async () => {
      const session = await paidPayment('5.00');
      await assert.rejects(
        wpay.refunds.create({ trxNo: session.trxNo, amount: '6.00' }),
        (error: unknown) => error instanceof WPayApiError && String(error.retcode) === '422',
      );
    });

    it('is not retried after an injected 5xx', async () => {
      const session = await paidPayment('5.00');
      const fault = sb.faults.add({
        kind: 'http-5xx',
        path: '/checkout/w-payment/refund',
        times: 1,
      });
      const before = sb.requests().length;
      await assert.rejects(
        wpay.refunds.create({ trxNo: session.trxNo, amount: '1.00' }),
        WPayApiError,
      );
      assert.equal(sb.requests().length - before, 1);
      sb.faults.remove(fault.id);
    });
  });

  describe('subscriptions', () => {
    let subscriptionId: number;
    const mchSubscriptionNo = orderNo('sub');

    before(async () => {
      const session = await wpay.checkout.create({
        mchOrderNo: orderNo(),
        mchSubscriptionNo,
        amount: '9.99',
        currency: 'EUR',
        payMode: 'SUBSCRIPTION',
        intervalUnit: 'month',
        intervalCount: 1,
        ...URLS,
      });
      await sb.pay(session.trxNo, { card: 'success' });
      for await (const subscription of wpay.subscriptions.iterate({ status: 'ACTIVE' })) {
        if (subscription.mchSubscriptionNo === mchSubscriptionNo) subscriptionId = subscription.id;
      }
      assert.ok(subscriptionId, 'the subscription was listed');
    });

    it('lists subscriptions by status', async () => {
      const page = await wpay.subscriptions.list({ page: 1, size: 10, status: 'ACTIVE' });
      assert.ok(page.records.some((subscription) => subscription.id === subscriptionId));
    });

    it('retrieves one', async () => {
      const subscription = await wpay.subscriptions.retrieve({ id: subscriptionId });
      assert.equal(subscription.status, 'ACTIVE');
      assert.equal(subscription.amount, 9.99);
      assert.equal(subscription.currency, 'EUR');
      assert.equal(subscription.intervalUnit, 'month');
    });

    it('lists its bills (the first payment is the first bill)', async () => {
      const bills = await wpay.subscriptions.bills({ subscriptionId });
      assert.equal(bills.records.length, 1);
      assert.equal(bills.records[0]?.subscriptionId, subscriptionId);
      assert.equal(bills.records[0]?.status, 'PAID');
    });

    it('cancels it', async () => {
      const cancelled = await wpay.subscriptions.cancel({ id: subscriptionId, reason: 'test' });
      assert.equal(cancelled.status, 'CANCELLED');
    });
  });

  describe('subscription bills, page after page', () => {
    // Its own sandbox: months pass on its clock (renewal bills appear; tokens expire there).
    let billing: Sandbox;
    let billed: WPay;
    let subscriptionId: number;

    before(async () => {
      billing = await startSandbox({ port: 0, timeScale: 1000, seed: 2 });
      billed = new WPay({
        ...billing.credentials,
        baseUrl: billing.url,
        fetch: billing.fetch,
        verifyResponses: true,
      });
      const mchSubscriptionNo = orderNo('sub');
      const session = await billed.checkout.create({
        mchOrderNo: orderNo(),
        mchSubscriptionNo,
        amount: '4.50',
        currency: 'EUR',
        payMode: 'SUBSCRIPTION',
        intervalUnit: 'month',
        intervalCount: 1,
        ...URLS,
      });
      await billing.pay(session.trxNo, { card: 'success' });
      for (let month = 0; month < 4; month++) await billing.clock.advanceBy({ months: 1 });
      const page = await billed.subscriptions.list({ status: 'ACTIVE' });
      const subscription = page.records.find((s) => s.mchSubscriptionNo === mchSubscriptionNo);
      assert.ok(subscription, 'the subscription was listed');
      subscriptionId = subscription.id;
    });
    after(() => billing.close());

    it('iterates every bill of a subscription across pages', async () => {
      const before = billing.requests().length;
      const bills = [];
      for await (const bill of billed.subscriptions.iterateBills(
        { subscriptionId },
        { pageSize: 2 },
      )) {
        bills.push(bill);
      }
      assert.equal(bills.length, 5, 'the first payment and four renewals');
      assert.equal(new Set(bills.map((bill) => bill.id)).size, 5);
      for (const bill of bills) {
        assert.equal(bill.subscriptionId, subscriptionId);
        assert.equal(bill.amount, 4.5);
      }
      const pages = billing
        .requests()
        .slice(before)
        .filter((r) => r.path === '/checkout/w-payment/subscriptions/bills');
      assert.equal(pages.length, 3);
    });
  });

  describe('faults', () => {
    it('times out on a held connection and retries a read', async () => {
      const session = await paidPayment();
      const fault = sb.faults.add({
        kind: 'timeout',
        path: '/checkout/w-payment/payments/detail',
        times: 1,
      });
      // A per-call limit: the (warm) token call is not what should time out on a loaded machine.
      const payment = await wpay.payments.retrieve({ trxNo: session.trxNo }, { timeoutMs: 1000 });
      assert.equal(payment.trxNo, session.trxNo);
      sb.faults.remove(fault.id);
    });

    it('surfaces an injected retcode as WPayApiError', async () => {
      const fault = sb.faults.add({
        kind: 'retcode',
        path: '/checkout/w-payment/payments/list',
        retcode: '00042',
        retmsg: 'gateway busy',
        times: 1,
      });
      await assert.rejects(wpay.payments.list(), (error: unknown) => {
        assert.ok(error instanceof WPayApiError);
        assert.equal(String(error.retcode), '00042');
        return true;
      });
      sb.faults.remove(fault.id);
    });

    it('refuses a malformed answer', async () => {
      const fault = sb.faults.add({
        kind: 'malformed',
        path: '/checkout/w-payment/payments/list',
        times: 1,
      });
      await assert.rejects(wpay.payments.list({}, { maxRetries: 0 }), WPayError);
      sb.faults.remove(fault.id);
    });
  });

  describe('tokens', () => {
    it('recovers from a revoked token by fetching a new one', async () => {
      const session = await paidPayment();
      await wpay.payments.retrieve({ trxNo: session.trxNo });
      const fault = sb.faults.add({ kind: 'token-revoke', path: '*', times: 1 });
      const payment = await wpay.payments.retrieve({ trxNo: session.trxNo });
      assert.equal(payment.trxNo, session.trxNo);
      sb.faults.remove(fault.id);
    });

    it('refreshes a short-lived token with the refresh token', async () => {
      const short = await startSandbox({ port: 0, tokenTtlSeconds: 60 });
      try {
        let offset = 0;
        const grants: unknown[] = [];
        const timed = new WPay({
          ...short.credentials,
          baseUrl: short.url,
          fetch: short.fetch,
          now: () => Date.now() + offset,
          onRequest: (event) => {
            if (event.kind === 'token')
              grants.push((event.body as { grant_type?: unknown }).grant_type);
          },
        });
        await timed.payments.list();
        offset = 40_000; // past half of the 60 s lifetime, within the sandbox's ±2 min window
        await timed.payments.list();
        assert.deepEqual(grants, ['client_credentials', 'refresh_token']);
        assert.equal(short.stats().tokenRequests, 2);
      } finally {
        await short.close();
      }
    });
  });
});
