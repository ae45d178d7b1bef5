import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SignatureVector } from '@wpay/protocol';
import signatures from '@wpay/protocol/vectors/signatures.json' with { type: 'json' };
import { nodeHmac } from './node-hmac.js';
import { bytesToSign, createSigner, messageToSign, signRequest, verifySignature } from './sign.js';

const VECTORS: SignatureVector[] = signatures.vectors;
// wpay-api.md §3's published vector: the one the edge cases below start from.
const VECTOR = VECTORS[0] as SignatureVector;
const PARTS = {
  method: VECTOR.method,
  timestamp: VECTOR.timestamp,
  path: VECTOR.path,
  body: VECTOR.body,
};

describe('request signatures', () => {
  it('passes every known-answer vector of @wpay/protocol (wpay-api.md §3 first)', async () => {
    for (const v of VECTORS) {
      assert.equal(await createSigner(v.signKey).sign(v.stringToSign), v.signature, v.name);
      assert.equal(new TextDecoder().decode(bytesToSign(v)), v.stringToSign, v.name);
      assert.equal(await signRequest(v, { signKey: v.signKey }), v.signature, v.name);
      assert.ok(await verifySignature(v, v.signature, { signKey: v.signKey }), v.name);
    }
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

describe('when choosing the HMAC implementation', () => {
  const webCryptoOnly = { subtle: globalThis.crypto.subtle }; // an injected Web Crypto

  it('signs through node:crypto on Node, without being told', () => {
    assert.equal(createSigner(VECTOR.signKey).backend, 'node:crypto');
    assert.equal(
      createSigner(VECTOR.signKey, { crypto: globalThis.crypto }).backend,
      'node:crypto',
    );
  });

  it('uses the Web Crypto it is given, as edge runtimes do', () => {
    assert.equal(createSigner(VECTOR.signKey, { crypto: webCryptoOnly }).backend, 'web-crypto');
  });

  it('finds no node:crypto in a runtime without process.getBuiltinModule (edge)', () => {
    assert.equal(nodeHmac({}), undefined);
    assert.equal(nodeHmac({ process: {} }), undefined);
    assert.notEqual(nodeHmac(globalThis), undefined);
  });

  it('verifies synchronously through node:crypto (verifyNow), as verify does', () => {
    for (const v of VECTORS) {
      const signer = createSigner(v.signKey);
      assert.equal(signer.verifyNow?.(bytesToSign(v), v.signature), true, v.name);
      assert.equal(signer.verifyNow?.(`${v.stringToSign} `, v.signature), false, v.name);
      assert.equal(signer.verifyNow?.(bytesToSign(v), `${v.signature} `), false, v.name);
    }
    assert.equal(createSigner(VECTOR.signKey, { crypto: webCryptoOnly }).verifyNow, undefined);
  });

  it('signs synchronously through node:crypto (signNow), as sign does', async () => {
    for (const v of VECTORS) {
      const signer = createSigner(v.signKey);
      assert.equal(signer.signNow?.(v.stringToSign), v.signature, v.name);
      assert.equal(signer.signNow?.(bytesToSign(v)), v.signature, v.name);
      assert.equal(signer.signNow?.(messageToSign(v)), await signer.sign(bytesToSign(v)), v.name);
    }
    assert.equal(createSigner(VECTOR.signKey, { crypto: webCryptoOnly }).signNow, undefined);
  });

  for (const [name, crypto] of [
    ['node:crypto', undefined],
    ['Web Crypto', webCryptoOnly],
  ] as const) {
    describe(`when signing through ${name}`, () => {
      const options = crypto ? { crypto } : {};

      it('passes every known-answer vector, as text and as bytes', async () => {
        for (const v of VECTORS) {
          const signer = createSigner(v.signKey, options);
          assert.equal(await signer.sign(v.stringToSign), v.signature, v.name);
          assert.equal(await signer.sign(bytesToSign(v)), v.signature, v.name);
          assert.ok(await signer.verify(bytesToSign(v), v.signature), v.name);
        }
      });

      it('refuses another key, a changed message and every non-canonical spelling', async () => {
        const signer = createSigner(VECTOR.signKey, options);
        const message = bytesToSign(PARTS);
        assert.equal(await createSigner('other', options).verify(message, VECTOR.signature), false);
        assert.equal(await signer.verify(`${VECTOR.stringToSign} `, VECTOR.signature), false);
        for (const signature of [
          '',
          'not base64!',
          'AAAA',
          VECTOR.signature.replace(/g==$/, 'h=='),
          VECTOR.signature.replace(/==$/, ''),
          ` ${VECTOR.signature}`,
          `${VECTOR.signature}\n`,
          VECTOR.signature.replaceAll('+', '-').replaceAll('/', '_'),
        ]) {
          assert.equal(await signer.verify(message, signature), false, JSON.stringify(signature));
        }
      });
    });
  }
});
