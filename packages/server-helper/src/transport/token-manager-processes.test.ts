import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runProcessBurst } from '../test/token-burst-processes.js';

describe('when 4 processes share one Redis and WPay revokes and expires the token mid-burst', () => {
  it('fails no call, and WPay issues one token per revocation or expiry', async () => {
    const figures = await runProcessBurst({
      processes: 4,
      callsPerProcess: 60,
      concurrencyPerProcess: 20,
      revocations: 1,
      expiries: 1,
    });
    assert.equal(figures.revocations, 1);
    assert.equal(figures.expiries, 1);
    assert.deepEqual(
      { failures: figures.failures, errors: figures.errors },
      { failures: 0, errors: [] },
    );
    assert.equal(figures.calls, 240);
    assert.equal(figures.tokensIssued, figures.revocations + figures.expiries + 1);
  });
});
