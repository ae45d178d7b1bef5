import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SignatureVector, WebhookSignatureVector } from '@wpay/protocol';
import signatures from '@wpay/protocol/vectors/signatures.json' with { type: 'json' };
import webhooks from '@wpay/protocol/vectors/webhooks.json' with { type: 'json' };
import { hmacBase64, signaturesMatch, signRequest, signWebhook } from './signature.js';

const VECTORS: SignatureVector[] = signatures.vectors;
const WEBHOOK_VECTORS: WebhookSignatureVector[] = webhooks.vectors;
// wpay-api.md §3's published vector: the one the edge cases below start from.
const VECTOR = VECTORS[0] as SignatureVector;

describe('when signing the known-answer vectors of @wpay/protocol', () => {
  it('produces every request signature from its parts, the body as raw bytes', () => {
    for (const v of VECTORS) {
      const parts = { ...v, timestamp: String(v.timestamp), body: Buffer.from(v.body, 'utf8') };
      assert.equal(signRequest(v.signKey, parts), v.signature, v.name);
    }
  });

  it('produces every webhook signature', () => {
    for (const v of WEBHOOK_VECTORS) {
      assert.equal(signWebhook(v.signKey, v.timestamp, v.body), v.signature, v.name);
    }
  });
});

describe('when signing with the known-answer vector of wpay-api.md §3', () => {
  it('produces the published signature from the string to sign', () => {
    assert.equal(hmacBase64(VECTOR.signKey, [VECTOR.stringToSign]), VECTOR.signature);
  });

  it('produces the same signature from the request parts, the body as raw bytes', () => {
    const signature = signRequest(VECTOR.signKey, {
      method: 'post',
      timestamp: '1636360661729',
      path: '/openapi/test',
      query: '',
      body: Buffer.from('{"a":"124"}', 'utf8'),
    });
    assert.equal(signature, VECTOR.signature);
  });

  it('produces another signature when one byte of the body changes', () => {
    const signature = signRequest(VECTOR.signKey, {
      method: 'POST',
      timestamp: '1636360661729',
      path: '/openapi/test',
      query: '',
      body: '{"a":"125"}',
    });
    assert.notEqual(signature, VECTOR.signature);
  });

  it('produces another signature with another key', () => {
    assert.notEqual(hmacBase64('another-key', [VECTOR.stringToSign]), VECTOR.signature);
  });
});

describe('when signing with many keys in turn (each kept prepared)', () => {
  it('signs with the right key every time, past the number of keys kept', () => {
    for (let i = 0; i < 200; i++) {
      assert.equal(hmacBase64(VECTOR.signKey, [VECTOR.stringToSign]), VECTOR.signature);
      assert.notEqual(hmacBase64(`other-key-${i}`, [VECTOR.stringToSign]), VECTOR.signature);
    }
  });

  it('signs with an empty key as with any other', () => {
    assert.equal(hmacBase64('', ['POST1/a']), hmacBase64('', ['POST1/', 'a']));
    assert.notEqual(hmacBase64('', ['POST1/a']), hmacBase64('k', ['POST1/a']));
  });
});

describe('when signing a webhook', () => {
  it('signs TIMESTAMP + body', () => {
    assert.equal(
      signWebhook(VECTOR.signKey, '1636360661729', '{"a":"124"}'),
      hmacBase64(VECTOR.signKey, ['1636360661729{"a":"124"}']),
    );
  });
});

describe('when comparing signatures', () => {
  it('accepts an identical signature', () => {
    assert.equal(signaturesMatch(VECTOR.signature, VECTOR.signature), true);
  });

  it('refuses a signature of another length', () => {
    assert.equal(signaturesMatch(`${VECTOR.signature}x`, VECTOR.signature), false);
  });

  it('refuses a signature that differs in one character', () => {
    assert.equal(signaturesMatch(`A${VECTOR.signature.slice(1)}`, VECTOR.signature), false);
  });
});
