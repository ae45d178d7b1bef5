/** @module Records in the order they were created: newest-first pages in O(page), oldest dropped in O(1). */

/**
 * Records in creation order, for list endpoints that page newest first: a page is cut from the
 * end without copying the rest, and the oldest record is dropped in constant time (a memory cap).
 *
 * @example
 * ```ts
 * const order = new CreationOrder<string>();
 * order.push('a'); order.push('b'); order.push('c');
 * order.page(1, 2); // ['c', 'b']
 * order.dropOldest(); // 'a'
 * ```
 */
export class CreationOrder<T> {
  #items: Array<T | undefined> = [];
  /** Index of the oldest record still held (slots before it were dropped). */
  #head = 0;

  /** Records held. */
  get size(): number {
    return this.#items.length - this.#head;
  }

  /** Appends the newest record. */
  push(item: T): void {
    this.#items.push(item);
  }

  /** The oldest record, if any. */
  oldest(): T | undefined {
    return this.#items[this.#head];
  }

  /** Removes and returns the oldest record. */
  dropOldest(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head += 1;
    // Reclaim the dropped slots once they are the larger half (amortised O(1) per drop).
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }

  /** Page `pageNo` (from 1) of `pageSize` records, newest first. */
  page(pageNo: number, pageSize: number): T[] {
    const end = this.#items.length - (pageNo - 1) * pageSize;
    const start = Math.max(this.#head, end - pageSize);
    const records: T[] = [];
    for (let index = end - 1; index >= start; index -= 1) records.push(this.#items[index] as T);
    return records;
  }

  /** Every record, newest first, without copying. */
  *newestFirst(): IterableIterator<T> {
    for (let index = this.#items.length - 1; index >= this.#head; index -= 1) {
      yield this.#items[index] as T;
    }
  }

  /** Every record, oldest first (a copy). */
  toArray(): T[] {
    return this.#items.slice(this.#head) as T[];
  }

  /** Forgets every record. */
  clear(): void {
    this.#items = [];
    this.#head = 0;
  }
}
