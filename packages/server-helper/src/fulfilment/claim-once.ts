/**
 * The one seam between the fulfilment core and its store: running a side effect once per key,
 * holding a key while work runs, and closing a key without a side effect. The store is the same
 * claim store webhook dedupe uses (claim with a lease → done / release); nothing else is stored.
 *
 * @module
 */

import { pollWhile } from '../handlers/poll-while.js';
import { describeError, type Logger } from '../logger.js';
import { renewWhileHeld, whileRenewed } from '../stores/claim-renewal.js';
import type { Claim, ClaimStore, HeldClaim } from '../stores/claim-store.js';

/**
 * Where the fulfilment core claims its transitions: any webhook dedupe store
 * (`MemoryClaimStore`, or `RedisClaimStore` for several servers).
 *
 * @example
 * ```ts
 * const store: FulfilmentStore = new RedisClaimStore(redis, { prefix: 'shop:fulfilment:' });
 * ```
 */
export type FulfilmentStore = ClaimStore;

/** How keys are claimed. */
export interface ClaimSettings {
  store: FulfilmentStore;
  leaseMs: number;
  ttlMs: number;
  waitMs: number;
  pollIntervalMs: number;
  completeAttempts: number;
  logger: Logger;
}

/** Renewal of a fulfilment claim: every third of its lease while its work runs. */
const renewal = (settings: ClaimSettings, key: string) => ({
  leaseMs: settings.leaseMs,
  logger: settings.logger,
  holder: 'fulfilment',
  key,
});

/** What became of a key: it ran now, had run before, or another holder has it right now. */
export type OnceOutcome = 'ran' | 'done' | 'busy';

function claim(settings: ClaimSettings, key: string, wait: boolean): Promise<Claim> {
  const options = { leaseMs: settings.leaseMs, ttlMs: settings.ttlMs };
  const attempt = () => settings.store.claim(key, options);
  if (!wait) return attempt();
  return pollWhile(attempt, (c) => c.state === 'in_progress', {
    timeoutMs: settings.waitMs,
    intervalMs: settings.pollIntervalMs,
  });
}

/** Records `key` as done; the side effect already ran, so a failing store is retried, then logged. */
async function complete(settings: ClaimSettings, key: string, claimed: HeldClaim) {
  for (let attempt = 1; ; attempt++) {
    try {
      await claimed.complete();
      return;
    } catch (error) {
      if (attempt >= settings.completeAttempts) {
        settings.logger.error('fulfilment: the side effect ran but the store could not record it', {
          key,
          ...describeError(error),
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

/**
 * Runs `effect` once for `key`: claims it, runs, records it done. When `effect` throws the claim
 * is released (a later entry point retries) and the error rethrown.
 *
 * @example
 * ```ts
 * await runOnce(settings, 'TRX1:paid', () => ship(order)); // 'ran', or 'done' the second time
 * ```
 */
export async function runOnce(
  settings: ClaimSettings,
  key: string,
  effect: () => unknown,
): Promise<OnceOutcome> {
  const claimed = await claim(settings, key, false);
  if (claimed.state !== 'claimed') return claimed.state === 'done' ? 'done' : 'busy';
  try {
    await whileRenewed(claimed, renewal(settings, key), effect);
  } catch (error) {
    await claimed.release().catch(() => undefined);
    throw error;
  }
  await complete(settings, key, claimed);
  return 'ran';
}

/**
 * Whether `key` is done, asked the only way a claim store answers: a claim, released at once.
 * Call it only while holding the subject (see {@link hold}).
 *
 * @example
 * ```ts
 * if (await isDone(settings, 'TRX1:refunded')) return;
 * ```
 */
export async function isDone(settings: ClaimSettings, key: string): Promise<boolean | 'busy'> {
  const claimed = await claim(settings, key, false);
  if (claimed.state === 'claimed') await claimed.release();
  return claimed.state === 'done' ? true : claimed.state === 'claimed' ? false : 'busy';
}

/**
 * Holds `key` (waiting up to `waitMs` for another holder) while the work runs, so that one entry
 * point at a time reads and applies a payment; `undefined` when it stayed busy.
 *
 * @example
 * ```ts
 * const held = await hold(settings, 'TRX1:lock');
 * if (held) try { await work(); } finally { await held.release(); }
 * ```
 */
export async function hold(
  settings: ClaimSettings,
  key: string,
): Promise<{ release(): Promise<void> } | undefined> {
  const claimed = await claim(settings, key, true);
  if (claimed.state !== 'claimed') return undefined;
  const stopRenewing = renewWhileHeld(claimed, renewal(settings, key));
  return {
    release: () => {
      stopRenewing();
      return claimed.release().catch((error: unknown) => {
        settings.logger.warn('fulfilment: could not release a hold; it expires by itself', {
          key,
          ...describeError(error),
        });
      });
    },
  };
}
