/**
 * What every resource needs: a way to send a call, and the settings.
 *
 * @module
 */
import type { WPaySettings } from '../options.js';
import type { SchemaSettings } from '../schemas/common.js';
import type { RequestOptions } from '../transport/request.js';

/**
 * Per-call options every resource method takes as its last argument.
 *
 * @example
 * ```ts
 * await wpay.payments.retrieve({ trxNo }, { timeoutMs: 5_000, maxRetries: 0, signal: request.signal });
 * ```
 */
export interface CallOptions {
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Overrides `timeoutMs` for this call. */
  timeoutMs?: number;
  /** Overrides `maxRetries` for this call. */
  maxRetries?: number;
}

/** The context resources are built on (see `WPay`). */
export interface ResourceContext {
  /** Sends a signed call and parses its `retdata`. */
  call<T>(path: string, body: unknown, options: RequestOptions<T>): Promise<T>;
  settings: WPaySettings;
  schemaSettings: SchemaSettings;
}
