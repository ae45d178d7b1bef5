import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { WPayConfigError, WPayWebhookError } from '../errors.js';
import { createWebhooks } from './create-webhooks.js';
import { signWebhook } from './sign-webhook.js';
import { verifyWebhook } from './verify-webhook.js';

const signKey = 'aR2822Y6XbehWMclnB0Y2NJK';
const NOW = 1_760_000_000_000;
const now = () => NOW;
const body = JSON.stringify({
  eventId: 'evt_1',
  eventType: 'credit_card.order.paid',
  createTime: '2026-04-23T10:00:00',
  data: {
    id: 1,
    trxNo: 'TRX1001',
    mchOrderNo: 'order_1',
    status: 'PAID',
    amount: 9.99,
    currency: 'USD',
  },
});

/** An independent signer (node:crypto), so verify and sign cannot share a mistake. */
function nodeSign(key: string, timestamp: string, raw: string): string {
  return createHmac('sha512', key).update(`${timestamp}${raw}`, 'utf8').digest('base64');
}

function headersFor(raw: string, { key = signKey, timestamp = NOW } = {}) {
  return { SIGNATURE: nodeSign(key, String(timestamp), raw), TIMESTAMP: String(timestamp) };
}

/** The 15 other spellings of a padded Base64 value: same bytes, other unused trailing bits. */
function otherTrailingBits(signature: string): string[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const padding = signature.length - signature.replace(/=+$/, '').length;
  const at = signature.length - padding - 1;
  const unused = padding === 2 ? 4 : 2;
  const value = alphabet.indexOf(signature.charAt(at));
  const spellings: string[] = [];
  for (let bits = 1; bits < 1 << unused; bits++) {
    const char = alphabet.charAt(value ^ bits);
    spellings.push(`${signature.slice(0, at)}${char}${signature.slice(at + 1)}`);
  }
  return spellings;
}

async function refusal(promise: Promise<unknown>): Promise<WPayWebhookError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WPayWebhookError, `expected WPayWebhookError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the webhook to be refused');
}

describe('the signature primitive', () => {
  it('signWebhook signs TIMESTAMP + rawBody as an independent HMAC does', async () => {
    const signed = await signWebhook(body, { signKey, timestamp: NOW });
    assert.equal(signed.signature, nodeSign(signKey, String(NOW), body));
    assert.deepEqual(signed.headers, { SIGNATURE: signed.signature, TIMESTAMP: String(NOW) });
  });
});

describe('when a webhook is signed correctly', () => {
  it('returns the typed event', async () => {
    const event = await verifyWebhook(body, headersFor(body), { signKey, now });
    assert.equal(event.eventId, 'evt_1');
    assert.equal(event.known, true);
    if (event.eventType !== 'credit_card.order.paid') assert.fail('wrong type');
    assert.equal(event.data.trxNo, 'TRX1001');
    assert.equal(event.data.amount, 9.99);
  });

  it('accepts the raw bytes as well as the text', async () => {
    const bytes = new TextEncoder().encode(body);
    const event = await verifyWebhook(bytes, headersFor(body), { signKey, now });
    assert.equal(event.eventId, 'evt_1');
    const event2 = await verifyWebhook(bytes.buffer, headersFor(body), { signKey, now });
    assert.equal(event2.eventId, 'evt_1');
  });

  it('reads the headers in any letter case, from a plain object or a Headers object', async () => {
    const { SIGNATURE, TIMESTAMP } = headersFor(body);
    for (const headers of [
      { signature: SIGNATURE, timestamp: TIMESTAMP },
      { Signature: [SIGNATURE], TimeStamp: TIMESTAMP },
      new Headers({ signature: SIGNATURE, TIMESTAMP }),
    ]) {
      const event = await verifyWebhook(body, headers, { signKey, now });
      assert.equal(event.eventId, 'evt_1');
    }
  });

  it('accepts a timestamp just inside the window, in both directions', async () => {
    for (const timestamp of [NOW - 120_000, NOW + 120_000]) {
      const event = await verifyWebhook(body, headersFor(body, { timestamp }), { signKey, now });
      assert.equal(event.eventId, 'evt_1');
    }
  });

  it('accepts a body signed with any of the rotation keys', async () => {
    const headers = headersFor(body, { key: 'old-key' });
    const event = await verifyWebhook(body, headers, { signKeys: ['new-key', 'old-key'], now });
    assert.equal(event.eventId, 'evt_1');
  });

  it('keeps an unknown event type as an unknown kind, not an error', async () => {
    const raw = JSON.stringify({
      eventId: 'evt_9',
      eventType: 'credit_card.dispute.opened',
      data: { x: 1 },
    });
    const event = await verifyWebhook(raw, headersFor(raw), { signKey, now });
    assert.equal(event.known, false);
    assert.equal(event.eventType, 'credit_card.dispute.opened');
    assert.deepEqual(event.data, { x: 1 });
  });

  it('keeps multi-byte UTF-8 exactly as signed', async () => {
    const raw = body.replace('order_1', 'order_1","description":"Café — 東京');
    const event = await verifyWebhook(new TextEncoder().encode(raw), headersFor(raw), {
      signKey,
      now,
    });
    assert.equal(event.raw.eventId, 'evt_1');
  });
});

describe('when a webhook is not what WPay signed', () => {
  it('refuses a webhook signed with another key', async () => {
    const error = await refusal(
      verifyWebhook(body, headersFor(body, { key: 'other' }), { signKey, now }),
    );
    assert.equal(error.reason, 'signature_mismatch');
    assert.match(error.hint, /re-serialized/);
    assert.match(error.hint, /signKey/);
  });

  it('refuses a tampered body', async () => {
    const headers = headersFor(body);
    const tampered = body.replace('9.99', '0.01');
    const error = await refusal(verifyWebhook(tampered, headers, { signKey, now }));
    assert.equal(error.reason, 'signature_mismatch');
  });

  it('refuses a body parsed and re-serialized with other whitespace', async () => {
    const reserialized = JSON.stringify(JSON.parse(body), null, 2);
    const error = await refusal(verifyWebhook(reserialized, headersFor(body), { signKey, now }));
    assert.equal(error.reason, 'signature_mismatch');
  });

  it('refuses a parsed object instead of the raw body, naming the fix', async () => {
    const parsed: unknown = JSON.parse(body);
    const error = await refusal(
      verifyWebhook(parsed as string, headersFor(body), { signKey, now }),
    );
    assert.equal(error.reason, 'malformed_body');
    assert.match(error.hint, /raw/);
  });

  it('refuses a tampered timestamp (re-dated replay)', async () => {
    const headers = { ...headersFor(body, { timestamp: NOW - 600_000 }), TIMESTAMP: String(NOW) };
    const error = await refusal(verifyWebhook(body, headers, { signKey, now }));
    assert.equal(error.reason, 'signature_mismatch');
  });

  it('refuses a stale webhook (replay), naming clock skew as the other cause', async () => {
    const headers = headersFor(body, { timestamp: NOW - 120_001 });
    const error = await refusal(verifyWebhook(body, headers, { signKey, now }));
    assert.equal(error.reason, 'timestamp_too_old');
    assert.match(error.hint, /clock/);
  });

  it('refuses a webhook from the future', async () => {
    const headers = headersFor(body, { timestamp: NOW + 120_001 });
    const error = await refusal(verifyWebhook(body, headers, { signKey, now }));
    assert.equal(error.reason, 'timestamp_in_future');
  });

  it('honours a custom tolerance', async () => {
    const headers = headersFor(body, { timestamp: NOW - 10_000 });
    const error = await refusal(verifyWebhook(body, headers, { signKey, now, toleranceMs: 5_000 }));
    assert.equal(error.reason, 'timestamp_too_old');
  });

  it('refuses a timestamp spelt with spaces (the signed string is the header as sent)', async () => {
    for (const TIMESTAMP of [` ${NOW}`, `${NOW} `, `${NOW}\t`]) {
      const headers = { SIGNATURE: nodeSign(signKey, String(NOW), body), TIMESTAMP };
      const error = await refusal(verifyWebhook(body, headers, { signKey, now }));
      assert.equal(error.reason, 'bad_timestamp', JSON.stringify(TIMESTAMP));
    }
  });

  it('refuses a timestamp in seconds or as a date', async () => {
    for (const TIMESTAMP of ['2026-04-23T10:00:00Z', '1.5e12', '']) {
      const headers = { SIGNATURE: nodeSign(signKey, TIMESTAMP, body), TIMESTAMP };
      const error = await refusal(verifyWebhook(body, headers, { signKey, now }));
      assert.ok(['bad_timestamp', 'missing_header'].includes(error.reason), error.reason);
    }
  });

  it('refuses a timestamp in seconds, saying it is seconds rather than a stale webhook', async () => {
    const TIMESTAMP = String(Math.floor(NOW / 1000));
    const headers = { SIGNATURE: nodeSign(signKey, TIMESTAMP, body), TIMESTAMP };
    const error = await refusal(verifyWebhook(body, headers, { signKey, now }));
    assert.equal(error.reason, 'bad_timestamp');
    assert.match(error.message, /seconds, not milliseconds/);
  });

  it('refuses a webhook without a signature header, naming it', async () => {
    const { TIMESTAMP } = headersFor(body);
    const error = await refusal(verifyWebhook(body, { TIMESTAMP }, { signKey, now }));
    assert.equal(error.reason, 'missing_header');
    assert.match(error.message, /SIGNATURE/);
  });

  it('refuses a webhook without a timestamp header, naming it', async () => {
    const { SIGNATURE } = headersFor(body);
    const error = await refusal(verifyWebhook(body, { SIGNATURE }, { signKey, now }));
    assert.equal(error.reason, 'missing_header');
    assert.match(error.message, /TIMESTAMP/);
  });

  it('refuses a signature that is not Base64 HMAC-SHA512', async () => {
    for (const SIGNATURE of [
      'not base64!',
      'AQID',
      nodeSign(signKey, String(NOW), body).slice(4),
    ]) {
      const headers = { ...headersFor(body), SIGNATURE };
      const error = await refusal(verifyWebhook(body, headers, { signKey, now }));
      assert.equal(error.reason, 'signature_mismatch');
    }
  });

  it('refuses every other spelling of a valid signature: one signature, one spelling', async () => {
    const genuine = nodeSign(signKey, String(NOW), body);
    assert.ok(await verifyWebhook(body, headersFor(body), { signKey, now }));
    const spellings = new Set([
      ...otherTrailingBits(genuine),
      ` ${genuine}`,
      `${genuine} `,
      `${genuine}\t`,
      `${genuine.slice(0, 40)} ${genuine.slice(40)}`,
      genuine.replace(/=+$/, ''),
      `${genuine}=`,
      genuine.replaceAll('+', '-').replaceAll('/', '_'),
      `${genuine}AAAA`,
    ]);
    spellings.delete(genuine);
    assert.ok(spellings.size >= 20);
    for (const SIGNATURE of spellings) {
      const headers = { ...headersFor(body), SIGNATURE };
      const error = await refusal(verifyWebhook(body, headers, { signKey, now }));
      assert.equal(error.reason, 'signature_mismatch', JSON.stringify(SIGNATURE));
    }
  });

  it('refuses a correctly signed body that is not JSON', async () => {
    const raw = 'eventId=1';
    const error = await refusal(verifyWebhook(raw, headersFor(raw), { signKey, now }));
    assert.equal(error.reason, 'malformed_body');
  });

  it('refuses a correctly signed JSON body without an eventId', async () => {
    const raw = JSON.stringify({ ...JSON.parse(body), eventId: undefined });
    const error = await refusal(verifyWebhook(raw, headersFor(raw), { signKey, now }));
    assert.equal(error.reason, 'invalid_event');
    assert.match(error.message, /eventId: must be a non-empty string/);
  });

  it('refuses a known event whose data lacks its identifier, naming the field', async () => {
    const raw = JSON.stringify({ ...JSON.parse(body), data: { status: 'PAID' } });
    const error = await refusal(verifyWebhook(raw, headersFor(raw), { signKey, now }));
    assert.equal(error.reason, 'invalid_event');
    assert.match(error.message, /data\.trxNo/);
  });

  it('never puts the sign key in an error', async () => {
    const error = await refusal(
      verifyWebhook(body, headersFor(body, { key: 'x' }), { signKey, now }),
    );
    assert.ok(!`${error.message} ${error.hint} ${error.stack}`.includes(signKey));
  });
});

/** Whether `promise` has settled before one turn of the microtask queue. */
async function settledAtOnce(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  await Promise.resolve();
  return settled;
}

describe('when webhooks.verify runs on node:crypto', () => {
  const webhooks = createWebhooks({ signKey, now });

  it('checks a delivery at once: its promise is settled, with no await inside', async () => {
    const genuine = webhooks.verify(body, headersFor(body));
    assert.equal(await settledAtOnce(genuine), true);
    assert.equal((await genuine).eventId, 'evt_1');
    const forged = webhooks.verify(body, headersFor(body, { key: 'another-key' }));
    assert.equal(await settledAtOnce(forged), true);
    assert.equal((await refusal(forged)).reason, 'signature_mismatch');
  });

  it('refuses through the promise, never by throwing', async () => {
    let answer: Promise<unknown> | undefined;
    assert.doesNotThrow(() => {
      answer = webhooks.verify(body, {});
    });
    assert.equal((await refusal(answer as Promise<unknown>)).reason, 'missing_header');
  });

  it('gives the same event and refusals on Web Crypto, which answers later', async () => {
    // A Web Crypto other than the global one is always used (the global one means node:crypto).
    const web = createWebhooks({ signKey, now, crypto: { subtle: globalThis.crypto.subtle } });
    const genuine = web.verify(body, headersFor(body));
    assert.equal(await settledAtOnce(genuine), false);
    assert.deepEqual(await genuine, await webhooks.verify(body, headersFor(body)));
    const forged = headersFor(body, { key: 'another-key' });
    assert.equal((await refusal(web.verify(body, forged))).reason, 'signature_mismatch');
  });
});

describe('when the options are wrong', () => {
  it('throws a config error without any sign key', async () => {
    await assert.rejects(verifyWebhook(body, headersFor(body), { now }), WPayConfigError);
    await assert.rejects(
      verifyWebhook(body, headersFor(body), { signKeys: [''] }),
      WPayConfigError,
    );
  });
});
