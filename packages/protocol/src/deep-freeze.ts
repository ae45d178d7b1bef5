/**
 * Freezes a value and everything it holds, so a shared protocol table cannot be changed by one of
 * its readers behind the others' backs.
 *
 * @module
 */

/**
 * `value`, frozen all the way down (objects and arrays; other values as they are). A RegExp is
 * left as it is: validators reset its `lastIndex`, which a frozen one refuses.
 *
 * @example
 * ```ts
 * const PATHS = deepFreeze({ token: '/user/auth/oauth2/token' });
 * Object.isFrozen(PATHS); // true
 * ```
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || value instanceof RegExp) return value;
  if (!Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
