import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PAYMENT_STATUSES } from '@wpay/protocol';
import { orderStatusFromPayment } from './order-status.js';

describe('when an order status is read from a payment status', () => {
  it('knows every payment status of @wpay/protocol', () => {
    for (const status of PAYMENT_STATUSES) {
      assert.equal(typeof orderStatusFromPayment(status), 'string', status);
    }
  });

  it('answers nothing for a status WPay adds later', () => {
    assert.equal(orderStatusFromPayment('ON_HOLD'), undefined);
  });

  it('answers nothing for names every object inherits', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      assert.equal(orderStatusFromPayment(name), undefined, name);
    }
  });
});
