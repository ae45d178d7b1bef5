import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Hono } from 'hono';
import { withAllowedHosts } from './allowed-hosts.js';
import { mountStorefront } from './mount-storefront.js';

describe('when the storefront is served', () => {
  const dist = mkdtempSync(join(tmpdir(), 'demo-dist-'));
  writeFileSync(
    join(dist, 'index.html'),
    '<wpay-button endpoint="/api/checkout" data-sku="mug">Buy</wpay-button>' +
      '<pre>&lt;wpay-button endpoint="/api/checkout"&gt;</pre><wpay-buttons></wpay-buttons>',
  );
  after(() => rmSync(dist, { recursive: true, force: true }));

  it('gives every button the hosted page hosts as allowed-hosts', async () => {
    const app = new Hono();
    mountStorefront(app, dist, { allowedHosts: '127.0.0.1:41234' });
    const response = await app.request('/');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    const html = await response.text();
    assert.match(html, /^<wpay-button allowed-hosts="127\.0\.0\.1:41234" endpoint=/);
    assert.match(html, /<pre>&lt;wpay-button endpoint/);
    assert.match(html, /<wpay-buttons>/);
  });

  it('leaves the pages as built without hosts', async () => {
    const app = new Hono();
    mountStorefront(app, dist);
    assert.doesNotMatch(await (await app.request('/')).text(), /allowed-hosts/);
  });

  it('escapes the hosts in the attribute', () => {
    assert.equal(
      withAllowedHosts('<wpay-button>', 'a" onclick="x'),
      '<wpay-button allowed-hosts="a&quot; onclick=&quot;x">',
    );
  });
});
