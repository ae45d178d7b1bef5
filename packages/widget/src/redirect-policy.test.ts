import { expect } from '@open-wc/testing';
import { safeRedirectUrl } from './redirect-policy.js';

const HPP = 'https://openapi.stablelink.app/hpp/abc?x=1';

describe('safeRedirectUrl', () => {
  it('follows an absolute https URL', () => {
    expect(safeRedirectUrl(HPP)?.href).to.equal(HPP);
  });

  describe('when the scheme is not https', () => {
    it('refuses javascript: URLs', () => {
      expect(safeRedirectUrl('javascript:alert(document.cookie)')).to.equal(undefined);
    });

    it('refuses data: URLs', () => {
      expect(safeRedirectUrl('data:text/html,<script>alert(1)</script>')).to.equal(undefined);
    });

    it('refuses plain http on a public host', () => {
      expect(safeRedirectUrl('http://openapi.stablelink.app/hpp/abc')).to.equal(undefined);
    });

    it('follows plain http on localhost, 127.0.0.1 and [::1] (the sandbox)', () => {
      for (const url of [
        'http://localhost:4010/hpp/1',
        'http://127.0.0.1:4010/hpp/1',
        'http://[::1]:4010/hpp/1',
      ]) {
        expect(safeRedirectUrl(url)?.href, url).to.equal(url);
      }
    });

    it('refuses plain http on a host that only starts like localhost', () => {
      expect(safeRedirectUrl('http://localhost.evil.test/hpp/1')).to.equal(undefined);
    });
  });

  describe('when the URL is not absolute', () => {
    it('refuses a relative path', () => {
      expect(safeRedirectUrl('/hpp/abc')).to.equal(undefined);
    });

    it('refuses a protocol-relative URL', () => {
      expect(safeRedirectUrl('//evil.test/hpp')).to.equal(undefined);
    });

    it('refuses junk', () => {
      expect(safeRedirectUrl('not a url')).to.equal(undefined);
      expect(safeRedirectUrl('')).to.equal(undefined);
    });
  });

  it('refuses a URL carrying credentials', () => {
    expect(safeRedirectUrl('https://openapi.stablelink.app@evil.test/hpp')).to.equal(undefined);
  });

  describe('when allowed-hosts is set', () => {
    it('follows a URL on a listed host', () => {
      expect(safeRedirectUrl(HPP, 'pay.example.com openapi.stablelink.app')?.href).to.equal(HPP);
    });

    it('refuses a URL on another host', () => {
      expect(safeRedirectUrl('https://evil.test/hpp', 'openapi.stablelink.app')).to.equal(
        undefined,
      );
    });

    it('refuses a subdomain of a listed host', () => {
      expect(
        safeRedirectUrl('https://x.openapi.stablelink.app/', 'openapi.stablelink.app'),
      ).to.equal(undefined);
    });

    it('matches host and port when the entry has a port', () => {
      expect(safeRedirectUrl('http://localhost:4010/hpp/1', 'localhost:4010')).not.to.equal(
        undefined,
      );
      expect(safeRedirectUrl('http://localhost:4011/hpp/1', 'localhost:4010')).to.equal(undefined);
    });

    it('matches hosts whatever their letter case, as URLs do', () => {
      expect(safeRedirectUrl(HPP, 'OpenAPI.StableLink.APP')?.href).to.equal(HPP);
    });

    it('treats a blank list as no restriction', () => {
      expect(safeRedirectUrl(HPP, '   ')?.href).to.equal(HPP);
    });
  });
});
