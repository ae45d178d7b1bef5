/**
 * `standIn`: makes a class a stand-in for a Web class (`Headers`, `Request`, `Response`): its
 * instances are `instanceof` the Web class, answer some members themselves, and hand every other
 * getter and method of the Web class to the real object their `real()` builds once.
 *
 * @module
 */

/** What a stand-in instance provides: the real object, built when first needed. */
export interface StandIn<Real> {
  real(): Real;
}

/**
 * Puts `web.prototype` under `stand.prototype` and forwards each of its getters and methods,
 * except the `own` members (and `constructor`), to `this.real()`.
 *
 * @example
 * ```ts
 * standIn(LazyHeaders, Headers, ['get', 'has']);
 * ```
 */
export function standIn<Real extends object>(
  stand: { prototype: StandIn<Real> },
  web: { prototype: Real },
  own: readonly PropertyKey[],
): void {
  const skip = new Set<PropertyKey>(['constructor', ...own]);
  Object.setPrototypeOf(stand.prototype, web.prototype);
  for (const key of Reflect.ownKeys(web.prototype)) {
    if (skip.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(web.prototype, key);
    if (descriptor?.get) {
      const get = descriptor.get;
      Object.defineProperty(stand.prototype, key, {
        configurable: true,
        get(this: StandIn<Real>) {
          return get.call(this.real());
        },
      });
    } else if (typeof descriptor?.value === 'function') {
      const method = descriptor.value as (...args: unknown[]) => unknown;
      Object.defineProperty(stand.prototype, key, {
        configurable: true,
        writable: true,
        value(this: StandIn<Real>, ...args: unknown[]) {
          return method.apply(this.real(), args);
        },
      });
    }
  }
}
