/** @module The zod field shapes the API bodies are built from. */
import { z } from 'zod';

// Building a zod schema costs far more than using one: the factories below cache what they build,
// so routes can name their fields inline without rebuilding schemas on every request.
const cache = new Map<string, z.ZodType>();

function cached<T extends z.ZodType>(key: string, build: () => T): T {
  let schema = cache.get(key);
  if (!schema) {
    schema = build();
    cache.set(key, schema);
  }
  return schema as T;
}

/**
 * An integer sent as a JSON number or as a string of digits (lenient, like WPay's Java stack).
 *
 * @example
 * ```ts
 * intField(1, 100).parse('5'); // 5
 * ```
 */
export function intField(min: number, max: number) {
  return cached(`int:${min}:${max}`, () =>
    z
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
      ),
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
  return cached(`text:${max}`, () =>
    z
      .string({ error: 'must be a string' })
      .min(1, 'must not be empty')
      .max(max, `must be at most ${max} characters`),
  );
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
 * Any string (filters that accept free text).
 *
 * @example
 * ```ts
 * stringField.parse('ACTIVE');
 * ```
 */
export const stringField = z.string({ error: 'must be a string' });

const optionals = new WeakMap<z.ZodType, z.ZodType>();

/**
 * Makes a schema accept `undefined` and `null` (an absent filter).
 *
 * @example
 * ```ts
 * optional(textField(10)).parse(null); // undefined
 * ```
 */
export function optional<T>(schema: z.ZodType<T>): z.ZodType<T | undefined> {
  let wrapped = optionals.get(schema);
  if (!wrapped) {
    wrapped = z.union([z.undefined(), z.null().transform(() => undefined), schema]);
    optionals.set(schema, wrapped);
  }
  return wrapped as z.ZodType<T | undefined>;
}
