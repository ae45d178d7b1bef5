/** @module A field schema that remembers the strings it accepted (what a shop sends every call). */
import type { z } from 'zod';

/**
 * What {@link FieldCheck.take} needs of a field's schema: a zod schema, or a {@link rememberedField}.
 *
 * @example
 * ```ts
 * const parser: FieldParser<string> = z.string();
 * ```
 */
export interface FieldParser<T> {
  safeParse(value: unknown): z.ZodSafeParseResult<T>;
}

/** Strings remembered per field at most (then it starts again from none). */
const MAX_REMEMBERED = 256;

/**
 * `schema`, remembering up to 256 strings it accepted: a shop sends the same `successUrl`,
 * `cancelUrl`, currency and pay mode on every checkout, so zod checks each of them once, and the
 * payments kept share the string first accepted instead of each keeping its own copy. For
 * schemas whose answer depends on the string alone and that give strings back; a value that is
 * not a string, and a string refused, go to the schema every time.
 *
 * @example
 * ```ts
 * const successUrlField = rememberedField(httpUrl);
 * fields.take('successUrl', successUrlField);
 * ```
 */
export function rememberedField<T extends string>(schema: z.ZodType<T>): FieldParser<T> {
  const accepted = new Map<string, z.ZodSafeParseSuccess<T>>();
  return {
    safeParse(value) {
      if (typeof value !== 'string') return schema.safeParse(value);
      const known = accepted.get(value);
      if (known !== undefined) return known;
      const parsed = schema.safeParse(value);
      if (parsed.success) {
        if (accepted.size >= MAX_REMEMBERED) accepted.clear();
        accepted.set(value, parsed);
      }
      return parsed;
    },
  };
}
