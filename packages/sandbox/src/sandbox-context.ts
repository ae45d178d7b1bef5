/** @module Everything a route needs, on one object. */

import type { ClockScope } from './domain/clock-scope.js';
import type { Ledger } from './domain/ledger.js';
import type { SandboxState } from './domain/sandbox-state.js';
import type { TokenAuthority } from './domain/token-authority.js';
import type { ViewSettings } from './domain/views.js';
import type { FaultInjector } from './faults/fault-injector.js';
import type { ResolvedOptions } from './options.js';
import type { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';

/**
 * One API call as logged by the sandbox.
 *
 * @example
 * ```ts
 * sb.requests().at(-1); // { method: 'POST', path: '/checkout/w-payment/hpp', status: 200, retcode: '200', at, fault: null }
 * ```
 */
export interface RequestLogEntry {
  method: string;
  path: string;
  /** HTTP status answered, `null` when a timeout fault never answered. */
  status: number | null;
  /** retcode answered, `null` for a non-envelope answer. */
  retcode: string | null;
  /** ISO time (real clock). */
  at: string;
  /** The fault that shaped the answer, if any. */
  fault: string | null;
}

/**
 * Counters of `sb.stats()`.
 *
 * @example
 * ```ts
 * sb.stats().tokenRequests; // 1
 * ```
 */
export interface SandboxStats {
  /** Calls to the token endpoint. */
  tokenRequests: number;
  /** API calls (token endpoint included; control API, pages and dashboard excluded). */
  requests: number;
  /** API calls answered with a non-200 retcode or a non-2xx status. */
  refusals: number;
  /** Hosted-page sessions created (re-used ones excluded). */
  checkouts: number;
  /** Faults that fired (HTTP and webhook). */
  faultsInjected: number;
  /** Webhook events created. */
  webhookEvents: number;
  /** Webhook delivery attempts. */
  webhookAttempts: number;
  /** Deliveries acknowledged with a 2xx. */
  webhooksDelivered: number;
}

/** Everything a route needs: one merchant of the sandbox. */
export interface SandboxContext {
  /** The merchant's id (`default` for the top-level options' one). */
  readonly merchantId: string;
  readonly options: ResolvedOptions;
  /** This merchant's scope on the shared clock. */
  readonly clock: ClockScope;
  readonly state: SandboxState;
  readonly ledger: Ledger;
  readonly tokens: TokenAuthority;
  readonly faults: FaultInjector;
  readonly webhooks: WebhookDispatcher;
  readonly views: ViewSettings;
  readonly stats: Omit<SandboxStats, 'faultsInjected' | 'webhookEvents'>;
  readonly requestLog: RequestLogEntry[];
  /** Aborts when the sandbox closes (held requests let go). */
  readonly closing: AbortSignal;
  /** Base URL of hosted pages. */
  publicUrl: string;
  /** Origins the sandbox answers as itself (its URL and `publicUrl`), for the cross-site check. */
  ownOrigins: readonly string[];
  /** Where webhooks go. */
  webhookUrl: string | undefined;
  /** Every merchant of the sandbox, this one included, `default` first (the dashboard's switcher). */
  merchantDirectory: ReadonlyArray<{ id: string; merchantName: string }>;
  /**
   * `false`: the "buyer never returns" switch: a completed hosted page answers a final page
   * instead of redirecting to `successUrl`/`cancelUrl`, as when the browser closes after paying,
   * so that webhook-only paths get tested.
   */
  buyerReturns: boolean;
  /**
   * Forgets this merchant's records, events, faults, request log and counters
   * (`sb.merchant(id).reset()`).
   */
  readonly reset: () => void;
  /** Resets every merchant of the sandbox (`sb.reset()`). */
  readonly resetAll: () => void;
}
