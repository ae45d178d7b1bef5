import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMajor, formatMoney, parseMajor, toMajor, toMinor } from './money.js';

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

describe('decimal strings', () => {
  it('formats minor units as the decimal string sent to WPay', () => {
    assert.equal(formatMajor(2500, 'USD'), '25.00');
    assert.equal(formatMajor(499, 'USD'), '4.99');
    assert.equal(formatMajor(5, 'USD'), '0.05');
    assert.equal(formatMajor(500, 'JPY'), '500');
  });

  it('parses what a person types into minor units', () => {
    assert.equal(parseMajor('12.50', 'USD'), 1250);
    assert.equal(parseMajor('5.5', 'USD'), 550);
    assert.equal(parseMajor(' 7 ', 'USD'), 700);
  });

  it('refuses more decimals than the currency has', () => {
    assert.equal(parseMajor('1.999', 'USD'), undefined);
    assert.equal(parseMajor('1.5', 'JPY'), undefined);
  });

  it('refuses what is not a plain positive decimal', () => {
    for (const text of ['', '-1', '1e3', 'abc', '1,50', '.5']) {
      assert.equal(parseMajor(text, 'USD'), undefined, text);
    }
  });
});
