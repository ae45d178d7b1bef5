import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import {
  closeAll,
  type Receiver,
  sandboxWithReceiver,
  type TestClient,
} from '../test/wpay-client.js';

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

/** The event types the receiver got for one payment. */
const eventTypes = (receiver: Receiver, trxNo: string) =>
  receiver.received
    .filter((r) => (r.json.data as { trxNo?: string }).trxNo === trxNo)
    .map((r) => String(r.json.eventType));

describe('when the shopper pays with a 3-D Secure card', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  before(
    async () => ({ sb, client, receiver } = await sandboxWithReceiver({ sessionTtlSeconds: 600 })),
  );
  after(() => closeAll(sb, receiver));

  /** Opens a checkout and submits the challenge card; answers the challenge page's URL. */
  const challenged = async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const posted = await submit(String(redirectUrl), { action: 'pay', card: '3ds_challenge' });
    assert.equal(posted.status, 303);
    assert.equal(posted.location, `${new URL(String(redirectUrl)).pathname}/challenge`);
    return {
      challengeUrl: `${String(redirectUrl)}/challenge`,
      redirectUrl: String(redirectUrl),
      trxNo: String(trxNo),
    };
  };

  it('shows a script-free challenge page with Approve, Fail and Abandon', async () => {
    const { challengeUrl, redirectUrl, trxNo } = await challenged();
    const response = await fetch(challengeUrl);
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.doesNotMatch(html, /<script/i);
    assert.match(
      String(response.headers.get('content-security-policy')),
      /script-src 'none'|default-src 'none'/,
    );
    for (const outcome of ['approve', 'fail', 'abandon']) {
      assert.match(
        html,
        new RegExp(`<button type="submit"[^>]* name="outcome" value="${outcome}">`),
      );
    }
    assert.equal(sb.state.payment(trxNo)?.status, 'PAYING', 'nothing is decided yet');
    const back = await fetch(redirectUrl, { redirect: 'manual' });
    assert.equal(back.status, 303, 'the page itself leads back to the waiting challenge');
    assert.equal(back.headers.get('location'), new URL(challengeUrl).pathname);
  });

  it('pays once the challenge is approved, and returns to the shop', async () => {
    const { challengeUrl, trxNo } = await challenged();
    const answer = await submit(challengeUrl, { outcome: 'approve' });
    assert.equal(answer.status, 303);
    assert.match(String(answer.location), /^https:\/\/shop\.example\/return\?ok=1&trxNo=/);
    assert.equal(sb.state.payment(trxNo)?.status, 'PAID');
    const again = await submit(challengeUrl, { outcome: 'fail' });
    assert.equal(again.status, 409, 'a challenge is answered once');
  });

  it('declines with authentication_failed when the challenge fails', async () => {
    const { challengeUrl, trxNo } = await challenged();
    const answer = await submit(challengeUrl, { outcome: 'fail' });
    assert.equal(answer.status, 303);
    assert.match(String(answer.location), /^https:\/\/shop\.example\/cancel\?trxNo=/);
    const payment = sb.state.payment(trxNo);
    assert.equal(payment?.status, 'FAILED');
    assert.equal(payment?.failureReason, 'authentication_failed');
    await sb.idle();
    assert.deepEqual(eventTypes(receiver, trxNo), ['credit_card.order.failed']);
  });

  it('leaves an abandoned challenge PAYING until the session expires on the sandbox clock', async () => {
    const { challengeUrl, trxNo } = await challenged();
    const answer = await submit(challengeUrl, { outcome: 'abandon' });
    assert.equal(answer.status, 200);
    assert.match(answer.html, /Authentication abandoned/);
    assert.doesNotMatch(answer.html, /shop\.example/, 'no way back: the buyer left');
    assert.equal(sb.state.payment(trxNo)?.status, 'PAYING');
    await sb.clock.advance(601_000);
    assert.equal(sb.state.payment(trxNo)?.status, 'EXPIRED');
    await sb.idle();
    assert.deepEqual(eventTypes(receiver, trxNo), ['credit_card.order.expired']);
  });

  it('expires a challenge nobody answers, then refuses it (410)', async () => {
    const { challengeUrl, trxNo } = await challenged();
    await sb.clock.advance(601_000);
    assert.equal(sb.state.payment(trxNo)?.status, 'EXPIRED');
    assert.equal((await submit(challengeUrl, { outcome: 'approve' })).status, 410);
  });

  it('refuses an unknown outcome with the challenge page again (400)', async () => {
    const { challengeUrl } = await challenged();
    const answer = await submit(challengeUrl, { outcome: 'maybe' });
    assert.equal(answer.status, 400);
    assert.match(answer.html, /value="approve"/);
  });

  it('pays a frictionless 3-D Secure card at once, without a challenge', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const posted = await submit(String(redirectUrl), { action: 'pay', card: '3ds_frictionless' });
    assert.equal(posted.status, 303);
    assert.match(String(posted.location), /^https:\/\/shop\.example\/return/);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'PAID');
  });

  it('declines the authentication-required card with authentication_required', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const posted = await submit(String(redirectUrl), {
      action: 'pay',
      card: 'authentication_required',
    });
    assert.match(String(posted.location), /^https:\/\/shop\.example\/cancel/);
    const payment = sb.state.payment(String(trxNo));
    assert.equal(payment?.status, 'FAILED');
    assert.equal(payment?.failureReason, 'authentication_required');
  });

  it('answers the challenge from JS and the control API too', async () => {
    const first = await client.checkout();
    const paid = await sb.pay(String(first.trxNo), { card: '3ds_challenge', threeDS: 'approve' });
    assert.equal(paid.status, 'PAID');

    const second = await client.checkout();
    const waiting = await sb.pay(String(second.trxNo), { card: '3ds_challenge' });
    assert.equal(waiting.status, 'PAYING');
    const failed = await sb.answerChallenge(String(second.trxNo), 'fail');
    assert.equal(failed.status, 'FAILED');
    await assert.rejects(
      sb.answerChallenge(String(second.trxNo), 'approve'),
      /no 3-D Secure challenge waiting/,
    );

    const third = await client.checkout();
    const control = (path: string, body: unknown) =>
      fetch(`${sb.url}/__sandbox/payments/${String(third.trxNo)}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    assert.equal((await control('pay', { card: '3ds_challenge' })).status, 200);
    const answered = await control('challenge', { outcome: 'abandon' });
    assert.equal(answered.status, 200);
    assert.equal(
      ((await answered.json()) as { payment: { status: string } }).payment.status,
      'PAYING',
    );
    assert.equal((await control('challenge', { outcome: 'approve' })).status, 409);
  });

  it('fails a renewal with a challenge card: no buyer is there to answer it', async () => {
    const subscriptionId = await client.subscribe();
    sb.setRenewalCard(subscriptionId, '3ds_challenge');
    await sb.clock.advanceBy({ months: 1 });
    const bill = sb.state.bills.filter((b) => b.subscriptionId === subscriptionId).at(-1);
    assert.equal(bill?.status, 'FAILED');
    assert.equal(bill?.failureReason, 'authentication_required');
  });
});
