/**
 * Hosts where plain `http:` is accepted, for a sandbox running on the developer's machine.
 *
 * @example
 * ```ts
 * LOOPBACK_HOSTS.includes(new URL('http://127.0.0.1:4010/hpp/1').hostname); // true
 * ```
 */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Decides whether the browser may follow a redirect URL received from the merchant's server.
 * Accepts absolute `https:` URLs, and `http:` only on loopback hosts; refuses URLs carrying
 * credentials; when `allowedHosts` (space-separated, any letter case) is not blank, the URL's host
 * (`pay.test`, or `localhost:4010` with its port) must be one of them. Returns the parsed URL, or `undefined` when
 * the URL must not be followed.
 *
 * @example
 * ```ts
 * safeRedirectUrl('https://openapi.stablelink.app/hpp/abc', '');  // URL
 * safeRedirectUrl('javascript:alert(1)', '');                      // undefined
 * safeRedirectUrl('https://evil.test/', 'openapi.stablelink.app'); // undefined
 * safeRedirectUrl('http://localhost:4010/hpp/1', 'localhost:4010');  // URL
 * ```
 */
export function safeRedirectUrl(raw: string, allowedHosts = ''): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const secure =
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && LOOPBACK_HOSTS.includes(url.hostname));
  if (!secure || url.username !== '' || url.password !== '') return undefined;
  const allowed = allowedHosts.toLowerCase().split(/\s+/).filter(Boolean);
  if (allowed.length > 0 && !allowed.includes(url.host)) return undefined;
  return url;
}
