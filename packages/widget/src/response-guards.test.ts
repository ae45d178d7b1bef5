import { expect } from '@open-wc/testing';
import { PAID } from '../test/mock-fetch.js';
import { parseCheckoutResponse, parseServerError, parseStatusResponse } from './response-guards.js';

describe('parseCheckoutResponse', () => {
  const valid = { redirectUrl: 'https://pay.test/hpp/1', trxNo: 'TRX1' };

  it('accepts { redirectUrl, trxNo } and drops unknown fields', () => {
    expect(parseCheckoutResponse({ ...valid, extra: true })).to.deep.equal(valid);
  });

  it('accepts a body without trxNo', () => {
    expect(parseCheckoutResponse({ redirectUrl: valid.redirectUrl })).to.deep.equal({
      redirectUrl: valid.redirectUrl,
    });
  });

  it('refuses a missing, empty or non-string redirectUrl', () => {
    expect(parseCheckoutResponse({ trxNo: 'TRX1' })).to.equal(undefined);
    expect(parseCheckoutResponse({ ...valid, redirectUrl: '' })).to.equal(undefined);
    expect(parseCheckoutResponse({ ...valid, redirectUrl: ['https://pay.test'] })).to.equal(
      undefined,
    );
  });

  it('refuses a non-string trxNo', () => {
    expect(parseCheckoutResponse({ ...valid, trxNo: 1 })).to.equal(undefined);
  });

  it('refuses bodies that are not objects', () => {
    for (const body of [null, 'https://pay.test', [valid], 42]) {
      expect(parseCheckoutResponse(body), JSON.stringify(body)).to.equal(undefined);
    }
  });
});

describe('parseStatusResponse', () => {
  const valid = PAID;

  it('accepts the documented status body', () => {
    expect(parseStatusResponse(valid)).to.deep.equal(valid);
  });

  it('accepts a bare { outcome, final } and an amount sent as a string', () => {
    expect(parseStatusResponse({ outcome: 'processing', final: false })).to.deep.equal({
      outcome: 'processing',
      final: false,
    });
    expect(parseStatusResponse({ ...valid, amount: '19.99' })?.amount).to.equal('19.99');
  });

  it('refuses an unknown outcome', () => {
    expect(parseStatusResponse({ ...valid, outcome: 'PAID' })).to.equal(undefined);
  });

  it('refuses a final that is not a boolean', () => {
    expect(parseStatusResponse({ ...valid, final: 'true' })).to.equal(undefined);
  });

  it('accepts the outcome-only answer to one identifier', () => {
    const body = { status: 'PAID', outcome: 'succeeded', final: true };
    expect(parseStatusResponse(body)).to.deep.equal(body);
  });

  it('reads null optional fields as absent (the server omits them; others may send null)', () => {
    const { amount: _a, currency: _c, mchOrderNo: _m, ...rest } = valid;
    expect(
      parseStatusResponse({ ...valid, amount: null, currency: null, mchOrderNo: null }),
    ).to.deep.equal(rest);
  });

  it('refuses mistyped optional fields', () => {
    expect(parseStatusResponse({ ...valid, trxNo: 1 })).to.equal(undefined);
    expect(parseStatusResponse({ ...valid, currency: 840 })).to.equal(undefined);
    expect(parseStatusResponse({ ...valid, amount: { value: 1 } })).to.equal(undefined);
  });
});

describe('parseServerError', () => {
  const error = { code: 'invalid_body', message: 'sku: required' };

  it('reads the JSON error shape', () => {
    expect(parseServerError({ error })).to.deep.equal(error);
  });

  it('keeps well-formed field errors and drops the others', () => {
    const fields = [{ path: 'sku', message: 'required' }, { path: 1 }, 'x'];
    expect(parseServerError({ error: { ...error, fields } })).to.deep.equal({
      ...error,
      fields: [{ path: 'sku', message: 'required' }],
    });
  });

  it('returns undefined for any other body', () => {
    for (const body of [
      undefined,
      'Bad gateway',
      { error: 'oops' },
      { error: { code: 1, message: 'x' } },
    ]) {
      expect(parseServerError(body), JSON.stringify(body)).to.equal(undefined);
    }
  });
});
