/**
 * A fingerprint of a request body, so that an idempotency key re-used with another body is caught.
 *
 * @module
 */

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries.map(([key, inner]) => [key, canonical(inner)]));
  }
  return value;
}

/**
 * SHA-256 (hex) of the body as JSON with sorted keys: the same fields in another order, or sent
 * as a form instead of JSON, give the same fingerprint.
 *
 * @example
 * ```ts
 * await bodyFingerprint({ b: 1, a: 2 }) === (await bodyFingerprint({ a: 2, b: 1 })); // true
 * ```
 */
export async function bodyFingerprint(body: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(canonical(body)) ?? 'undefined');
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
