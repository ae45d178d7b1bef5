// `pnpm test:soak`: the large property-based run of hostile webhooks (the normal suite runs a few
// hundred cases: hostile-webhooks.test.ts). Prints its figures.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkHandler, checkVerification } from '../test/hostile-webhooks.js';

const RUNS = Number(process.env.WPAY_SOAK_RUNS ?? 20_000);

describe('soak: hostile webhooks (fast-check)', () => {
  it(`verifies ${RUNS} genuine deliveries and refuses every mutation of them`, async (t) => {
    const figures = await checkVerification(RUNS);
    t.diagnostic(
      `webhook verification: ${figures.genuine} genuine verified, ${figures.mutated} mutated, ${figures.accepted} mutated accepted`,
    );
    assert.equal(figures.accepted, 0);
  });

  it(`answers ${RUNS / 4} hostile requests to the handler with 4xx, 5xx only for merchant failures`, async (t) => {
    const figures = await checkHandler(RUNS / 4);
    t.diagnostic(
      `webhook handler: ${figures.mutated} hostile requests (${figures.accepted} of them validly signed events, acknowledged), ${figures.genuine} genuine deliveries`,
    );
  });
});
