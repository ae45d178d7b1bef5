// refunds.createSafely against a precise fake WPay: every way a refund call can end, and the
// number of refund calls that reach WPay in each.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { WPayValidationError } from '../errors.js';
import type { WPayOptions } from '../options.js';
import { WPayRefundInDoubtError, WPayRefundNotMadeError } from '../refund-errors.js';
import {
  CREDENTIALS,
  type FakeWPay,
  ok,
  type Reply,
  refuse,
  startFakeWPay,
} from '../test/fake-wpay.js';
import { WPay } from '../wpay.js';

const DETAIL = '/checkout/w-payment/payments/detail';
const REFUND = '/checkout/w-payment/refund';

/** What the fake's payment TRX100 looks like: 20.00 USD paid, `refunded` minor units refunded. */
interface Ledger {
  refundedMinor: number;
  /** Carry `refundedAmount` on the payment (the sandbox does; WPay documents no such field). */
  withField: boolean;
  /** The field's name, when `withField`. */
  field: string;
}

describe('refunds.createSafely', () => {
  let fake: FakeWPay;
  let ledger: Ledger;
  /** What the refund route does: apply the refund or not, then answer (or not). */
  let refundReply: (apply: () => void) => Reply | Promise<Reply>;
  let detailReply: (() => Reply) | undefined;
  let refundNo = 0;

  const client = (extra: Partial<WPayOptions> = {}) =>
    new WPay({
      ...CREDENTIALS,
      baseUrl: fake.url,
      sleep: async () => {},
      timeoutMs: 1_500,
      ...extra,
    });
  const refundCalls = () => fake.apiRequests.filter((r) => r.path === REFUND).length;
  const detailCalls = () => fake.apiRequests.filter((r) => r.path === DETAIL).length;
  const payment = () => {
    const status =
      ledger.refundedMinor === 0
        ? 'PAID'
        : ledger.refundedMinor === 2000
          ? 'REFUNDED'
          : 'PARTIAL_REFUNDED';
    return {
      id: 7,
      trxNo: 'TRX100',
      status,
      mchOrderNo: 'order_42',
      amount: 20,
      currency: 'USD',
      ...(ledger.withField ? { [ledger.field]: ledger.refundedMinor / 100 } : {}),
    };
  };
  const REQUEST = { trxNo: 'TRX100', amount: '5.00', currency: 'USD' };
  const FIRST = { intentKey: 'rf_1', refundedBefore: 0 };

  before(async () => {
    fake = await startFakeWPay();
    fake.routes.set(DETAIL, () => detailReply?.() ?? ok(payment()));
    fake.routes.set(REFUND, (request) =>
      refundReply(() => {
        ledger.refundedMinor += Math.round(
          Number((request.json as { amount: number }).amount) * 100,
        );
      }),
    );
  });
  after(() => fake.close());
  beforeEach(() => {
    ledger = { refundedMinor: 0, withField: true, field: 'refundedAmount' };
    detailReply = undefined;
    fake.requests.length = 0;
    fake.apiRequests.length = 0;
    refundReply = (apply) => {
      apply();
      return ok({ refundNo: `RFD${++refundNo}`, trxNo: 'TRX100', amount: 5, status: 'SUCCESS' });
    };
  });

  describe('when WPay answers', () => {
    it('refunds once and says so, with the refundNo and the new refunded total', async () => {
      const result = await client().refunds.createSafely(REQUEST, FIRST);
      assert.equal(result.outcome, 'refunded');
      assert.match(result.refundNo ?? '', /^RFD\d+$/);
      assert.equal(result.refundedAmount, 5);
      assert.equal(result.amount, 5);
      assert.equal(refundCalls(), 1);
      assert.equal(ledger.refundedMinor, 500);
    });

    it('refuses for certain on a 422, without reading back', async () => {
      refundReply = () => refuse(422, '422', 'refund above the refundable amount');
      await assert.rejects(client().refunds.createSafely(REQUEST, FIRST), (error: unknown) => {
        assert.ok(error instanceof WPayRefundNotMadeError);
        assert.equal(error.reason, 'refused');
        assert.equal(error.intentKey, 'rf_1');
        return true;
      });
      assert.equal(refundCalls(), 1);
      assert.equal(detailCalls(), 1);
    });

    it('refuses bad parameters before anything is sent', async () => {
      await assert.rejects(
        client().refunds.createSafely({ ...REQUEST, amount: '5.001' }, FIRST),
        WPayValidationError,
      );
      await assert.rejects(
        client().refunds.createSafely(REQUEST, { intentKey: '', refundedBefore: 0 }),
        WPayValidationError,
      );
      assert.equal(fake.apiRequests.length, 0);
    });
  });

  describe('when the refund happens but its answer is lost', () => {
    for (const [how, reply] of [
      ['the connection drops', { destroy: true }],
      ['WPay answers 503', { status: 503, body: 'Service Unavailable' }],
      ['WPay answers retcode 500', refuse(200, '500', 'internal error')],
      ['no answer comes in time', { hang: true }],
      ['the answer is not an envelope', { body: '{"retcode":"2' }],
    ] as const) {
      it(`confirms it by reading the payment back when ${how}, and sends it once`, async () => {
        refundReply = (apply) => {
          apply();
          return reply;
        };
        const result = await client().refunds.createSafely(REQUEST, FIRST);
        assert.equal(result.outcome, 'confirmed_by_readback');
        assert.equal(result.refundNo, undefined);
        assert.equal(result.refundedAmount, 5);
        assert.equal(refundCalls(), 1);
        assert.equal(ledger.refundedMinor, 500);
      });
    }

    it('answers already_refunded to a retry of the same intent, sending nothing', async () => {
      refundReply = (apply) => {
        apply();
        return { destroy: true };
      };
      const wpay = client({ refunds: { readBackAttempts: 1 } });
      detailReply = undefined;
      // The read-back fails too, so the first attempt is in doubt …
      let reads = 0;
      detailReply = () => (++reads > 1 ? { status: 503, body: 'down' } : ok(payment()));
      await assert.rejects(wpay.refunds.createSafely(REQUEST, FIRST), WPayRefundInDoubtError);
      // … and the retry, once WPay reads again, finds the refund made.
      detailReply = undefined;
      const retry = await wpay.refunds.createSafely(REQUEST, FIRST);
      assert.equal(retry.outcome, 'already_refunded');
      assert.equal(retry.refundedAmount, 5);
      assert.equal(refundCalls(), 1);
      assert.equal(ledger.refundedMinor, 500);
    });
  });

  describe('when the refund does not happen and its answer is lost', () => {
    it('says for certain it was not made once the payment reads back unchanged', async () => {
      refundReply = () => ({ destroy: true });
      await assert.rejects(client().refunds.createSafely(REQUEST, FIRST), (error: unknown) => {
        assert.ok(error instanceof WPayRefundNotMadeError);
        assert.equal(error.reason, 'not_applied');
        assert.equal(error.observedRefundedAmount, 0);
        return true;
      });
      assert.equal(refundCalls(), 1);
      assert.equal(ledger.refundedMinor, 0);
    });

    it('calls it in doubt when the payment cannot be read back', async () => {
      refundReply = () => ({ destroy: true });
      let reads = 0;
      detailReply = () => (++reads > 1 ? { destroy: true } : ok(payment()));
      await assert.rejects(
        client({ maxRetries: 0 }).refunds.createSafely(REQUEST, FIRST),
        (error: unknown) => {
          assert.ok(error instanceof WPayRefundInDoubtError);
          assert.equal(error.observedRefundedAmount, undefined);
          assert.match(error.hint, /Do not refund again/);
          return true;
        },
      );
      assert.equal(refundCalls(), 1);
    });
  });

  describe('when the books are out of date', () => {
    it('sends nothing when WPay shows another refunded total than refundedBefore', async () => {
      ledger.refundedMinor = 300;
      await assert.rejects(client().refunds.createSafely(REQUEST, FIRST), (error: unknown) => {
        assert.ok(error instanceof WPayRefundNotMadeError);
        assert.equal(error.reason, 'out_of_date');
        assert.equal(error.observedRefundedAmount, 3);
        return true;
      });
      assert.equal(refundCalls(), 0);
    });

    it('refunds again when refundedBefore matches an earlier refund', async () => {
      ledger.refundedMinor = 500;
      const result = await client().refunds.createSafely(REQUEST, {
        intentKey: 'rf_2',
        refundedBefore: '5.00',
      });
      assert.equal(result.outcome, 'refunded');
      assert.equal(result.refundedAmount, 10);
    });
  });

  describe('when the payment carries no refunded total', () => {
    beforeEach(() => {
      ledger.withField = false;
    });

    it('confirms a lost full refund from the REFUNDED status', async () => {
      refundReply = (apply) => {
        apply();
        return { destroy: true };
      };
      const result = await client().refunds.createSafely({ ...REQUEST, amount: '20.00' }, FIRST);
      assert.equal(result.outcome, 'confirmed_by_readback');
      assert.equal(refundCalls(), 1);
    });

    it('calls a lost partial refund in doubt (PARTIAL_REFUNDED tells no amount)', async () => {
      refundReply = (apply) => {
        apply();
        return { destroy: true };
      };
      await assert.rejects(client().refunds.createSafely(REQUEST, FIRST), WPayRefundInDoubtError);
      assert.equal(refundCalls(), 1);
    });

    it('reads the field the refundedAmountField setting names', async () => {
      ledger.withField = true;
      ledger.field = 'refundTotal';
      refundReply = (apply) => {
        apply();
        return { destroy: true };
      };
      const wpay = client({ refunds: { refundedAmountField: 'refundTotal' } });
      const result = await wpay.refunds.createSafely(REQUEST, FIRST);
      assert.equal(result.outcome, 'confirmed_by_readback');
    });
  });

  describe('when the same intent runs twice at once', () => {
    it('sends one refund and gives both callers its result', async () => {
      const wpay = client();
      const [a, b] = await Promise.all([
        wpay.refunds.createSafely(REQUEST, FIRST),
        wpay.refunds.createSafely(REQUEST, FIRST),
      ]);
      assert.equal(a.refundNo, b.refundNo);
      assert.equal(refundCalls(), 1);
    });

    it('runs a second intent of the same payment after the first, against fresh books', async () => {
      const wpay = client();
      const results = await Promise.allSettled([
        wpay.refunds.createSafely(REQUEST, FIRST),
        wpay.refunds.createSafely(
          { ...REQUEST, amount: '3.00' },
          { intentKey: 'rf_other', refundedBefore: 0 },
        ),
      ]);
      assert.equal(results[0].status, 'fulfilled');
      assert.equal(results[1].status, 'rejected');
      assert.ok(
        results[1].status === 'rejected' &&
          results[1].reason instanceof WPayRefundNotMadeError &&
          results[1].reason.reason === 'out_of_date',
      );
      assert.equal(refundCalls(), 1);
    });
  });
});
