// `wpay.webhooks` and `wpay.webhookHandler`: the client's own settings and keys drive them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { WPayConfigError, WPayWebhookError } from './errors.js';
import type { WPayOptions } from './options.js';
import { signWebhook } from './webhooks/sign-webhook.js';
import { WPay } from './wpay.js';

const NOW = 1_760_000_000_000;
const signKey = 'sign-key-now';
const OPTIONS: WPayOptions = {
  apiKey: 'key',
  apiSecret: 'secret',
  signKey,
  environment: 'sandbox',
  now: () => NOW,
};
const BODY = JSON.stringify({
  eventId: 'evt_1',
  eventType: 'credit_card.order.paid',
  createTime: '2026-04-23T10:00:00',
  data: { trxNo: 'TRX1', status: 'PAID' },
});

async function delivery({ key = signKey, timestamp = NOW } = {}): Promise<Request> {
  const { headers } = await signWebhook(BODY, { signKey: key, timestamp });
  return new Request('https://shop.example/api/wpay/webhook', {
    method: 'POST',
    headers,
    body: BODY,
  });
}

async function refusal(promise: Promise<unknown>): Promise<WPayWebhookError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WPayWebhookError, String(error));
    return error;
  }
  assert.fail('expected a WPayWebhookError');
}

describe('when the client has webhook settings', () => {
  it('verifies within the default ±2 minutes, and no further', async () => {
    const wpay = new WPay(OPTIONS);
    const ok = await delivery({ timestamp: NOW - 119_000 });
    assert.equal((await wpay.webhooks.verify(BODY, ok.headers)).eventId, 'evt_1');
    const stale = await delivery({ timestamp: NOW - 121_000 });
    const error = await refusal(wpay.webhooks.verify(BODY, stale.headers));
    assert.equal(error.reason, 'timestamp_too_old');
  });

  it('verifies with its webhooks.toleranceMs', async () => {
    const wpay = new WPay({ ...OPTIONS, webhooks: { toleranceMs: 300_000 } });
    const old = await delivery({ timestamp: NOW - 240_000 });
    assert.equal((await wpay.webhooks.verify(BODY, old.headers)).eventId, 'evt_1');
  });

  it('reads its header names from the protocol.headers setting', async () => {
    const wpay = new WPay({
      ...OPTIONS,
      protocol: { headers: { signature: 'D-SIGNATURE', timestamp: 'D-TIMESTAMP' } },
    });
    const { signature, timestamp } = await signWebhook(BODY, { signKey, timestamp: NOW });
    const headers = { 'd-signature': signature, 'd-timestamp': timestamp };
    assert.equal((await wpay.webhooks.verify(BODY, headers)).eventId, 'evt_1');
  });

  it('acknowledges with its webhooks.ackBody, unless the handler says otherwise', async () => {
    const wpay = new WPay({ ...OPTIONS, webhooks: { ackBody: 'OK' } });
    assert.equal(await (await wpay.webhookHandler()(await delivery())).text(), 'OK');
    const own = wpay.webhookHandler({ ackBody: 'DONE', dedupe: false });
    assert.equal(await (await own(await delivery())).text(), 'DONE');
  });

  it('acknowledges with SUCCESS by default', async () => {
    const res = await new WPay(OPTIONS).webhookHandler()(await delivery());
    assert.equal(res.status, 200);
    assert.equal(await res.text(), 'SUCCESS');
  });
});

describe('when the sign key is rotated (webhookSignKeys)', () => {
  const oldKey = 'sign-key-before';
  const rotating = () => new WPay({ ...OPTIONS, webhookSignKeys: [oldKey] });

  it('verifies a webhook signed with the current signKey', async () => {
    const { headers } = await delivery();
    assert.equal((await rotating().webhooks.verify(BODY, headers)).eventId, 'evt_1');
  });

  it('verifies a webhook signed with a previous key', async () => {
    const { headers } = await delivery({ key: oldKey });
    assert.equal((await rotating().webhooks.verify(BODY, headers)).eventId, 'evt_1');
  });

  it('refuses a webhook signed with another key', async () => {
    const { headers } = await delivery({ key: 'sign-key-of-someone-else' });
    const error = await refusal(rotating().webhooks.verify(BODY, headers));
    assert.equal(error.reason, 'signature_mismatch');
  });

  it('lets webhookHandler accept both keys and refuse others', async () => {
    const handler = rotating().webhookHandler({ dedupe: false });
    assert.equal((await handler(await delivery())).status, 200);
    assert.equal((await handler(await delivery({ key: oldKey }))).status, 200);
    assert.equal((await handler(await delivery({ key: 'sign-key-other' }))).status, 401);
  });

  it('refuses the previous key without webhookSignKeys', async () => {
    const { headers } = await delivery({ key: oldKey });
    const error = await refusal(new WPay(OPTIONS).webhooks.verify(BODY, headers));
    assert.equal(error.reason, 'signature_mismatch');
  });

  it('still signs with signKey only', async () => {
    const signed = await rotating().webhooks.sign(BODY, { timestamp: NOW });
    const current = await signWebhook(BODY, { signKey, timestamp: NOW });
    assert.equal(signed.signature, current.signature);
  });

  it('keeps the keys out of settings, JSON and inspection', () => {
    const wpay = rotating();
    assert.doesNotMatch(JSON.stringify(wpay.settings), /sign-key-before/);
    assert.doesNotMatch(JSON.stringify(wpay), /sign-key-before/);
    assert.doesNotMatch(inspect(wpay, { depth: 10, showHidden: true }), /sign-key-before/);
  });

  it('refuses an empty key, naming the field', () => {
    assert.throws(
      () => new WPay({ ...OPTIONS, webhookSignKeys: [oldKey, ''] }),
      (error: unknown) => error instanceof WPayConfigError && error.field === 'webhookSignKeys.1',
    );
  });
});
