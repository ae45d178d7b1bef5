import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import { sandboxWithClient, type TestClient } from '../test/wpay-client.js';

const EVIL = 'https://evil.example';

describe('when a request to the control API, the hosted page or the dashboard is too large', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('answers the control API with 413 and a JSON error', async () => {
    const response = await fetch(`${sb.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'latency', padding: 'x'.repeat(2_000_000) }),
    });
    assert.equal(response.status, 413);
    assert.match(
      String(((await response.json()) as { error: { message: string } }).error.message),
      /large/,
    );
    assert.equal(sb.faults.list().length, 0);
  });

  it('answers the hosted page with 413 and leaves the payment open', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const response = await fetch(String(redirectUrl), {
      method: 'POST',
      body: new URLSearchParams({ action: 'pay', card: 'success', padding: 'x'.repeat(100_000) }),
      redirect: 'manual',
    });
    assert.equal(response.status, 413);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'PAYING');
  });

  it('answers the dashboard with 413 and leaves the clock alone', async () => {
    const before = sb.clock.now();
    const response = await fetch(`${sb.url}/__dashboard/advance`, {
      method: 'POST',
      body: new URLSearchParams({ by: '1mo', padding: 'x'.repeat(100_000) }),
      redirect: 'manual',
    });
    assert.equal(response.status, 413);
    assert.ok(sb.clock.now() - before < 86_400_000);
  });
});

describe('when another site drives the sandbox from a browser', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(
    async () =>
      ({ sb, client } = await sandboxWithClient({ webhookUrl: 'http://127.0.0.1:1/hooks' })),
  );
  after(() => sb.close());

  const setWebhookUrl = (
    headers: Record<string, string>,
    body = '{"url":"https://evil.example/x"}',
  ) => fetch(`${sb.url}/__sandbox/webhook-url`, { method: 'PUT', headers, body });

  it('refuses a control call with a cross-site Origin', async () => {
    const response = await setWebhookUrl({ 'content-type': 'application/json', origin: EVIL });
    assert.equal(response.status, 403);
    assert.match(
      String(((await response.json()) as { error: { message: string } }).error.message),
      /cross-site/,
    );
    assert.equal(
      ((await (await fetch(`${sb.url}/__sandbox/webhook-url`)).json()) as { url: string }).url,
      'http://127.0.0.1:1/hooks',
    );
  });

  it('refuses a control call marked cross-site or same-site by Sec-Fetch-Site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      const response = await setWebhookUrl({
        'content-type': 'application/json',
        'sec-fetch-site': site,
      });
      assert.equal(response.status, 403, site);
    }
  });

  it('refuses a control call whose body is not JSON (what a form or a no-cors fetch can send)', async () => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await setWebhookUrl({ 'content-type': type });
      assert.equal(response.status, 415, type);
    }
    const bare = await fetch(`${sb.url}/__sandbox/webhook-url`, {
      method: 'PUT',
      body: '{"url":null}',
    });
    assert.equal(bare.status, 415);
  });

  it('refuses a null Origin unless the browser says the request is same-origin', async () => {
    const response = await setWebhookUrl({ 'content-type': 'application/json', origin: 'null' });
    assert.equal(response.status, 403);
  });

  it('accepts the sandbox own origin, same-origin browsers and callers without an Origin', async () => {
    const own = await setWebhookUrl(
      { 'content-type': 'application/json', origin: sb.url },
      '{"url":"http://127.0.0.1:2/a"}',
    );
    assert.equal(own.status, 200);
    const same = await setWebhookUrl(
      { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
      '{"url":"http://127.0.0.1:2/b"}',
    );
    assert.equal(same.status, 200);
    const tool = await setWebhookUrl(
      { 'content-type': 'application/json; charset=utf-8' },
      '{"url":"http://127.0.0.1:1/hooks"}',
    );
    assert.equal(tool.status, 200);
    const empty = await fetch(`${sb.url}/__sandbox/faults`, { method: 'DELETE' });
    assert.equal(empty.status, 200);
  });

  it('refuses a cross-site form post to the dashboard', async () => {
    const crossSite: Record<string, string>[] = [
      { origin: EVIL },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'null' },
    ];
    for (const headers of crossSite) {
      const response = await fetch(`${sb.url}/__dashboard/webhook-url`, {
        method: 'POST',
        headers,
        body: new URLSearchParams({ url: 'https://evil.example/x' }),
        redirect: 'manual',
      });
      assert.equal(response.status, 403, JSON.stringify(headers));
      assert.match(String(response.headers.get('content-type')), /text\/html/);
    }
    const answer = (await (await fetch(`${sb.url}/__sandbox/webhook-url`)).json()) as {
      url: string;
    };
    assert.equal(answer.url, 'http://127.0.0.1:1/hooks');
  });

  it('refuses a cross-site form post to a hosted page and leaves the payment open', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const response = await fetch(String(redirectUrl), {
      method: 'POST',
      headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' },
      body: new URLSearchParams({ action: 'pay', card: 'success' }),
      redirect: 'manual',
    });
    assert.equal(response.status, 403);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'PAYING');
  });

  it('accepts the hosted page own form post (Origin null under no-referrer, same-origin)', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const response = await fetch(String(redirectUrl), {
      method: 'POST',
      headers: { origin: 'null', 'sec-fetch-site': 'same-origin' },
      body: new URLSearchParams({ action: 'pay', card: 'success' }),
      redirect: 'manual',
    });
    assert.equal(response.status, 303);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'PAID');
  });
});
