import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compare, meets, quantile, summarize } from './stats.mjs';

describe('when the harness summarizes runs', () => {
  it('takes the median and the interquartile range over the median as the spread', () => {
    const stats = summarize([10, 12, 11, 9, 100]);
    assert.equal(stats.median, 11);
    assert.equal(stats.min, 9);
    assert.equal(stats.max, 100);
    assert.equal(stats.q1, 10);
    assert.equal(stats.q3, 12);
    assert.equal(stats.spread, 2 / 11);
  });

  it('interpolates quantiles between neighbours', () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
  });
});

describe('when a variant is compared with its baseline', () => {
  const base = summarize([100, 100, 100, 100, 100]);

  it('calls a ratio beyond the spread a change, in the direction that is better', () => {
    const result = compare(summarize([120, 121, 119, 120, 120]), base, 'higher');
    assert.equal(result.ratio, 1.2);
    assert.equal(result.delta, 20);
    assert.equal(result.change, true);
    assert.equal(result.verdict, 'better');
    assert.equal(compare(summarize([120, 121, 119, 120, 120]), base, 'lower').verdict, 'worse');
  });

  it('calls a ratio within the spread noise', () => {
    const result = compare(summarize([80, 100, 110, 130, 150]), base, 'higher');
    assert.equal(result.ratio, 1.1);
    assert.equal(result.change, false);
    assert.equal(result.verdict, 'within noise');
  });
});

describe('when a target or budget is checked', () => {
  it('applies the operator to the value', () => {
    assert.equal(meets(0.9, ['>=', 0.9]), true);
    assert.equal(meets(61, ['<=', 60]), false);
    assert.equal(meets(Number.NaN, ['<=', 60]), false);
  });
});
