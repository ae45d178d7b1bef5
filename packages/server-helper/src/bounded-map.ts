/**
 * A `Map` with a size limit, for the in-memory stores: the entry set longest ago goes first.
 *
 * @module
 */

/**
 * A `Map` that keeps at most `maxEntries`; setting a key makes it the newest.
 *
 * @example
 * ```ts
 * const seen = new BoundedMap<string, number>(2);
 * seen.set('a', 1).set('b', 2).set('c', 3);
 * seen.has('a'); // false
 * ```
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    super();
    this.#maxEntries = maxEntries;
  }

  override set(key: K, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > this.#maxEntries) {
      const oldest = this.keys().next();
      if (!oldest.done) this.delete(oldest.value);
    }
    return this;
  }
}
