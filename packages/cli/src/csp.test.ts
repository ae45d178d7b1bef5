import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cspAllows, parseCsp } from './csp.js';

const SHOP = 'http://localhost:3000';
const allows = (header: string, directive: string, url: string) =>
  cspAllows(parseCsp(header), directive, url, SHOP);

describe('when a page sends a Content-Security-Policy', () => {
  it("lets the shop's own script and checkout through 'self' and default-src", () => {
    assert.equal(allows("default-src 'self'", 'script-src', `${SHOP}/wpay-widget.iife.js`), true);
    assert.equal(allows("default-src 'self'", 'connect-src', `${SHOP}/api/checkout`), true);
  });

  it('blocks a script from another origin, and a fetch under connect-src none', () => {
    assert.equal(allows("script-src 'self'", 'script-src', 'https://cdn.example/w.js'), false);
    assert.equal(
      allows("default-src 'self'; connect-src 'none'", 'connect-src', `${SHOP}/api/checkout`),
      false,
    );
  });

  it("does not fall back to default-src for form-action, and matches WPay's host there", () => {
    assert.equal(allows("default-src 'none'", 'form-action', 'https://pay.example/hpp/1'), true);
    const header = "form-action 'self' https://*.stablelink.app";
    assert.equal(allows(header, 'form-action', 'https://openapi.stablelink.app/hpp/1'), true);
    assert.equal(allows(header, 'form-action', 'https://evil.example/'), false);
    assert.equal(allows("form-action 'self'", 'form-action', 'http://127.0.0.1:4010/hpp/1'), false);
  });

  it('matches ports, schemes and the http-to-https upgrade', () => {
    assert.equal(
      allows('form-action http://127.0.0.1:4010', 'form-action', 'http://127.0.0.1:4010/x'),
      true,
    );
    assert.equal(
      allows('form-action http://127.0.0.1:4010', 'form-action', 'http://127.0.0.1:4011/x'),
      false,
    );
    assert.equal(allows('script-src https:', 'script-src', 'https://cdn.example/w.js'), true);
    assert.equal(allows('script-src cdn.example', 'script-src', 'https://cdn.example/w.js'), true);
  });

  it('reads the first of repeated directives, as browsers do', () => {
    assert.equal(
      allows("script-src 'none'; script-src 'self'", 'script-src', `${SHOP}/w.js`),
      false,
    );
  });
});
