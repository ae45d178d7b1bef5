/**
 * zod at the trust boundaries, reported one way: issues as `{ path: 'items.0.sku', message }`
 * (the shape of `WPayValidationError.issues` and of the handlers' `fields`).
 *
 * @module
 */

import { WPayValidationError, type WPayValidationIssue } from './errors.js';
import * as z from './zod.js';

/**
 * The issues of `error`, each path dotted and placed under `prefix`.
 *
 * @example
 * ```ts
 * issuesOf(z.object({ sku: z.string() }).safeParse({}).error!); // [{ path: 'sku', message: '…' }]
 * ```
 */
export function issuesOf(error: z.core.$ZodError, prefix = ''): WPayValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

function parse<S extends z.core.$ZodType>(schema: S, input: unknown, what: string, hint?: string) {
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return parsed.data;
  throw new WPayValidationError({
    what,
    issues: issuesOf(parsed.error),
    ...(hint === undefined ? {} : { hint }),
  });
}

/**
 * Parses a request with `schema` before anything is sent.
 *
 * @throws {WPayValidationError} listing every bad field.
 * @example
 * ```ts
 * const body = validateRequest(paymentsRetrieveParamsSchema, params, 'payments.retrieve');
 * ```
 */
export function validateRequest<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  name: string,
): z.output<S> {
  return parse(schema, input, `${name} request`);
}

/**
 * Parses what WPay answered with `schema`.
 *
 * @throws {WPayValidationError} when the answer does not match.
 * @example
 * ```ts
 * const payment = validateAnswer(paymentSchema, retdata, 'answer of payments.retrieve');
 * ```
 */
export function validateAnswer<S extends z.core.$ZodType>(
  schema: S,
  data: unknown,
  name = 'answer',
): z.output<S> {
  return parse(
    schema,
    data,
    name,
    'WPay answered in an unexpected shape; check baseUrl, or report it if WPay changed its API.',
  );
}
