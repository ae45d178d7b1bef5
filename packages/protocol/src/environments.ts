/**
 * WPay's hosts (wpay-api.md §1).
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * Base URL of each environment [twin]. Another twin client uses `openapi.dev.stablelink.app`, so
 * every client keeps its `baseUrl` overridable.
 *
 * @example
 * ```ts
 * ENVIRONMENTS.sandbox; // 'https://openapi.stg.stablelink.app'
 * ```
 */
export const ENVIRONMENTS = deepFreeze({
  production: 'https://openapi.stablelink.app',
  sandbox: 'https://openapi.stg.stablelink.app',
} as const);

/**
 * The name of a WPay environment.
 *
 * @example
 * ```ts
 * const environment: Environment = 'sandbox';
 * ```
 */
export type Environment = keyof typeof ENVIRONMENTS;
