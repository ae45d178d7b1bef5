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
  /**
   * One iterator over the keys for the map's whole life, which goes on from the last key it
   * dropped. A fresh `keys()` would walk again past every slot deleted so far (a `Map` keeps them
   * until it rehashes): at 100 000 keys that made each eviction cost tens of microseconds.
   */
  #oldest: Iterator<K> | undefined;

  constructor(maxEntries: number) {
    super();
    this.#maxEntries = maxEntries;
  }

  override set(key: K, value: V): this {
    this.delete(key);
    super.set(key, value);
    if (this.size > this.#maxEntries) this.#dropOldest();
    return this;
  }

  override clear(): void {
    super.clear();
    this.#oldest = undefined;
  }

  #dropOldest(): void {
    this.#oldest ??= this.keys();
    let oldest = this.#oldest.next();
    if (oldest.done) {
      this.#oldest = this.keys();
      oldest = this.#oldest.next();
    }
    if (!oldest.done) this.delete(oldest.value);
  }
}
