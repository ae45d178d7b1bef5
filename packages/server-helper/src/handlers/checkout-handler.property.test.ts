import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHostileCheckout } from '../test/hostile-checkout.js';

// A modest number of runs here; `pnpm test:soak` runs many more (src/test/checkout-hostile.soak.ts).
describe('when the checkout handler gets random and hostile requests', () => {
  it('never answers 5xx, never gives a foreign origin a hosted page, never takes a price from the body', async () => {
    const figures = await checkHostileCheckout({ numRuns: 200 });
    assert.ok(figures.requests >= 400);
    assert.ok(figures.sessions > 0, 'some requests were genuine checkouts');
  });
});
