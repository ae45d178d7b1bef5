import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bodyFingerprint } from './body-fingerprint.js';

// SHA-256 of the canonical JSON `{"a":2,"b":[1,{"c":"é"}]}` (UTF-8), by `sha256sum`.
const BODY = { b: [1, { c: 'é' }], a: 2 };
const EXPECTED = 'f159c6b870e744593d342350004b480cb6ceede5ec2b71ab78106d821237348e';

/** A Web Crypto that records each digest it makes. */
function recordingCrypto(): { crypto: Pick<Crypto, 'subtle'>; digests: number } {
  const recorder = {
    digests: 0,
    crypto: {
      subtle: {
        digest: (algorithm: AlgorithmIdentifier, data: BufferSource) => {
          recorder.digests++;
          return globalThis.crypto.subtle.digest(algorithm, data);
        },
      } as SubtleCrypto,
    },
  };
  return recorder;
}

describe('when a body is fingerprinted', () => {
  it('gives the SHA-256 hex of its JSON with sorted keys', async () => {
    assert.equal(await bodyFingerprint(BODY), EXPECTED);
  });

  it('hashes through node:crypto where the runtime has it, without Web Crypto', async () => {
    const recorder = recordingCrypto();
    const runtime = { process: globalThis.process, crypto: recorder.crypto };
    assert.equal(await bodyFingerprint(BODY, { runtime }), EXPECTED);
    assert.equal(recorder.digests, 0);
  });

  it('hashes through Web Crypto where node:crypto is missing (edge runtimes), to the same hex', async () => {
    const recorder = recordingCrypto();
    assert.equal(await bodyFingerprint(BODY, { runtime: { crypto: recorder.crypto } }), EXPECTED);
    assert.equal(recorder.digests, 1);
  });
});
