/**
 * Defaults with the given values laid over them, where "given" means present and not
 * `undefined`: an option written `timeoutMs: process.env.X ? Number(process.env.X) : undefined`
 * keeps the default instead of erasing it.
 *
 * @module
 */

/**
 * `defaults` with every entry of `given` that is not `undefined` laid over it (one level deep).
 *
 * @example
 * ```ts
 * withDefaults({ a: 1, b: 2 }, { a: undefined, b: 3 }); // { a: 1, b: 3 }
 * ```
 */
export function withDefaults<T extends object>(
  defaults: T,
  given: { readonly [K in keyof T]?: T[K] | undefined } | undefined,
): T {
  const result = { ...defaults };
  for (const [key, value] of Object.entries(given ?? {})) {
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  }
  return result;
}
