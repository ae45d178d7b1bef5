import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { claimStoreContract } from '../test/claim-store-contract.js';
import { MemoryClaimStore } from './memory-claim-store.js';

describe('MemoryClaimStore', () => {
  let time = 0;
  claimStoreContract({
    make: () => new MemoryClaimStore({ now: () => time }),
    shortLeaseMs: 1_000,
    pass: async (ms) => {
      time += ms;
    },
  });

  it('forgets a completed key after ttlMs', async () => {
    let now = 0;
    const store = new MemoryClaimStore({ now: () => now });
    const claim = await store.claim('k', { leaseMs: 1_000, ttlMs: 10_000 });
    if (claim.state !== 'claimed') assert.fail('not claimed');
    await claim.complete({ trxNo: 'TRX1' });
    now = 9_999;
    assert.equal((await store.claim('k', { leaseMs: 1_000, ttlMs: 10_000 })).state, 'done');
    now = 10_000;
    assert.equal((await store.claim('k', { leaseMs: 1_000, ttlMs: 10_000 })).state, 'claimed');
  });

  it('returns a copy of the recorded result', async () => {
    const store = new MemoryClaimStore();
    const claim = await store.claim('k', { leaseMs: 1_000, ttlMs: 10_000 });
    if (claim.state !== 'claimed') assert.fail('not claimed');
    const result = { trxNo: 'TRX1' };
    await claim.complete(result);
    result.trxNo = 'changed';
    const again = await store.claim('k', { leaseMs: 1_000, ttlMs: 10_000 });
    assert.deepEqual(again.state === 'done' && again.result, { trxNo: 'TRX1' });
  });

  it('keeps at most maxEntries keys', async () => {
    const options = { leaseMs: 5_000, ttlMs: 60_000 };
    const store = new MemoryClaimStore({ maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) await store.claim(id, options);
    assert.equal((await store.claim('a', options)).state, 'claimed');
    assert.equal((await store.claim('c', options)).state, 'in_progress');
  });
});
