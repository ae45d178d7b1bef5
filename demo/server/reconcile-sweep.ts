import type { ReconcileReport } from '@wpay/server-helper';
import { type DemoLogger, describe } from './logger.js';

/** A running periodic sweep. */
export interface ReconcileSweep {
  /** Stops the timer and waits for a sweep under way. */
  stop(): Promise<void>;
}

/**
 * Runs `reconcile` every `everyMs` (never two at once; a sweep that throws is logged and the next
 * one runs as planned), so that orders whose webhooks never came still reach their state.
 * `everyMs` 0 runs none.
 *
 * @example
 * ```ts
 * const sweep = startReconcileSweep(() => reconcile(), { everyMs: 5 * 60_000, logger });
 * await sweep.stop();
 * ```
 */
export function startReconcileSweep(
  reconcile: () => Promise<ReconcileReport>,
  { everyMs, logger }: { everyMs: number; logger: DemoLogger },
): ReconcileSweep {
  let running: Promise<void> | undefined;
  const sweep = () => {
    if (running) return;
    running = reconcile()
      .then((report) => {
        if (report.reconciled > 0 || report.errors.length > 0) {
          logger.info('reconciliation sweep', {
            checked: report.checked,
            reconciled: report.reconciled,
            transitions: report.transitions,
            errors: report.errors.length,
          });
        }
      })
      .catch((error: unknown) => logger.error('reconciliation sweep failed', describe(error)))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = everyMs > 0 ? setInterval(sweep, everyMs) : undefined;
  timer?.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
