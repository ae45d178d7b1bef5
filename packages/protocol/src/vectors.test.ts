// The known-answer vectors every implementation of the signatures reads: re-checked here with
// node:crypto, a third implementation, so a vector file cannot carry a wrong answer.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import signatures from '../vectors/signatures.json' with { type: 'json' };
import webhooks from '../vectors/webhooks.json' with { type: 'json' };
import type { SignatureVector, WebhookSignatureVector } from './index.js';

const requestVectors: SignatureVector[] = signatures.vectors;
const webhookVectors: WebhookSignatureVector[] = webhooks.vectors;

function hmac(key: string, text: string): string {
  return createHmac('sha512', Buffer.from(key, 'utf8'))
    .update(Buffer.from(text, 'utf8'))
    .digest('base64');
}

describe('the request signature vectors', () => {
  it('start with the vector WPay publishes (wpay-api.md §3)', () => {
    assert.match(requestVectors[0]?.source ?? '', /wpay-api\.md §3/);
  });

  it('join METHOD, TIMESTAMP, PATH, QUERY and BODY with no separator', () => {
    for (const v of requestVectors) {
      assert.equal(v.stringToSign, `${v.method}${v.timestamp}${v.path}${v.query}${v.body}`, v.name);
    }
  });

  it('hold the Base64 HMAC-SHA512 of the string to sign', () => {
    for (const v of requestVectors)
      assert.equal(hmac(v.signKey, v.stringToSign), v.signature, v.name);
  });

  it('cover a query string, an empty body and a UTF-8 body', () => {
    assert.ok(requestVectors.some((v) => v.query !== '' && v.body === ''));
    assert.ok(requestVectors.some((v) => Buffer.byteLength(v.body) > v.body.length));
  });
});

describe('the webhook signature vectors', () => {
  it('sign TIMESTAMP + raw body', () => {
    for (const v of webhookVectors) {
      assert.equal(v.stringToSign, `${v.timestamp}${v.body}`, v.name);
      assert.equal(hmac(v.signKey, v.stringToSign), v.signature, v.name);
    }
  });

  it('carry the timestamp as the header text, in milliseconds', () => {
    for (const v of webhookVectors) assert.match(v.timestamp, /^\d{13}$/, v.name);
  });

  it('cover a UTF-8 body', () => {
    assert.ok(webhookVectors.some((v) => Buffer.byteLength(v.body) > v.body.length));
  });
});
