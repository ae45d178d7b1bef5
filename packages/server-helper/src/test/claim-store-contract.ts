/**
 * Test helper: the behaviour every {@link ClaimStore} must have, run against the memory and the
 * Redis implementations alike.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Claim, ClaimStore, HeldClaim } from '../stores/claim-store.js';

/** How the contract drives one implementation. */
export interface ClaimStoreSubject {
  /** A fresh store. */
  make(): ClaimStore;
  /** A short lease, in ms. */
  shortLeaseMs: number;
  /** Lets `ms` pass (moves the store's clock, or waits). */
  pass(ms: number): Promise<void>;
}

const LONG = { leaseMs: 60_000, ttlMs: 120_000 };

let n = 0;
const unique = (name: string) => `${name}-${++n}-${Math.random().toString(36).slice(2)}`;

function held(claim: Claim): HeldClaim {
  if (claim.state !== 'claimed') assert.fail(`expected claimed, got ${claim.state}`);
  return claim;
}

/** Registers the contract's tests (inside the caller's `describe`). */
export function claimStoreContract({ make, shortLeaseMs, pass }: ClaimStoreSubject): void {
  const SHORT = { leaseMs: shortLeaseMs, ttlMs: 120_000 };
  const lapse = () => pass(shortLeaseMs * 2);

  it('lets exactly one of many concurrent claimants claim a key', async () => {
    const store = make();
    const key = unique('evt');
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(key, LONG)));
    assert.equal(claims.filter((c) => c.state === 'claimed').length, 1);
    assert.equal(claims.filter((c) => c.state === 'in_progress').length, 19);
  });

  it('shows the claimant’s fingerprint to later claims, in progress and done', async () => {
    const store = make();
    const key = unique('idem');
    const first = held(await store.claim(key, { ...LONG, fingerprint: 'fp1' }));
    assert.deepEqual(await store.claim(key, { ...LONG, fingerprint: 'fp2' }), {
      state: 'in_progress',
      fingerprint: 'fp1',
    });
    assert.equal(await first.complete({ trxNo: 'TRX1', redirectUrl: 'https://pay/x' }), true);
    assert.deepEqual(await store.claim(key, { ...LONG, fingerprint: 'fp2' }), {
      state: 'done',
      fingerprint: 'fp1',
      result: { trxNo: 'TRX1', redirectUrl: 'https://pay/x' },
    });
  });

  it('says done without a result when completed without one', async () => {
    const store = make();
    const key = unique('evt');
    await held(await store.claim(key, LONG)).complete();
    const again = await store.claim(key, LONG);
    assert.equal(again.state, 'done');
    assert.equal(again.state === 'done' && again.result, undefined);
  });

  it('lets the next claimant claim a key released after a failure', async () => {
    const store = make();
    const key = unique('evt');
    await held(await store.claim(key, LONG)).release();
    held(await store.claim(key, LONG));
  });

  it('lets a claim lapse after leaseMs, and a stale release not free the new claim', async () => {
    const store = make();
    const key = unique('evt');
    const first = held(await store.claim(key, SHORT));
    await lapse();
    held(await store.claim(key, LONG));
    await first.release();
    assert.equal((await store.claim(key, LONG)).state, 'in_progress');
  });

  it('never lets a holder whose claim lapsed overwrite the record of the one that took over', async () => {
    const store = make();
    const key = unique('idem');
    const first = held(await store.claim(key, { ...SHORT, fingerprint: 'fp' }));
    await lapse();
    const second = held(await store.claim(key, { ...LONG, fingerprint: 'fp' }));
    assert.equal(await second.complete({ trxNo: 'TRX2' }), true);
    assert.equal(await first.complete({ trxNo: 'TRX1' }), false);
    assert.deepEqual(await store.claim(key, LONG), {
      state: 'done',
      fingerprint: 'fp',
      result: { trxNo: 'TRX2' },
    });
  });

  it('keeps a renewed claim past its first lease', async () => {
    const store = make();
    const key = unique('lock');
    const claim = held(await store.claim(key, SHORT));
    await pass(shortLeaseMs * 0.6);
    assert.equal(await claim.renew(), true);
    await pass(shortLeaseMs * 0.6); // past the first lease, within the renewed one
    assert.equal((await store.claim(key, LONG)).state, 'in_progress');
  });

  it('refuses to renew or complete a claim lost to another holder', async () => {
    const store = make();
    const key = unique('lock');
    const lost = held(await store.claim(key, SHORT));
    await lapse();
    held(await store.claim(key, LONG));
    assert.equal(await lost.renew(), false);
    assert.equal(await lost.complete(), false);
    assert.equal((await store.claim(key, LONG)).state, 'in_progress');
  });
}
