import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveOptions } from '../options.js';
import { MemoryTokenStore, type StoredToken } from '../stores/token-store.js';
import type { TransportContext } from './context.js';
import { createSigner } from './sign.js';
import { TokenManager } from './token-manager.js';

describe('when a call reads the token synchronously (current)', () => {
  let now = 1_800_000_000_000;
  const resolved = resolveOptions({
    apiKey: 'k',
    apiSecret: 's',
    signKey: 'sign',
    baseUrl: 'https://wpay.invalid',
    now: () => now,
  });
  const ctx: TransportContext = {
    ...resolved,
    basePath: '',
    signer: createSigner('sign'),
    scrub: (text) => text,
  };
  let issued = 0;
  const tokens = new TokenManager(ctx, {
    store: new MemoryTokenStore({ now: () => now }),
    key: 'wpay:token:k',
    apiKey: 'k',
    apiSecret: 's',
    fetchToken: async (): Promise<StoredToken> => ({
      accessToken: `token-${++issued}`,
      expiresAt: now + 3_600_000,
      issuedAt: now,
    }),
  });

  it('has none before the first token is fetched, so the caller awaits get()', () => {
    assert.equal(tokens.current(), undefined);
  });

  it('hands out the cached token get() returned, without fetching again', async () => {
    const token = await tokens.get();
    assert.equal(tokens.current(), token);
    assert.equal(issued, 1);
  });

  it('has none once the token is refused, and get() fetches a new one', async () => {
    const refused = tokens.current();
    assert.ok(refused);
    await tokens.invalidate(refused);
    assert.equal(tokens.current(), undefined);
    const next = await tokens.get();
    assert.notEqual(next, refused);
    assert.equal(tokens.current(), next);
  });

  it('has none once the token is within its refresh margin, and get() replaces it', async () => {
    const before = tokens.current();
    now += 3_600_000;
    assert.equal(tokens.current(), undefined);
    const next = await tokens.get();
    assert.notEqual(next, before);
    assert.equal(tokens.current(), next);
  });
});
