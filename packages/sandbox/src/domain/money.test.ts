import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { currencyExponent, decimalsOf, formatMoney, fromMinor, toMinor } from './money.js';

describe('when converting amounts to minor units', () => {
  it('converts a USD amount with two decimals', () => {
    assert.equal(toMinor(19.99, 'USD'), 1999);
  });

  it('refuses a USD amount with three decimals', () => {
    assert.equal(toMinor(19.999, 'USD'), undefined);
  });

  it('refuses a JPY amount with decimals', () => {
    assert.equal(toMinor(500.5, 'JPY'), undefined);
  });

  it('accepts a KWD amount with three decimals', () => {
    assert.equal(toMinor(1.234, 'KWD'), 1234);
  });

  it('counts decimals of numbers written with an exponent', () => {
    assert.equal(decimalsOf(1e-7), 7);
    assert.equal(decimalsOf(1e21), 0);
    assert.equal(decimalsOf(1.5e-7), 8);
    assert.equal(decimalsOf(1.25e21), 0);
  });

  it('counts decimals of plain numbers, negative ones and those without any', () => {
    const cases: Array<[number, number]> = [
      [19.99, 2],
      [0.1, 1],
      [100.5, 1],
      [-0.05, 2],
      [1.234, 3],
      [1, 0],
      [0, 0],
      [-7, 0],
      [Number.NaN, 0],
      [Number.POSITIVE_INFINITY, 0],
    ];
    for (const [value, decimals] of cases) assert.equal(decimalsOf(value), decimals, String(value));
  });
});

describe('when converting minor units back', () => {
  it('never produces float artifacts', () => {
    assert.equal(JSON.stringify(fromMinor(10 + 20, 'USD')), '0.3');
    assert.equal(JSON.stringify(fromMinor(1999 - 999, 'USD')), '10');
    assert.equal(JSON.stringify(fromMinor(-5, 'USD')), '-0.05');
  });

  it('keeps zero-decimal currencies whole', () => {
    assert.equal(fromMinor(500, 'JPY'), 500);
    assert.equal(currencyExponent('JPY'), 0);
  });
});

describe('when formatting for people', () => {
  it('shows the currency symbol and its decimals', () => {
    assert.equal(formatMoney(1999, 'USD'), '$19.99');
    assert.equal(formatMoney(500, 'JPY'), '¥500');
  });
});
