import { z } from 'zod';

/**
 * An integer sent as a JSON number or as a string of digits (lenient, like WPay's Java stack).
 *
 * @example
 * ```ts
 * intField(1, 100).parse('5'); // 5
 * ```
 */
export function intField(min: number, max: number) {
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^-?\d+$/)
          .transform(Number),
      ],
      {
        error: 'must be an integer',
      },
    )
    .pipe(
      z
        .number()
        .int('must be an integer')
        .min(min, `must be at least ${min}`)
        .max(max, `must be at most ${max}`),
    );
}

/**
 * A string of 1–`max` characters.
 *
 * @example
 * ```ts
 * textField(64).parse('abc');
 * ```
 */
export function textField(max: number) {
  return z
    .string({ error: 'must be a string' })
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
}

/**
 * A JSON number (amounts are JSON numbers in major units).
 *
 * @example
 * ```ts
 * amountField.parse(19.99);
 * ```
 */
export const amountField = z
  .number({ error: 'must be a JSON number in major units (e.g. 19.99)' })
  .refine(Number.isFinite, 'must be a finite number');

/**
 * Makes a schema accept `undefined` and `null` (an absent filter).
 *
 * @example
 * ```ts
 * optional(textField(10)).parse(null); // undefined
 * ```
 */
export function optional<T>(schema: z.ZodType<T>) {
  return z.union([z.undefined(), z.null().transform(() => undefined), schema]);
}
