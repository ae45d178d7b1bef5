import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { randomHex } from './random-hex.js';

describe('when drawing random identifiers from the pool', () => {
  it('gives the asked number of bytes as lower-case hex', () => {
    assert.match(randomHex(8), /^[0-9a-f]{16}$/);
    assert.match(randomHex(16), /^[0-9a-f]{32}$/);
    assert.match(randomHex(5000), /^[0-9a-f]{10000}$/);
  });

  it('never repeats one across several refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) seen.add(randomHex(16)); // 32 000 bytes: 8 refills
    assert.equal(seen.size, 2000);
  });
});
