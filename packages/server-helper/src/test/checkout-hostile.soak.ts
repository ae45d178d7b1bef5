// `pnpm test:soak`: the checkout handler's hostile-input properties, at length (see
// src/test/hostile-checkout.ts). Prints its figures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHostileCheckout } from './hostile-checkout.js';

const RUNS = 10_000;

describe('when the checkout handler gets 10 000 random and hostile requests for each of two schemas', () => {
  it('never answers 5xx, never gives a foreign origin a hosted page, never takes a price from the body', async () => {
    const started = Date.now();
    const figures = await checkHostileCheckout({ numRuns: RUNS });
    const statuses = Object.entries(figures.byStatus)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    process.stdout.write(
      `checkout hostile input: ${figures.requests} requests (${statuses}), ${figures.sessions} sessions, 0 violations, ${Date.now() - started} ms\n`,
    );
    assert.ok(figures.requests >= RUNS);
  });
});
