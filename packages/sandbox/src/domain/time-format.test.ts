import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addIntervals, describeInterval, formatWpayTime, parseWpayTime } from './time-format.js';

describe('when formatting WPay times', () => {
  it('writes the payment style without a zone', () => {
    assert.equal(formatWpayTime(Date.UTC(2026, 3, 23, 10), 0, 'T'), '2026-04-23T10:00:00');
  });

  it('writes the bill style with a space and shifts by the zone offset', () => {
    assert.equal(
      formatWpayTime(Date.UTC(2025, 11, 11, 16, 43, 11), 480, ' '),
      '2025-12-12 00:43:11',
    );
  });
});

describe('when parsing WPay times', () => {
  it('reads yyyy-MM-dd HH:mm:ss', () => {
    assert.equal(parseWpayTime('2026-04-23 10:00:00', 0), Date.UTC(2026, 3, 23, 10));
  });

  it('refuses an impossible date', () => {
    assert.equal(parseWpayTime('2026-02-30 10:00:00', 0), undefined);
  });

  it('refuses another format', () => {
    assert.equal(parseWpayTime('2026/04/23', 0), undefined);
  });
});

describe('when adding subscription intervals', () => {
  it('keeps month ends from the anchor', () => {
    const anchor = Date.UTC(2026, 0, 31);
    assert.equal(addIntervals(anchor, 'month', 1), Date.UTC(2026, 1, 28));
    assert.equal(addIntervals(anchor, 'month', 2), Date.UTC(2026, 2, 31));
  });

  it('adds weeks and years', () => {
    assert.equal(addIntervals(Date.UTC(2026, 0, 1), 'week', 2), Date.UTC(2026, 0, 15));
    assert.equal(addIntervals(Date.UTC(2024, 1, 29), 'year', 1), Date.UTC(2025, 1, 28));
  });

  it('describes an interval for people', () => {
    assert.equal(describeInterval('month', 1), 'every 1 month');
    assert.equal(describeInterval('week', 3), 'every 3 weeks');
  });
});
