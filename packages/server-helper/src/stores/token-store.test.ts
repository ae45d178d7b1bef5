import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryTokenStore } from './token-store.js';

const token = { accessToken: 'at', refreshToken: 'rt', expiresAt: 10_000 };

describe('MemoryTokenStore', () => {
  it('returns what was set', async () => {
    const store = new MemoryTokenStore({ now: () => 0 });
    await store.set('k', token, 10);
    assert.deepEqual(await store.get('k'), token);
  });

  it('forgets a token after its ttl', async () => {
    let now = 0;
    const store = new MemoryTokenStore({ now: () => now });
    await store.set('k', token, 10);
    now = 10_000;
    assert.equal(await store.get('k'), undefined);
  });

  it('forgets a deleted token', async () => {
    const store = new MemoryTokenStore({ now: () => 0 });
    await store.set('k', token, 10);
    await store.delete('k');
    assert.equal(await store.get('k'), undefined);
  });

  it('deletes a token by its access token only, keeping a newer one', async () => {
    const store = new MemoryTokenStore({ now: () => 0 });
    await store.set('k', token, 10);
    assert.equal(await store.deleteIfToken('k', 'other'), false);
    assert.deepEqual(await store.get('k'), token);
    assert.equal(await store.deleteIfToken('k', 'at'), true);
    assert.equal(await store.get('k'), undefined);
    assert.equal(await store.deleteIfToken('k', 'at'), false);
  });

  describe('when locking', () => {
    it('refuses a lock held by someone else', async () => {
      const store = new MemoryTokenStore({ now: () => 0 });
      assert.ok(await store.lock('k', 1000));
      assert.equal(await store.lock('k', 1000), undefined);
    });

    it('grants the lock again once released', async () => {
      const store = new MemoryTokenStore({ now: () => 0 });
      const release = await store.lock('k', 1000);
      await release?.();
      assert.ok(await store.lock('k', 1000));
    });

    it('grants the lock again once it expired', async () => {
      let now = 0;
      const store = new MemoryTokenStore({ now: () => now });
      await store.lock('k', 1000);
      now = 1000;
      assert.ok(await store.lock('k', 1000));
    });
  });
});
