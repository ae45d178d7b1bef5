import { expect } from '@open-wc/testing';
import { returnIdentifier, statusUrl } from './return-identifiers.js';

describe('returnIdentifier', () => {
  it('takes both trxNo and mchOrderNo when the URL has both (the pair proves the order)', () => {
    expect(returnIdentifier('?mchOrderNo=order-1&trxNo=TRX1')).to.deep.equal({
      trxNo: 'TRX1',
      mchOrderNo: 'order-1',
    });
  });

  it('takes trxNo alone when there is no mchOrderNo', () => {
    expect(returnIdentifier('?trxNo=TRX1&mchOrderNo=')).to.deep.equal({ trxNo: 'TRX1' });
  });

  it('falls back to mchOrderNo', () => {
    expect(returnIdentifier('?mchOrderNo=order-1')).to.deep.equal({ mchOrderNo: 'order-1' });
  });

  it('finds nothing in a URL without them, or with empty ones', () => {
    expect(returnIdentifier('')).to.equal(undefined);
    expect(returnIdentifier('?trxNo=&mchOrderNo=')).to.equal(undefined);
  });
});

describe('statusUrl', () => {
  it('adds the identifier to a relative endpoint, escaped', () => {
    expect(statusUrl('/api/status', { mchOrderNo: 'a&b' }, 'https://shop.test/thanks')).to.equal(
      'https://shop.test/api/status?mchOrderNo=a%26b',
    );
  });

  it('sends both identifiers of a pair, trxNo first', () => {
    expect(
      statusUrl('/api/status', { trxNo: 'TRX1', mchOrderNo: 'order-1' }, 'https://shop.test/'),
    ).to.equal('https://shop.test/api/status?trxNo=TRX1&mchOrderNo=order-1');
  });

  it('keeps the endpoint’s own query', () => {
    expect(
      statusUrl('https://api.shop.test/status?v=2', { trxNo: 'TRX1' }, 'https://shop.test/'),
    ).to.equal('https://api.shop.test/status?v=2&trxNo=TRX1');
  });
});
