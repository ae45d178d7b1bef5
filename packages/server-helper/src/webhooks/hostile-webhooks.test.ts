// Property-based hostile input, a modest run in the normal suite (`pnpm test:soak` runs thousands:
// src/webhooks/hostile-webhooks.soak.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHandler, checkVerification } from '../test/hostile-webhooks.js';

describe('when webhooks are mutated at random (fast-check)', () => {
  it('verifies every genuine delivery and refuses every mutated one with a typed error', async () => {
    const figures = await checkVerification(300);
    assert.equal(figures.accepted, 0);
    assert.ok(figures.mutated > 200);
  });
});

describe('when the webhook handler gets hostile requests at random (fast-check)', () => {
  it('answers 4xx without running merchant code, 200 to genuine deliveries, 5xx only when merchant code throws', async () => {
    const figures = await checkHandler(200);
    assert.ok(figures.genuine >= 50);
  });
});
