/**
 * What every resource needs: a way to send a call, the settings, and request validation.
 *
 * @module
 */
import type { z } from 'zod';
import { WPayValidationError } from '../errors.js';
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

/**
 * Parses `input` with `schema` before anything is sent.
 *
 * @throws {WPayValidationError} listing every bad field.
 * @example
 * ```ts
 * const body = validateRequest(paymentsRetrieveParamsSchema, params, 'payments.retrieve');
 * ```
 */
export function validateRequest<S extends z.ZodType>(
  schema: S,
  input: unknown,
  name: string,
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new WPayValidationError({
    what: `${name} request`,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
  });
}
