import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Payment } from '../schemas/payments.js';
import { paymentSteps } from './payment-steps.js';

const payment = (status: string, extra: Record<string, unknown> = {}): Payment => ({
  id: 1,
  trxNo: 'TRX1',
  mchOrderNo: 'order_1',
  status,
  amount: 20,
  currency: 'USD',
  ...extra,
});

const keys = (status: string, extra?: Record<string, unknown>) =>
  paymentSteps(payment(status, extra)).map((step) => step.key);

describe('the payment transition table', () => {
  it('implies nothing while the payment is open, or for a status it does not know', () => {
    assert.deepEqual(keys('PAYING'), []);
    assert.deepEqual(keys('ON_HOLD'), []);
  });

  it('implies the whole path from PAYING, in order', () => {
    assert.deepEqual(keys('PAID'), ['TRX1:paid']);
    assert.deepEqual(keys('REFUNDING'), ['TRX1:paid']);
    assert.deepEqual(keys('REFUNDED'), ['TRX1:paid', 'TRX1:refunded']);
  });

  it('keys each partial refund by the amount refunded so far, in the currency’s decimals', () => {
    assert.deepEqual(keys('PARTIAL_REFUNDED', { refundedAmount: 5 }), [
      'TRX1:paid',
      'TRX1:partiallyRefunded:5.00',
    ]);
    assert.deepEqual(
      keys('PARTIAL_REFUNDED', { refundedAmount: 12.5 }).at(-1),
      'TRX1:partiallyRefunded:12.50',
    );
  });

  it('skips a partial refund once the payment was fully refunded', () => {
    const [, partial] = paymentSteps(payment('PARTIAL_REFUNDED', { refundedAmount: 5 }));
    assert.deepEqual(partial?.unlessDone, ['TRX1:refunded']);
  });

  it('gives the three unpaid ends one key, which paid closes', () => {
    assert.deepEqual(keys('FAILED'), ['TRX1:unpaid']);
    assert.deepEqual(keys('CANCELLED'), ['TRX1:unpaid']);
    assert.deepEqual(keys('EXPIRED'), ['TRX1:unpaid']);
    assert.deepEqual(paymentSteps(payment('PAID'))[0]?.closes, ['TRX1:unpaid']);
  });
});
