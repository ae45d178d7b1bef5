/**
 * Test helper: bursts of concurrent business calls from several `WPay` clients sharing one token
 * store, against the sandbox, while WPay's token is revoked or expires. Used by the token tests,
 * the multi-process child (`token-burst-child.ts`) and the soak suite.
 */
import { PATHS } from '@wpay/protocol';
import type { Sandbox } from '@wpay/sandbox';
import type { StoredToken, TokenStore } from '../stores/token-store.js';
import { WPay } from '../wpay.js';

/** The token endpoint, as the sandbox logs it. */
export const TOKEN_PATH = PATHS.token;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A token store whose every operation takes `latencyMs` before (and after) it acts, like a store
 * across a network. Exposes exactly the methods of the store it wraps.
 */
export function slowStore(inner: TokenStore, latencyMs: number): TokenStore {
  const slow =
    <A extends unknown[], R>(op: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await wait(latencyMs);
      const result = await op(...args);
      await wait(latencyMs);
      return result;
    };
  const store: TokenStore = {
    get: slow((key: string) => inner.get(key)),
    set: slow((key: string, token: StoredToken, ttl: number) => inner.set(key, token, ttl)),
    delete: slow((key: string) => inner.delete(key)),
  };
  if (inner.lock) {
    const lock = inner.lock.bind(inner);
    store.lock = slow(async (key: string, ttlMs: number) => {
      const release = await lock(key, ttlMs);
      return release && slow(release);
    });
  }
  if (inner.deleteIfToken) {
    const deleteIfToken = inner.deleteIfToken.bind(inner);
    store.deleteIfToken = slow((key: string, accessToken: string) =>
      deleteIfToken(key, accessToken),
    );
  }
  return store;
}

/** A client of the burst, on the sandbox. */
export function burstClient(
  sandbox: { url: string; credentials: Sandbox['credentials'] },
  tokenStore: TokenStore,
): WPay {
  return new WPay({ ...sandbox.credentials, baseUrl: sandbox.url, tokenStore });
}

/** What a burst did. */
export interface BurstResult {
  calls: number;
  failures: number;
  /** The first few failures, for the assertion message. */
  errors: string[];
}

/** Options of {@link runBurst}. */
export interface BurstOptions {
  /** Calls in all. */
  calls: number;
  /** Calls in flight at once, spread over the clients. */
  concurrency: number;
  /** Called after each finished call with the number finished so far. */
  onProgress?: (finished: number) => void | Promise<void>;
  /**
   * Called before call `n` (1-based) is sent, and awaited: whatever it injects is in place before
   * that call reaches WPay, while up to `concurrency - 1` other calls are in flight. (A mark on
   * `onProgress` near the end can come after the last call was sent, and then injects nothing.)
   */
  onStart?: (n: number) => void | Promise<void>;
  /** A prefix making order numbers unique across processes. */
  orderPrefix?: string;
}

let orderSeq = 0;

/** One business call: a checkout session (a write, retried as WPay allows). */
export async function oneCall(wpay: WPay, orderPrefix: string): Promise<void> {
  await wpay.checkout.create({
    mchOrderNo: `${orderPrefix}_${++orderSeq}`,
    amount: '19.99',
    currency: 'USD',
    payMode: 'ONETIME',
    successUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cart',
  });
}

/** Runs `calls` calls, `concurrency` at a time, round-robin over `clients`. */
export async function runBurst(clients: WPay[], options: BurstOptions): Promise<BurstResult> {
  const { calls, concurrency, onProgress, onStart, orderPrefix = `o${process.pid}` } = options;
  const result: BurstResult = { calls: 0, failures: 0, errors: [] };
  let started = 0;
  const worker = async () => {
    while (started < calls) {
      const client = clients[started % clients.length] as WPay;
      const n = ++started;
      try {
        await onStart?.(n);
        await oneCall(client, orderPrefix);
      } catch (error) {
        result.failures++;
        if (result.errors.length < 5) result.errors.push(String(error));
      }
      result.calls++;
      await onProgress?.(result.calls);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return result;
}

/** What the sandbox saw: tokens issued and tokens revoked. */
export function tokenFigures(sandbox: Sandbox): { tokensIssued: number; revocations: number } {
  const log = sandbox.requests();
  return {
    tokensIssued: log.filter((r) => r.path === TOKEN_PATH && r.status === 200).length,
    revocations: log.filter((r) => r.fault === 'token-revoke').length,
  };
}

/**
 * Resolves once WPay has issued `count` tokens. An injection waits for the token the previous one
 * made WPay issue: on a loaded machine the recovery can outlast the calls between two marks, and a
 * revocation or expiry of a token already being replaced is absorbed (one token for two events).
 */
export async function untilTokensIssued(sandbox: Sandbox, count: number): Promise<void> {
  while (tokenFigures(sandbox).tokensIssued < count) await wait(5);
}

/**
 * Revokes WPay's token once, at the next business call (the sandbox's `token-revoke` fault).
 */
export function revokeSoon(sandbox: Sandbox): void {
  sandbox.faults.add({ kind: 'token-revoke', path: '/checkout/w-payment/hpp', times: 1 });
}

/** Expires WPay's token by moving the sandbox clock past its lifetime (not the client's clock). */
export async function expireNow(sandbox: Sandbox, tokenTtlSeconds: number): Promise<void> {
  await sandbox.clock.advance(tokenTtlSeconds * 1000 + 1000);
}
