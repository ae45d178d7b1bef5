import { expect } from '@open-wc/testing';
import { backoffDelay } from './backoff-delay.js';

describe('backoffDelay', () => {
  it('doubles the interval after each check', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(attempt, 1000, 60_000))).to.deep.equal([
      1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than the cap', () => {
    expect(backoffDelay(10, 1000, 10_000)).to.equal(10_000);
  });
});
