import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isoTimeOf } from './iso-time.js';

describe('when spelling a time as the request log does', () => {
  it('spells it exactly as Date#toISOString, millisecond by millisecond across seconds', () => {
    const start = Date.UTC(2026, 11, 31, 23, 59, 58, 990);
    for (let ms = start; ms < start + 2_030; ms += 7) {
      assert.equal(isoTimeOf(ms), new Date(ms).toISOString(), String(ms));
    }
  });

  it('spells it exactly after going back to an earlier second', () => {
    const later = Date.UTC(2026, 5, 1, 12, 0, 1, 5);
    const earlier = Date.UTC(2026, 5, 1, 12, 0, 0, 999);
    assert.equal(isoTimeOf(later), '2026-06-01T12:00:01.005Z');
    assert.equal(isoTimeOf(earlier), '2026-06-01T12:00:00.999Z');
    assert.equal(isoTimeOf(later), '2026-06-01T12:00:01.005Z');
  });

  it('spells times before 1970 and after 9999 as Date#toISOString does', () => {
    for (const ms of [
      -1,
      -1_001,
      Date.UTC(-50, 0, 1, 0, 0, 0, 1),
      Date.UTC(12_345, 6, 7, 8, 9, 10, 11),
    ]) {
      assert.equal(isoTimeOf(ms), new Date(ms).toISOString(), String(ms));
    }
  });
});
