// refunds.createSafely against @wpay/sandbox: the refund takes effect, then its answer is lost.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { WPayRefundNotMadeError } from '../refund-errors.js';
import { WPay } from '../wpay.js';

const REFUND = '/checkout/w-payment/refund';
let counter = 0;

describe('refunds.createSafely against the sandbox', () => {
  let sb: Sandbox;
  let wpay: WPay;

  before(async () => {
    sb = await startSandbox({ port: 0, timeScale: 1000, seed: 5 });
    wpay = new WPay({
      ...sb.credentials,
      baseUrl: sb.url,
      timeoutMs: 2_000,
      refunds: { readBackIntervalMs: 10 },
    });
  });
  after(() => sb.close());

  async function paid(amount = '20.00') {
    const session = await wpay.checkout.create({
      mchOrderNo: `safe_${Date.now()}_${++counter}`,
      amount,
      currency: 'USD',
      payMode: 'ONETIME',
      successUrl: 'https://shop.example/ok',
      cancelUrl: 'https://shop.example/cancel',
    });
    await sb.pay(session.trxNo, { card: 'success' });
    return session.trxNo;
  }
  const refundCalls = () => sb.requests().filter((r) => r.path === REFUND).length;
  const refunded = async (trxNo: string) =>
    (await wpay.payments.retrieve({ trxNo })).refundedAmount;

  for (const fault of [
    { kind: 'timeout', holdMs: 20 },
    { kind: 'http-5xx', status: 502 },
    { kind: 'malformed' },
  ] as const) {
    it(`refunds once when the answer is lost after it took effect (${fault.kind})`, async () => {
      const trxNo = await paid();
      const sentBefore = refundCalls();
      const rule = sb.faults.add({ ...fault, path: REFUND, phase: 'after', times: 1 });
      const intent = { intentKey: `rf_${trxNo}`, refundedBefore: 0 };
      const first = await wpay.refunds.createSafely({ trxNo, amount: '5.00' }, intent);
      assert.equal(first.outcome, 'confirmed_by_readback');
      assert.equal(first.refundedAmount, 5);
      // Pressing Refund again with the same intent sends nothing.
      const again = await wpay.refunds.createSafely({ trxNo, amount: '5.00' }, intent);
      assert.equal(again.outcome, 'already_refunded');
      assert.equal(await refunded(trxNo), 5);
      assert.equal(refundCalls() - sentBefore, 1);
      sb.faults.remove(rule.id);
    });
  }

  it('says for certain nothing was refunded when the answer is lost before it took effect', async () => {
    const trxNo = await paid();
    const rule = sb.faults.add({
      kind: 'timeout',
      holdMs: 20,
      path: REFUND,
      phase: 'before',
      times: 1,
    });
    await assert.rejects(
      wpay.refunds.createSafely(
        { trxNo, amount: '5.00' },
        { intentKey: 'rf_x', refundedBefore: 0 },
      ),
      (error: unknown) => error instanceof WPayRefundNotMadeError && error.reason === 'not_applied',
    );
    assert.equal(await refunded(trxNo), 0);
    sb.faults.remove(rule.id);
    const retry = await wpay.refunds.createSafely(
      { trxNo, amount: '5.00' },
      { intentKey: 'rf_x', refundedBefore: 0 },
    );
    assert.equal(retry.outcome, 'refunded');
    assert.equal(await refunded(trxNo), 5);
  });

  it('is refused for certain above the refundable amount', async () => {
    const trxNo = await paid('2.00');
    await assert.rejects(
      wpay.refunds.createSafely(
        { trxNo, amount: '5.00' },
        { intentKey: 'rf_y', refundedBefore: 0 },
      ),
      (error: unknown) => error instanceof WPayRefundNotMadeError && error.reason === 'refused',
    );
  });
});
