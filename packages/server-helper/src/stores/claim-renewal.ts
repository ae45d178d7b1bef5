/**
 * Keeping a claim alive while its work runs. A lease is only a guess at how long the work takes;
 * when the shop's code (a side effect, a webhook handler) or WPay's call outlasts it, the claim
 * lapses and another instance takes the key and does the work a second time. Renewing the claim
 * every third of its lease keeps it held for as long as this process is alive and working, and
 * still lets it lapse soon after a crash.
 *
 * @module
 */
import { describeError, type Logger } from '../logger.js';
import type { HeldClaim } from './claim-store.js';

/** What {@link renewWhileHeld} needs besides the claim. */
export interface RenewalSettings {
  /** The claim's lease, in ms: it is renewed every third of it. */
  leaseMs: number;
  /** Where a lost claim or a failing renewal is reported. */
  logger: Logger;
  /** Who holds the claim and for what, in the log lines (e.g. `fulfilment`, `webhookHandler`). */
  holder: string;
  /** The claimed key, in the log lines. */
  key: string;
}

/**
 * Renews `claim` every `leaseMs / 3` until the returned `stop()` is called. A renewal that
 * answers `false` (the claim lapsed and another holder took it) is logged as an error, once: the
 * work goes on, and its `complete()` will answer `false`. A renewal that throws (the store is
 * down) is logged as a warning; the next one tries again.
 */
export function renewWhileHeld(claim: HeldClaim, settings: RenewalSettings): () => void {
  const { leaseMs, logger, holder, key } = settings;
  let inFlight = false;
  let lost = false;
  const timer = setInterval(
    () => {
      if (inFlight || lost) return;
      inFlight = true;
      claim.renew().then(
        (held) => {
          inFlight = false;
          if (held) return;
          lost = true;
          logger.error(
            `${holder}: the claim lapsed while its work ran and another holder took it; the work may run twice — raise the lease`,
            { key, leaseMs },
          );
        },
        (error: unknown) => {
          inFlight = false;
          logger.warn(`${holder}: could not renew the claim; retrying`, {
            key,
            ...describeError(error),
          });
        },
      );
    },
    Math.max(1, Math.floor(leaseMs / 3)),
  );
  timer.unref?.();
  return () => clearInterval(timer);
}

/**
 * Runs `work` while `claim` is renewed (see {@link renewWhileHeld}).
 */
export async function whileRenewed<T>(
  claim: HeldClaim,
  settings: RenewalSettings,
  work: () => T | Promise<T>,
): Promise<T> {
  const stop = renewWhileHeld(claim, settings);
  try {
    return await work();
  } finally {
    stop();
  }
}
