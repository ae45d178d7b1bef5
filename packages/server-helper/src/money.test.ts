import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WPayValidationError } from './errors.js';
import { exponentOf, formatAmount, fromMinorUnits, parseAmount, toMinorUnits } from './money.js';

function refused(value: unknown, exponent = 2): string {
  const result = parseAmount(value, exponent);
  assert.equal(result.ok, false, `expected ${String(value)} to be refused`);
  return result.ok ? '' : result.message;
}

function wire(value: unknown, exponent = 2): number {
  const result = parseAmount(value, exponent);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.value.wire;
}

describe('exponentOf', () => {
  it('knows the ISO 4217 exponents', () => {
    assert.equal(exponentOf('USD'), 2);
    assert.equal(exponentOf('EUR'), 2);
    assert.equal(exponentOf('JPY'), 0);
    assert.equal(exponentOf('KRW'), 0);
    assert.equal(exponentOf('VND'), 0);
    assert.equal(exponentOf('CLP'), 0);
    for (const code of ['KWD', 'BHD', 'JOD', 'OMR', 'TND', 'IQD', 'LYD']) {
      assert.equal(exponentOf(code), 3, code);
    }
  });

  it('refuses an unknown currency and says how to add it', () => {
    assert.throws(
      () => exponentOf('XTS'),
      (error: unknown) => {
        assert.ok(error instanceof WPayValidationError);
        assert.match(error.message, /extraCurrencies/);
        return true;
      },
    );
  });

  it('refuses a lower-case code', () => {
    assert.throws(() => exponentOf('usd'), WPayValidationError);
  });

  it('accepts a currency given in extraCurrencies', () => {
    assert.equal(exponentOf('XTS', { extraCurrencies: { XTS: 2 } }), 2);
  });

  it('ignores inherited object keys', () => {
    assert.throws(() => exponentOf('constructor'), WPayValidationError);
  });
});

describe('parseAmount', () => {
  describe('when given a number', () => {
    it('sends 0.1 + 0.2 as 0.3', () => {
      assert.equal(wire(0.1 + 0.2), 0.3);
      assert.equal(JSON.stringify({ amount: wire(0.1 + 0.2) }), '{"amount":0.3}');
    });

    it('keeps an exact amount', () => {
      assert.equal(wire(19.99), 19.99);
      assert.equal(wire(1.005 * 1000, 0), 1005);
    });

    it('reports the count of minor units and the exponent it used, each by its own name', () => {
      assert.deepEqual(parseAmount('19.99', 2), {
        ok: true,
        value: { minor: 1999, exponent: 2, wire: 19.99 },
      });
    });

    it('rounds float noise of a three-decimal currency', () => {
      assert.equal(wire(1.1 + 2.2, 3), 3.3);
    });

    it('refuses more decimals than the currency allows', () => {
      assert.match(refused(19.999), /decimals/);
      assert.match(refused(1.5, 0), /decimals/);
    });

    it('refuses zero, negative, NaN and Infinity', () => {
      assert.match(refused(0), /greater than zero/);
      assert.match(refused(-0), /greater than zero/);
      assert.match(refused(-5), /greater than zero/);
      assert.match(refused(Number.NaN), /finite/);
      assert.match(refused(Number.POSITIVE_INFINITY), /finite/);
    });

    it('refuses more than 15 significant digits', () => {
      assert.match(refused(1e16), /significant/);
      assert.match(refused(12345678901234.56), /significant/);
    });
  });

  describe('when given a string', () => {
    it('accepts plain decimals', () => {
      assert.equal(wire('19.99'), 19.99);
      assert.equal(wire('20'), 20);
      assert.equal(wire('0.50'), 0.5);
      assert.equal(wire('0.05'), 0.05);
      assert.equal(wire('1.234', 3), 1.234);
      assert.equal(wire('1234567890123.45'), 1234567890123.45);
    });

    it('refuses too many decimals', () => {
      assert.match(refused('19.999'), /3 decimals/);
      assert.match(refused('1.5', 0), /1 decimals/);
    });

    it('refuses zero and negatives', () => {
      assert.match(refused('0'), /greater than zero/);
      assert.match(refused('0.00'), /greater than zero/);
      assert.match(refused('-1.00'), /plain positive decimal/);
    });

    it('refuses exponents, signs, spaces, leading zeros and words', () => {
      for (const value of [
        '1e3',
        '+1',
        ' 1',
        '1 ',
        '01.5',
        '.5',
        '1.',
        'NaN',
        'Infinity',
        '',
        '1,5',
      ]) {
        assert.match(refused(value), /plain positive decimal/, value);
      }
    });

    it('refuses more than 15 significant digits', () => {
      assert.match(refused('1234567890123456'), /significant/);
      assert.match(refused('12345678901234.56'), /significant/);
    });
  });

  it('refuses other types', () => {
    assert.match(refused(null), /decimal string/);
    assert.match(refused(10n), /decimal string/);
  });
});

describe('toMinorUnits / fromMinorUnits / formatAmount', () => {
  it('converts major to minor units', () => {
    assert.equal(toMinorUnits('19.99', 'USD'), 1999);
    assert.equal(toMinorUnits(0.1 + 0.2, 'EUR'), 30);
    assert.equal(toMinorUnits('500', 'JPY'), 500);
    assert.equal(toMinorUnits('1.5', 'KWD'), 1500);
  });

  it('converts minor to major units', () => {
    assert.equal(fromMinorUnits(1999, 'USD'), 19.99);
    assert.equal(fromMinorUnits(5, 'USD'), 0.05);
    assert.equal(fromMinorUnits(500, 'JPY'), 500);
    assert.equal(fromMinorUnits(1500, 'KWD'), 1.5);
  });

  it('refuses a fractional count of minor units', () => {
    assert.throws(() => fromMinorUnits(1.5, 'USD'), WPayValidationError);
  });

  it('formats with exactly the currency decimals', () => {
    assert.equal(formatAmount(19.9, 'USD'), '19.90');
    assert.equal(formatAmount('500', 'JPY'), '500');
    assert.equal(formatAmount(0.1 + 0.2, 'USD'), '0.30');
    assert.equal(formatAmount('0.5', 'KWD'), '0.500');
  });

  it('names the amount field in its error', () => {
    assert.throws(
      () => toMinorUnits('1.999', 'USD'),
      (error: unknown) => {
        assert.ok(error instanceof WPayValidationError);
        assert.deepEqual(
          error.issues.map((issue) => issue.path),
          ['amount'],
        );
        return true;
      },
    );
  });
});
