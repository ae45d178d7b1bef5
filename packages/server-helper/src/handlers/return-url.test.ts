import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WPayConfigError } from '../errors.js';
import type { ResolvedOrder } from './checkout-handler.js';
import { returnUrlBuilder } from './return-url.js';

const BASE = 'https://shop.example/';
const request = new Request('http://evil.example/api/checkout', { method: 'POST' });
const order = (mchOrderNo: string): ResolvedOrder => ({ mchOrderNo, amount: '1', currency: 'USD' });

/** What the URL parser makes of it: the one rule every return URL follows. */
function reference(url: string, mchOrderNo: string, base: string | undefined): string {
  const parsed = new URL(url, base);
  parsed.searchParams.set('mchOrderNo', mchOrderNo);
  return parsed.href;
}

describe('when a return URL is built for an order', () => {
  const urls = [
    '/thanks',
    'thanks',
    '/thanks/',
    '/a b/ü',
    '/thanks?',
    '/thanks?x=1&y=a%20b',
    '/thanks?mchOrderNo=old',
    '/thanks#done',
    '/thanks?x=1#done',
    'https://shop.example:443/thanks',
    'http://localhost:5173/thanks',
    'https://other.example/Path/../x',
  ];
  const orderNos = ['order_1', 'a-b.c*d', '', 'with space', 'ü&x=1', 'a+b'];

  it('gives what the URL parser gives, for fixed URLs of every shape and any order number', () => {
    for (const url of urls) {
      const build = returnUrlBuilder(url, {
        field: 'successUrl',
        publicBase: BASE,
        baseOf: () => BASE,
      });
      for (const no of orderNos) {
        assert.equal(build(order(no), request), reference(url, no, BASE), `${url} ${no}`);
      }
    }
  });

  it('resolves against the request only where the options trust it (no publicUrl)', () => {
    const build = returnUrlBuilder('/thanks', {
      field: 'successUrl',
      publicBase: undefined,
      baseOf: (req) => req.url,
    });
    assert.equal(build(order('o_1'), request), 'http://evil.example/thanks?mchOrderNo=o_1');
  });

  it('calls a function of the order each time, and refuses what it gives if not http(s)', () => {
    const build = returnUrlBuilder(
      (o) => (o.mchOrderNo === 'bad' ? 'ftp://x/' : `/o/${o.mchOrderNo}`),
      {
        field: 'cancelUrl',
        publicBase: BASE,
        baseOf: () => BASE,
      },
    );
    assert.equal(build(order('o_2'), request), 'https://shop.example/o/o_2?mchOrderNo=o_2');
    assert.throws(
      () => build(order('bad'), request),
      (error) => {
        assert.ok(error instanceof WPayConfigError);
        assert.match(error.message, /cancelUrl is not an http\(s\) URL/);
        return true;
      },
    );
  });
});
