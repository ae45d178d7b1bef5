import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryDedupeStore } from './dedupe-store.js';

const options = { leaseMs: 1_000, ttlMs: 10_000 };

describe('MemoryDedupeStore', () => {
  it('lets the first delivery of an event claim it', async () => {
    const store = new MemoryDedupeStore();
    assert.equal((await store.claim('evt_1', options)).status, 'claimed');
  });

  it('says in_progress to a concurrent duplicate', async () => {
    const store = new MemoryDedupeStore();
    await store.claim('evt_1', options);
    assert.equal((await store.claim('evt_1', options)).status, 'in_progress');
  });

  it('says done once the first delivery is done, until ttlMs passes', async () => {
    let time = 0;
    const store = new MemoryDedupeStore({ now: () => time });
    const claim = await store.claim('evt_1', options);
    if (claim.status !== 'claimed') assert.fail('not claimed');
    await claim.done();
    time = 9_999;
    assert.equal((await store.claim('evt_1', options)).status, 'done');
    time = 10_000;
    assert.equal((await store.claim('evt_1', options)).status, 'claimed');
  });

  it('lets the next delivery claim an event released after a failure', async () => {
    const store = new MemoryDedupeStore();
    const claim = await store.claim('evt_1', options);
    if (claim.status !== 'claimed') assert.fail('not claimed');
    await claim.release();
    assert.equal((await store.claim('evt_1', options)).status, 'claimed');
  });

  it('lets a claim expire after leaseMs, and a stale release not free the new claim', async () => {
    let time = 0;
    const store = new MemoryDedupeStore({ now: () => time });
    const first = await store.claim('evt_1', options);
    time = 1_000;
    const second = await store.claim('evt_1', options);
    assert.equal(second.status, 'claimed');
    if (first.status !== 'claimed') assert.fail('not claimed');
    await first.release();
    assert.equal((await store.claim('evt_1', options)).status, 'in_progress');
  });

  it('keeps at most maxEntries events', async () => {
    const store = new MemoryDedupeStore({ maxEntries: 2 });
    for (const id of ['a', 'b', 'c']) await store.claim(id, options);
    assert.equal((await store.claim('a', options)).status, 'claimed');
    assert.equal((await store.claim('c', options)).status, 'in_progress');
  });
});
