/** Hosts where plain `http:` is accepted, for a sandbox running on the developer's machine. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Whether `host` (a `URL`'s hostname and port) matches one entry of an `allowed-hosts` list: an
 * exact hostname (`pay.example.com`), a host with port (`localhost:4010`), or a wildcard for
 * subdomains (`*.stablelink.app`, which does not match `stablelink.app` itself).
 *
 * @example
 * ```ts
 * hostMatches(new URL('https://openapi.stablelink.app/hpp/1'), '*.stablelink.app'); // true
 * ```
 */
export function hostMatches(url: URL, entry: string): boolean {
  const pattern = entry.toLowerCase();
  if (pattern.startsWith('*.')) return url.hostname.endsWith(pattern.slice(1));
  return pattern === url.hostname || pattern === url.host;
}

/**
 * Decides whether the browser may follow a redirect URL received from the merchant's server.
 * Accepts absolute `https:` URLs, and `http:` only on loopback hosts; refuses URLs carrying
 * credentials; when `allowedHosts` (space-separated) is not blank, the host must match one entry
 * (see {@link hostMatches}). Returns the parsed URL, or `undefined` when the URL must not be followed.
 *
 * @example
 * ```ts
 * safeRedirectUrl('https://openapi.stablelink.app/hpp/abc', '');  // URL
 * safeRedirectUrl('javascript:alert(1)', '');                      // undefined
 * safeRedirectUrl('https://evil.test/', 'openapi.stablelink.app'); // undefined
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
  const allowed = allowedHosts.split(/\s+/).filter(Boolean);
  if (allowed.length > 0 && !allowed.some((entry) => hostMatches(url, entry))) return undefined;
  return url;
}
