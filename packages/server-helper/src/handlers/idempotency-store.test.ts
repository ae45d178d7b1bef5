import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryIdempotencyStore } from './idempotency-store.js';

const options = { leaseMs: 1_000, ttlMs: 10_000 };

describe('MemoryIdempotencyStore', () => {
  it('starts the first request for a key', async () => {
    const store = new MemoryIdempotencyStore();
    assert.equal((await store.begin('k', 'fp', options)).status, 'started');
  });

  it('shows a concurrent request with its fingerprint as in progress', async () => {
    const store = new MemoryIdempotencyStore();
    await store.begin('k', 'fp1', options);
    assert.deepEqual(await store.begin('k', 'fp2', options), {
      status: 'in_progress',
      fingerprint: 'fp1',
    });
  });

  it('returns a copy of the completed result until ttlMs passes', async () => {
    let time = 0;
    const store = new MemoryIdempotencyStore({ now: () => time });
    const first = await store.begin('k', 'fp1', options);
    if (first.status !== 'started') assert.fail('not started');
    const result = { trxNo: 'TRX1' };
    await first.complete(result);
    result.trxNo = 'changed';
    time = 9_999;
    assert.deepEqual(await store.begin('k', 'fp1', options), {
      status: 'completed',
      fingerprint: 'fp1',
      result: { trxNo: 'TRX1' },
    });
    time = 10_000;
    assert.equal((await store.begin('k', 'fp1', options)).status, 'started');
  });

  it('lets a retry start again after abandon(), but not after a lapse and re-start', async () => {
    let time = 0;
    const store = new MemoryIdempotencyStore({ now: () => time });
    const first = await store.begin('k', 'fp1', options);
    time = 1_000;
    assert.equal((await store.begin('k', 'fp1', options)).status, 'started');
    if (first.status !== 'started') assert.fail('not started');
    await first.abandon();
    assert.equal((await store.begin('k', 'fp1', options)).status, 'in_progress');
  });

  it('never lets a request whose lease lapsed overwrite the result of the one that took over', async () => {
    let time = 0;
    const store = new MemoryIdempotencyStore({ now: () => time });
    const first = await store.begin('k', 'fp1', options);
    time = 1_000;
    const second = await store.begin('k', 'fp1', options);
    if (first.status !== 'started' || second.status !== 'started') assert.fail('not started');
    await second.complete({ trxNo: 'TRX2' });
    await first.complete({ trxNo: 'TRX1' });
    assert.deepEqual(await store.begin('k', 'fp1', options), {
      status: 'completed',
      fingerprint: 'fp1',
      result: { trxNo: 'TRX2' },
    });
  });
});
