import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMoney, toMajor, toMinor } from './money.js';

describe('money', () => {
  it('converts cents to the major units WPay expects', () => {
    assert.equal(toMajor(499, 'USD'), 4.99);
    assert.equal(toMajor(2500, 'USD'), 25);
  });

  it('leaves zero-decimal currencies whole', () => {
    assert.equal(toMajor(500, 'JPY'), 500);
    assert.equal(toMinor(500, 'JPY'), 500);
  });

  it('rounds float noise away when reading WPay amounts', () => {
    assert.equal(toMinor(0.1 + 0.2, 'USD'), 30);
    assert.equal(toMinor(4.99, 'USD'), 499);
  });

  it('formats amounts for people', () => {
    assert.equal(formatMoney(1800, 'USD'), '$18.00');
  });
});
