import { expect } from '@open-wc/testing';
import { formatAmount } from './format-amount.js';

/** Intl separates groups and currency signs with (narrow) no-break spaces: compare them as spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatAmount', () => {
  describe('formats a price in each built-in language', () => {
    const cases: [amount: string, currency: string, locale: string, expected: string][] = [
      ['1234.5', 'USD', 'en-US', '$1,234.50'],
      ['1234.5', 'CNY', 'zh-CN', '¥1,234.50'],
      ['12345.5', 'EUR', 'es-ES', '12.345,50 €'],
      ['1234.5', 'EUR', 'fr-FR', '1 234,50 €'],
      ['1234.5', 'EUR', 'de-DE', '1.234,50 €'],
      ['1234.5', 'JPY', 'ja-JP', '￥1,235'],
    ];
    for (const [amount, currency, locale, expected] of cases) {
      it(`${locale}: ${amount} ${currency} → ${expected}`, () => {
        expect(plain(formatAmount(amount, currency, locale))).to.equal(expected);
      });
    }
  });

  it('uses the currency’s minor units (none for JPY, three for KWD)', () => {
    expect(formatAmount('1999', 'JPY', 'en-US')).to.equal('¥1,999');
    expect(plain(formatAmount('1.5', 'KWD', 'en-US'))).to.equal('KWD 1.500');
  });

  it('never shows floating-point noise', () => {
    expect(formatAmount(0.1 + 0.2, 'USD', 'en-US')).to.equal('$0.30');
  });

  describe('when many prices are shown in one locale and currency', () => {
    const NativeNumberFormat = Intl.NumberFormat;
    let built = 0;
    beforeEach(() => {
      built = 0;
      Intl.NumberFormat = new Proxy(NativeNumberFormat, {
        construct(target, args: ConstructorParameters<typeof Intl.NumberFormat>) {
          built += 1;
          return new target(...args);
        },
      });
    });
    afterEach(() => {
      Intl.NumberFormat = NativeNumberFormat;
    });

    it('builds one number formatter per locale and currency, not one per price', () => {
      expect(formatAmount('1', 'SEK', 'sv-SE')).to.not.equal('');
      expect(formatAmount('2', 'SEK', 'sv-SE')).to.not.equal('');
      expect(formatAmount('3', 'SEK', 'sv-SE')).to.not.equal('');
      expect(built).to.equal(1);
      expect(formatAmount('3', 'NOK', 'sv-SE')).to.not.equal('');
      expect(built).to.equal(2);
    });

    it('remembers an invalid currency too, and still answers nothing for it', () => {
      expect(formatAmount('1', 'NOTACODE', 'sv-SE')).to.equal('');
      expect(formatAmount('2', 'NOTACODE', 'sv-SE')).to.equal('');
      expect(built).to.equal(1);
    });
  });

  describe('when an input is unusable', () => {
    it('returns nothing for a missing amount or currency', () => {
      expect(formatAmount('', 'USD', 'en')).to.equal('');
      expect(formatAmount(undefined, 'USD', 'en')).to.equal('');
      expect(formatAmount('19.99', '', 'en')).to.equal('');
    });

    it('returns nothing for an amount that is not a number', () => {
      expect(formatAmount('nineteen', 'USD', 'en')).to.equal('');
      expect(formatAmount('Infinity', 'USD', 'en')).to.equal('');
    });

    it('returns nothing for an invalid currency code or locale', () => {
      expect(formatAmount('19.99', 'DOLLARS', 'en')).to.equal('');
      expect(formatAmount('19.99', 'USD', 'not a locale!')).to.equal('');
    });
  });
});
