import { uuid } from './uuid.js';

/**
 * Hands out `Idempotency-Key`s, one per checkout intent. Retrying the same payload after a failure
 * reuses the key (so the merchant's server can recognise the retry); a different payload, or any
 * payload after {@link IntentKeys.settle}, gets a fresh key. Payloads are compared by their JSON,
 * which the button always builds in the same key order.
 *
 * @example
 * ```ts
 * const keys = new IntentKeys();
 * const first = keys.keyFor({ sku: 'tee-42' });
 * keys.keyFor({ sku: 'tee-42' }) === first; // true: a retry of the same intent
 * keys.settle();                           // the intent succeeded
 * keys.keyFor({ sku: 'tee-42' }) === first; // false: a new intent
 * ```
 */
export class IntentKeys {
  /** The pending intent's payload JSON; `undefined` once settled. */
  #fingerprint: string | undefined;
  #key = '';
  readonly #createKey: () => string;

  constructor(createKey: () => string = uuid) {
    this.#createKey = createKey;
  }

  /** The key for this payload: the pending intent's key if the payload is the same, else a new one. */
  keyFor(payload: unknown): string {
    const fingerprint = JSON.stringify(payload);
    if (this.#fingerprint !== fingerprint) {
      this.#key = this.#createKey();
      this.#fingerprint = fingerprint;
    }
    return this.#key;
  }

  /** Forgets the pending intent: it succeeded, the next request is a new intent. */
  settle(): void {
    this.#fingerprint = undefined;
  }
}
