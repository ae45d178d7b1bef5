import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import { sandboxWithClient, subscriptionBody, type TestClient } from '../test/wpay-client.js';

const page = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, html: await response.text(), headers: response.headers };
};

const submit = async (url: string, form: Record<string, string>) => {
  const response = await fetch(url, {
    method: 'POST',
    body: new URLSearchParams(form),
    redirect: 'manual',
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    html: await response.text(),
  };
};

describe('when the shopper opens the hosted page', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient({ merchantName: 'Mug & Co' })));
  after(() => sb.close());

  it('shows merchant, formatted amount, currency and description', async () => {
    const { redirectUrl } = await client.checkout({ amount: 19.99, description: 'Blue mug' });
    const { status, html, headers } = await page(String(redirectUrl));
    assert.equal(status, 200);
    assert.match(String(headers.get('content-type')), /text\/html/);
    assert.match(html, /<html lang="en">/);
    assert.match(html, /Mug &amp; Co/);
    assert.match(html, /\$19\.99/);
    assert.match(html, /USD/);
    assert.match(html, /Blue mug/);
  });

  it('offers the four test cards as labelled radio buttons', async () => {
    const { redirectUrl } = await client.checkout();
    const { html } = await page(String(redirectUrl));
    for (const card of ['success', 'declined', 'insufficient_funds', 'slow']) {
      assert.match(
        html,
        new RegExp(`<input type="radio" id="card-${card}" name="card" value="${card}"`),
      );
      assert.match(html, new RegExp(`<label for="card-${card}">`));
    }
    for (const number of [
      '4242 4242 4242 4242',
      '4000 0000 0000 0002',
      '4000 0000 0000 9995',
      '4000 0000 0000 0259',
    ]) {
      assert.ok(html.includes(number), number);
    }
  });

  it('has a "Pay …" and a "Cancel and return to …" button', async () => {
    const { redirectUrl } = await client.checkout({ amount: 19.99 });
    const { html } = await page(String(redirectUrl));
    assert.match(
      html,
      /<button type="submit" class="pay" name="action" value="pay">Pay \$19\.99<\/button>/,
    );
    assert.match(html, /<button[^>]*value="cancel">Cancel and return to Mug &amp; Co<\/button>/);
  });

  it('shows the interval of a subscription', async () => {
    const { redirectUrl } = await client.checkout(
      subscriptionBody({ intervalUnit: 'month', intervalCount: 1 }),
    );
    const { html } = await page(String(redirectUrl));
    assert.match(html, /every 1 month/);
  });

  it('escapes what the merchant sent', async () => {
    const { redirectUrl } = await client.checkout({ description: '<script>alert(1)</script>' });
    const { html } = await page(String(redirectUrl));
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /&lt;script&gt;/);
  });

  it('forbids scripts with its content security policy', async () => {
    const { redirectUrl } = await client.checkout();
    const { headers } = await page(String(redirectUrl));
    assert.match(String(headers.get('content-security-policy')), /default-src 'none'/);
  });

  it('answers 404 with a clear page for an unknown session', async () => {
    const { status, html } = await page(`${sb.url}/hpp/hpp_unknown`);
    assert.equal(status, 404);
    assert.match(html, /Payment page not found/);
  });
});

describe('when the shopper submits the hosted page', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient({ timeScale: 1 })));
  after(() => sb.close());

  it('pays with the success card: PAID and 303 to successUrl with trxNo and mchOrderNo appended', async () => {
    const { redirectUrl, trxNo, mchOrderNo } = await client.checkout();
    const answer = await submit(String(redirectUrl), { action: 'pay', card: 'success' });
    assert.equal(answer.status, 303);
    const location = new URL(String(answer.location));
    assert.equal(location.origin + location.pathname, 'https://shop.example/return');
    assert.equal(location.searchParams.get('ok'), '1', 'keeps the URL’s own parameters');
    assert.equal(location.searchParams.get('trxNo'), trxNo);
    assert.equal(location.searchParams.get('mchOrderNo'), mchOrderNo);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'PAID');
  });

  it('fails with the declined card: FAILED and 303 to cancelUrl', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const answer = await submit(String(redirectUrl), { action: 'pay', card: 'declined' });
    assert.equal(answer.status, 303);
    assert.match(String(answer.location), /^https:\/\/shop\.example\/cancel\?trxNo=TRX/);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'FAILED');
    assert.equal(sb.state.payment(String(trxNo))?.failureReason, 'card_declined');
  });

  it('fails with the insufficient-funds card', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    await submit(String(redirectUrl), { action: 'pay', card: 'insufficient_funds' });
    assert.equal(sb.state.payment(String(trxNo))?.failureReason, 'insufficient_funds');
  });

  it('sends the slow card to successUrl while the payment stays PAYING', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const answer = await submit(String(redirectUrl), { action: 'pay', card: 'slow' });
    assert.match(String(answer.location), /^https:\/\/shop\.example\/return/);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'PAYING');
    const again = await page(String(redirectUrl));
    assert.match(again.html, /being processed/);
  });

  it('cancels: CANCELLED and 303 to cancelUrl', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const answer = await submit(String(redirectUrl), { action: 'cancel' });
    assert.equal(answer.status, 303);
    assert.match(String(answer.location), /^https:\/\/shop\.example\/cancel\?/);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'CANCELLED');
  });

  it('shows a finished page, and refuses a second submission with 409', async () => {
    const { redirectUrl } = await client.checkout();
    await submit(String(redirectUrl), { action: 'pay', card: 'success' });
    const shown = await page(String(redirectUrl));
    assert.match(shown.html, /This payment is complete/);
    assert.match(shown.html, /Return to/);
    const again = await submit(String(redirectUrl), { action: 'pay', card: 'success' });
    assert.equal(again.status, 409);
  });

  it('refuses an unknown action with 400 and shows the form again', async () => {
    const { redirectUrl } = await client.checkout();
    const answer = await submit(String(redirectUrl), { action: 'steal' });
    assert.equal(answer.status, 400);
    assert.match(answer.html, /Test card/);
  });
});

describe('when the session outlives sessionTtlSeconds', () => {
  it('shows an expired page (410), and the payment is EXPIRED', async () => {
    const { sb, client } = await sandboxWithClient({ sessionTtlSeconds: 60 });
    try {
      const { redirectUrl, trxNo } = await client.checkout();
      await sb.clock.advance(61_000);
      const shown = await page(String(redirectUrl));
      assert.equal(shown.status, 410);
      assert.match(shown.html, /expired/);
      assert.equal(sb.state.payment(String(trxNo))?.status, 'EXPIRED');
      const answer = await submit(String(redirectUrl), { action: 'pay', card: 'success' });
      assert.equal(answer.status, 410);
    } finally {
      await sb.close();
    }
  });
});

describe('when the buyer never returns to the shop', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('pays but answers a final page instead of the redirect, until switched back', async () => {
    sb.setBuyerReturns(false);
    const { redirectUrl, trxNo } = await client.checkout();
    const paid = await submit(String(redirectUrl), { action: 'pay', card: 'success' });
    assert.equal(paid.status, 200);
    assert.equal(paid.location, null);
    assert.match(paid.html, /This payment is complete/);
    assert.doesNotMatch(paid.html, /shop\.example/);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'PAID');

    const control = await fetch(`${sb.url}/__sandbox/buyer-returns`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"returns":true}',
    });
    assert.deepEqual(await control.json(), { returns: true });
    const next = await client.checkout();
    assert.equal((await submit(String(next.redirectUrl), { action: 'cancel' })).status, 303);
  });

  it('is switched off again by reset()', async () => {
    sb.setBuyerReturns(false);
    sb.reset();
    const answer = (await (await fetch(`${sb.url}/__sandbox/buyer-returns`)).json()) as {
      returns: boolean;
    };
    assert.equal(answer.returns, true);
  });
});
