import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base64ToBytes, bytesToBase64 } from './base64.js';

describe('base64ToBytes', () => {
  it('reads what bytesToBase64 writes, for every length of padding', () => {
    for (const length of [0, 1, 2, 3, 64]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) % 256);
      assert.deepEqual(base64ToBytes(bytesToBase64(bytes)), bytes);
    }
  });

  it('refuses non-canonical spellings: unused trailing bits set, missing or extra padding', () => {
    assert.deepEqual(base64ToBytes('AQ=='), new Uint8Array([1]));
    assert.deepEqual(base64ToBytes('AQI='), new Uint8Array([1, 2]));
    for (const text of ['AR==', 'AQJ=', 'AQ', 'AQI', 'AQID=', 'AQ=']) {
      assert.equal(base64ToBytes(text), undefined, text);
    }
  });

  it('refuses whitespace and the URL-safe alphabet', () => {
    for (const text of [' AQID', 'AQID ', 'AQ ID', 'AQID\n', '-_-_', 'AQ-_']) {
      assert.equal(base64ToBytes(text), undefined, JSON.stringify(text));
    }
  });
});
