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
  const random = crypto.getRandomValues(new Uint8Array(32));
  let index = 0;
  // Each x becomes 4 random bits; y becomes 10xx (the RFC 4122 variant); the 4 is the version.
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (char) => {
    const bits = (random[index++] ?? 0) & 15;
    return (char === 'x' ? bits : (bits & 3) | 8).toString(16);
  });
}
