import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from './index.js';
import {
  checkoutBody,
  HPP,
  type Receiver,
  responseSignatureValid,
  sandboxWithReceiver,
  TestClient,
} from './test/wpay-client.js';

describe('when a client calls the sandbox in-process through sb.fetch', () => {
  let sb: Sandbox;
  let receiver: Receiver;
  let client: TestClient;
  before(async () => {
    ({ sb, receiver } = await sandboxWithReceiver());
    client = new TestClient(sb, sb.fetch);
  });
  after(async () => {
    await sb.close();
    await receiver.close();
  });

  it('fetches a token and creates a hosted page, the answer signed like over HTTP', async () => {
    const answer = await client.call(HPP, checkoutBody());
    assert.equal(answer.status, 200);
    assert.equal(answer.json.retcode, '200');
    assert.ok(
      responseSignatureValid(answer, sb.credentials.signKey, { method: 'POST', path: HPP }),
    );
    assert.equal(sb.stats().tokenRequests, 1);
  });

  it('serves the hosted page and the control API, and still delivers webhooks over HTTP', async () => {
    const { trxNo, redirectUrl } = (await client.call(HPP, checkoutBody())).json.retdata as {
      trxNo: string;
      redirectUrl: string;
    };
    const page = await sb.fetch(redirectUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Complete your payment/);
    const paid = await sb.fetch(`${sb.url}/__sandbox/payments/${trxNo}/pay`, { method: 'POST' });
    assert.equal(paid.status, 200);
    await sb.waitForDeliveries({ eventType: 'credit_card.order.paid' });
    assert.ok(receiver.received.some((r) => r.json.eventType === 'credit_card.order.paid'));
  });

  it('holds a timeout fault until the caller aborts, then rejects with its reason', async () => {
    sb.faults.add({ kind: 'timeout', path: HPP, times: 1 });
    const gaveUp = new AbortController();
    const held = sb.fetch(`${sb.url}${HPP}`, { method: 'POST', body: '{}', signal: gaveUp.signal });
    await sb.fetch(`${sb.url}/__sandbox/state`); // the held call has reached the fault by now
    gaveUp.abort(new Error('client timeout'));
    await assert.rejects(held, /client timeout/);
  });

  it('drops a timeout fault with a hold like a network error', async () => {
    sb.faults.add({ kind: 'timeout', path: HPP, times: 1, holdMs: 10 });
    await assert.rejects(sb.fetch(`${sb.url}${HPP}`, { method: 'POST', body: '{}' }), {
      name: 'TypeError',
      message: 'fetch failed',
    });
  });
});
