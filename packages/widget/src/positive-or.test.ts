import { expect } from '@open-wc/testing';
import { positiveOr } from './positive-or.js';

describe('positiveOr', () => {
  it('keeps a positive number', () => {
    expect(positiveOr(500, 15_000)).to.equal(500);
  });

  it('falls back for zero, a negative number and NaN', () => {
    for (const value of [0, -1, Number.NaN]) expect(positiveOr(value, 15_000)).to.equal(15_000);
  });
});
