import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bytesToSign, createSigner, signRequest, verifySignature } from './sign.js';

const VECTOR = {
  signKey: 'aR2822Y6XbehWMclnB0Y2NJK',
  stringToSign: 'POST1636360661729/openapi/test{"a":"124"}',
  signature:
    'MxrYnCm9Q7JOAvOrISf8+T2kuTW1d/w0at8aaPaoiX08VWfun3XPokVlIx1TkHXdcitls09wzfUGtXQZq23xdg==',
};
const PARTS = {
  method: 'POST',
  timestamp: 1636360661729,
  path: '/openapi/test',
  body: '{"a":"124"}',
};

describe('request signatures', () => {
  it('passes the known-answer vector of wpay-api.md §3', async () => {
    assert.equal(await createSigner(VECTOR.signKey).sign(VECTOR.stringToSign), VECTOR.signature);
    assert.equal(await signRequest(PARTS, { signKey: VECTOR.signKey }), VECTOR.signature);
  });

  it('joins METHOD, TIMESTAMP, PATH, QUERY and BODY with no separator', () => {
    const text = new TextDecoder().decode(
      bytesToSign({ method: 'post', timestamp: 5, path: '/p', query: 'a=1', body: '{}' }),
    );
    assert.equal(text, 'POST5/pa=1{}');
  });

  it('signs body bytes exactly like the same text', async () => {
    const bytes = new TextEncoder().encode(PARTS.body);
    assert.equal(
      await signRequest({ ...PARTS, body: bytes }, { signKey: VECTOR.signKey }),
      VECTOR.signature,
    );
  });

  it('signs UTF-8 bodies', async () => {
    const signer = createSigner(VECTOR.signKey);
    const body = '{"reason":"café ☕"}';
    const signature = await signer.sign(bytesToSign({ ...PARTS, body }));
    assert.ok(await verifySignature({ ...PARTS, body }, signature, { signKey: VECTOR.signKey }));
  });

  describe('when verifying', () => {
    it('accepts the vector', async () => {
      assert.ok(await verifySignature(PARTS, VECTOR.signature, { signKey: VECTOR.signKey }));
    });

    it('refuses a signature made with another key', async () => {
      assert.equal(await verifySignature(PARTS, VECTOR.signature, { signKey: 'other' }), false);
    });

    it('refuses a changed body', async () => {
      const parts = { ...PARTS, body: '{"a":"125"}' };
      assert.equal(
        await verifySignature(parts, VECTOR.signature, { signKey: VECTOR.signKey }),
        false,
      );
    });

    it('refuses a changed timestamp', async () => {
      const parts = { ...PARTS, timestamp: PARTS.timestamp + 1 };
      assert.equal(
        await verifySignature(parts, VECTOR.signature, { signKey: VECTOR.signKey }),
        false,
      );
    });

    it('refuses malformed Base64 without throwing', async () => {
      for (const signature of [
        '',
        'not base64!',
        'AAAA',
        VECTOR.signature.replace(/g==$/, 'h=='),
        ` ${VECTOR.signature}`,
        VECTOR.signature.replaceAll('+', '-').replaceAll('/', '_'),
      ]) {
        assert.equal(await verifySignature(PARTS, signature, { signKey: VECTOR.signKey }), false);
      }
    });
  });
});
