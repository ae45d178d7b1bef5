/**
 * Parses an answer that was fetched without a schema (pages, whose keys are renamed first).
 *
 * @module
 */
import type { z } from 'zod';
import { WPayValidationError } from '../errors.js';

/**
 * Parses `data` with `schema`.
 *
 * @throws {WPayValidationError} when WPay's answer does not match.
 * @example
 * ```ts
 * const page = validateAnswer(paymentPageSchema, normalizePage(data, settings.pageKeys));
 * ```
 */
export function validateAnswer<S extends z.ZodType>(
  schema: S,
  data: unknown,
  name = 'answer',
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new WPayValidationError({
    what: name,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    })),
    hint: 'WPay answered in an unexpected shape; check baseUrl, or report it if WPay changed its API.',
  });
}
