/**
 * zod's English messages for the helper's `zod/mini` schemas. zod classic registers them when its
 * first schema is built; `zod/mini` leaves the locale unset (every message would read "Invalid
 * input"), so each module that builds schemas calls this first. A locale the application chose
 * (`z.config(z.locales.fr())`) is kept.
 *
 * @module
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * Sets zod's English messages unless a locale is already set.
 *
 * @example
 * ```ts
 * englishZodMessages();
 * const schema = z.object({ sku: z.string() }); // issues read "Invalid input: expected string, …"
 * ```
 */
export function englishZodMessages(): void {
  if (!config().localeError) config(en());
}
