/**
 * A random UUID v4: `crypto.randomUUID` where the page is a secure context, else the same from
 * `crypto.getRandomValues` (`randomUUID` is missing on plain-`http:` pages other than localhost).
 *
 * @example
 * ```ts
 * headers.set('Idempotency-Key', uuid());
 * ```
 */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Each 0 and 1 becomes 4 random bits, the 8 one of 8, 9, a, b (the RFC 4122 variant); the 4 is
  // the version.
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (char) => {
    const digit = Number(char);
    const random = crypto.getRandomValues(new Uint8Array(1))[0] ?? 0;
    return (digit ^ (random & (15 >> (digit / 4)))).toString(16);
  });
}
