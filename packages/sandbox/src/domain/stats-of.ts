/** @module The counters of `sb.stats()`. */
import type { SandboxContext, SandboxStats } from '../sandbox-context.js';

/**
 * The counters of `sb.stats()`.
 *
 * @example
 * ```ts
 * statsOf(ctx).tokenRequests;
 * ```
 */
export function statsOf(ctx: SandboxContext): SandboxStats {
  return {
    ...ctx.stats,
    faultsInjected: ctx.faults.injected,
    webhookEvents: ctx.webhooks.events().length,
  };
}
