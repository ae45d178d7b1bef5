import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type Demo, startDemo } from './start-demo.js';

/** A raw HTTP POST, so that the test (as an attacker would) chooses the Host header. */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const ATTACKER = 'attacker.example';
const json = { 'Content-Type': 'application/json' };

// Trust comes from the demo's configuration (its bound address or PUBLIC_URL), never from the
// request's Host header.
describe('when a request names another host than the shop', { timeout: 60_000 }, () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo({
      port: 0,
      dbPath: ':memory:',
      build: false,
      sandbox: { timeScale: 1000 },
    });
  });
  after(() => demo?.close());

  it('refuses an admin write whose Host and Origin are both the attacker’s', async () => {
    const answer = await post(
      `${demo.loopbackUrl}api/admin/refunds`,
      { ...json, Host: ATTACKER, Origin: `http://${ATTACKER}` },
      JSON.stringify({ mchOrderNo: 'x' }),
    );
    assert.equal(answer.status, 403);
  });

  it('refuses a checkout whose Host and Origin are both the attacker’s', async () => {
    const answer = await post(
      `${demo.loopbackUrl}api/checkout`,
      { ...json, Host: ATTACKER, Origin: `http://${ATTACKER}` },
      JSON.stringify({ sku: 'mug' }),
    );
    assert.equal(answer.status, 403);
    assert.equal(demo.stores.orders.list().length, 0);
  });

  it('sends the shopper back to the shop’s own address, whatever Host said', async () => {
    const answer = await post(
      `${demo.loopbackUrl}api/checkout`,
      { ...json, Host: ATTACKER, Origin: demo.loopbackUrl.slice(0, -1) },
      JSON.stringify({ sku: 'mug' }),
    );
    assert.equal(answer.status, 200);
    const { redirectUrl } = JSON.parse(answer.text) as { redirectUrl: string };
    // Cancel on the hosted page: it sends the shopper to the cancelUrl the shop gave.
    const back = await fetch(redirectUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=cancel',
      redirect: 'manual',
    });
    assert.equal(back.status, 303);
    assert.equal(new URL(back.headers.get('location') ?? '').host, new URL(demo.url).host);
  });

  it('accepts an admin write from the shop’s own origin', async () => {
    const answer = await post(
      `${demo.loopbackUrl}api/admin/refunds`,
      { ...json, Origin: demo.url.slice(0, -1) },
      JSON.stringify({ mchOrderNo: 'x' }),
    );
    assert.equal(answer.status, 404);
  });
});

describe('when the shop has a public URL (behind a proxy or a tunnel)', { timeout: 60_000 }, () => {
  let demo: Demo;
  before(async () => {
    demo = await startDemo({
      port: 0,
      dbPath: ':memory:',
      build: false,
      publicUrl: 'https://shop.example',
      sandbox: { timeScale: 1000 },
    });
  });
  after(() => demo?.close());

  it('accepts writes from that origin only, not from the address it listens on', async () => {
    const body = JSON.stringify({ mchOrderNo: 'x' });
    const url = `${demo.loopbackUrl}api/admin/refunds`;
    assert.equal((await post(url, { ...json, Origin: 'https://shop.example' }, body)).status, 404);
    const local = await post(url, { ...json, Origin: demo.loopbackUrl.slice(0, -1) }, body);
    assert.equal(local.status, 403);
  });

  it('builds the return URLs on it', async () => {
    const answer = await post(
      `${demo.loopbackUrl}api/checkout`,
      { ...json, Origin: 'https://shop.example' },
      JSON.stringify({ sku: 'mug' }),
    );
    assert.equal(answer.status, 200);
    const { redirectUrl } = JSON.parse(answer.text) as { redirectUrl: string };
    const back = await fetch(redirectUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'action=cancel',
      redirect: 'manual',
    });
    assert.match(back.headers.get('location') ?? '', /^https:\/\/shop\.example\/cancel\?/);
  });
});
