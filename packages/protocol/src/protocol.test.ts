import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as protocol from './index.js';
import {
  AUTH_ERROR_RETCODES,
  BILL_STATUSES,
  CURRENCY_EXPONENTS,
  EVENT_TYPES,
  MCH_ORDER_NO_PATTERN,
  PAYMENT_OUTCOMES,
  PAYMENT_STATUS_CODES,
  PAYMENT_STATUS_OUTCOMES,
  PAYMENT_STATUSES,
  PROTOCOL_DEFAULTS,
  REFUSALS,
  SIGNATURE_ERROR_RETCODES,
  SUBSCRIPTION_STATUSES,
  UNKNOWN_STATUS_OUTCOME,
} from './index.js';

function assertDeepFrozen(value: unknown, path: string): void {
  if (typeof value !== 'object' || value === null || value instanceof RegExp) return;
  assert.ok(Object.isFrozen(value), `${path} is not frozen`);
  for (const [key, inner] of Object.entries(value)) assertDeepFrozen(inner, `${path}.${key}`);
}

describe('every exported table', () => {
  it('is frozen all the way down', () => {
    for (const [name, value] of Object.entries(protocol)) assertDeepFrozen(value, name);
  });

  it('refuses a change', () => {
    assert.throws(() => {
      (PAYMENT_STATUS_CODES as Record<string, number>).PAID = 9;
    }, TypeError);
  });
});

describe('the payment statuses', () => {
  it('each have one numeric code, and no two share one', () => {
    assert.deepEqual(Object.keys(PAYMENT_STATUS_CODES), [...PAYMENT_STATUSES]);
    const codes = Object.values(PAYMENT_STATUS_CODES);
    assert.equal(new Set(codes).size, codes.length);
  });

  it('each have an outcome, and only PAYING is not final', () => {
    assert.deepEqual(Object.keys(PAYMENT_STATUS_OUTCOMES).sort(), [...PAYMENT_STATUSES].sort());
    for (const { outcome } of Object.values(PAYMENT_STATUS_OUTCOMES)) {
      assert.ok(PAYMENT_OUTCOMES.includes(outcome), outcome);
    }
    const open = Object.entries(PAYMENT_STATUS_OUTCOMES).filter(([, o]) => !o.final);
    assert.deepEqual(open, [['PAYING', { outcome: 'processing', final: false }]]);
  });

  it('read an unknown status as still processing', () => {
    assert.deepEqual(UNKNOWN_STATUS_OUTCOME, { outcome: 'processing', final: false });
  });

  it('list the subscription and bill statuses the docs show', () => {
    assert.ok(SUBSCRIPTION_STATUSES.includes('ACTIVE'));
    assert.ok(BILL_STATUSES.includes('PAID'));
  });
});

describe('the event types', () => {
  it('start with the five documented ones', () => {
    assert.deepEqual(Object.keys(EVENT_TYPES).slice(0, 5), [
      'credit_card.order.paid',
      'credit_card.order.failed',
      'credit_card.order.cancelled',
      'credit_card.order.expired',
      'credit_card.subscription.expired',
    ]);
  });

  it('give order events a payment and bill events a bill', () => {
    for (const [type, kind] of Object.entries(EVENT_TYPES)) {
      const expected = type.includes('.bill.')
        ? 'bill'
        : type.includes('.subscription.')
          ? 'subscription'
          : 'payment';
      assert.equal(kind, expected, type);
    }
  });
});

describe('the refusals', () => {
  it('have distinct retcodes', () => {
    const retcodes = Object.values(REFUSALS).map((r) => r.retcode);
    assert.equal(new Set(retcodes).size, retcodes.length);
  });

  it('name the auth and signature retcodes', () => {
    assert.deepEqual(AUTH_ERROR_RETCODES, ['401']);
    assert.deepEqual(SIGNATURE_ERROR_RETCODES, ['00006', '00007', '00009']);
  });
});

describe('the currency exponents', () => {
  it('follow ISO 4217 (KWD 3, JPY 0, USD 2, CLF 4)', () => {
    assert.equal(CURRENCY_EXPONENTS.KWD, 3);
    assert.equal(CURRENCY_EXPONENTS.JPY, 0);
    assert.equal(CURRENCY_EXPONENTS.USD, 2);
    assert.equal(CURRENCY_EXPONENTS.CLF, 4);
  });

  it('are keyed by three upper-case letters', () => {
    for (const code of Object.keys(CURRENCY_EXPONENTS)) assert.match(code, /^[A-Z]{3}$/);
  });

  it('know no test currency', () => {
    assert.equal(Object.hasOwn(CURRENCY_EXPONENTS, 'XTS'), false);
  });
});

describe('the merchant order number pattern', () => {
  it('carries no state between uses, and lets a validator reset lastIndex', () => {
    MCH_ORDER_NO_PATTERN.lastIndex = 0;
    assert.equal(MCH_ORDER_NO_PATTERN.global || MCH_ORDER_NO_PATTERN.sticky, false);
    assert.ok(MCH_ORDER_NO_PATTERN.test('order_42'));
    assert.ok(MCH_ORDER_NO_PATTERN.test('order_42'));
    assert.equal(MCH_ORDER_NO_PATTERN.test('order 42'), false);
    assert.equal(MCH_ORDER_NO_PATTERN.test('x'.repeat(65)), false);
  });
});

describe('the named defaults', () => {
  it('each point at an export that holds their value', () => {
    const exports = protocol as Record<string, unknown>;
    for (const [name, entry] of Object.entries(PROTOCOL_DEFAULTS)) {
      for (const constant of entry.constant.split(', ')) {
        const [root, ...rest] = constant.split('.');
        let value: unknown = exports[root as string];
        for (const key of rest) value = (value as Record<string, unknown>)[key];
        assert.notEqual(value, undefined, `${name}: ${constant}`);
      }
    }
  });
});
