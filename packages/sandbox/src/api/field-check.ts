/** @module Collects field problems of a request body into one 400 answer. */
import { refuse } from './api-error.js';
import type { FieldParser } from './remembered-field.js';

/**
 * Collects field problems so that one 400 answer names every bad field:
 * `amount: must be greater than 0; currency: must be a 3-letter ISO 4217 code`.
 *
 * @example
 * ```ts
 * const fields = new FieldCheck(body);
 * const trxNo = fields.take('trxNo', z.string().min(1));
 * fields.throwIfBad(); // ApiError 400 naming each field
 * ```
 */
export class FieldCheck {
  readonly #body: Record<string, unknown>;
  readonly issues: string[] = [];

  constructor(body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw refuse('invalidField', 'body: must be a JSON object');
    }
    this.#body = body as Record<string, unknown>;
  }

  /** The raw value of a field. */
  raw(name: string): unknown {
    return this.#body[name];
  }

  /** Parses a field; records its problem and returns `undefined` when it is bad. */
  take<T>(name: string, schema: FieldParser<T>): T | undefined {
    const value = this.#body[name];
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const first = parsed.error.issues[0];
    this.fail(name, value === undefined ? 'is required' : (first?.message ?? 'is invalid'));
    return undefined;
  }

  /** Records a problem. */
  fail(name: string, message: string): void {
    this.issues.push(`${name}: ${message}`);
  }

  /** Throws a 400 naming every problem, if any. */
  throwIfBad(): void {
    if (this.issues.length > 0) throw refuse('invalidField', this.issues.join('; '));
  }
}
