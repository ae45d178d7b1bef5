/**
 * @module Reads a Content-Security-Policy header and answers whether it lets a URL through a
 * directive: enough of CSP Level 3's source matching for the widget's needs (script, fetch,
 * form), not a full implementation (nonces, hashes and 'strict-dynamic' are not modelled).
 */

/**
 * A parsed policy: each directive (lower case) with its source list.
 *
 * @example
 * ```ts
 * parseCsp("default-src 'self'; form-action 'self' https://pay.example").get('form-action');
 * // ["'self'", 'https://pay.example']
 * ```
 */
export type CspPolicy = Map<string, string[]>;

/** Where a directive falls back to when the policy does not name it (form-action: nowhere). */
const FALLBACKS: Record<string, string[]> = {
  'script-src': ['script-src-elem', 'script-src', 'default-src'],
  'connect-src': ['connect-src', 'default-src'],
  'form-action': ['form-action'],
};

/**
 * Parses a CSP header; when a directive repeats, the first one counts (as browsers do). Several
 * policies (comma-separated) are not merged: the first is read.
 *
 * @example
 * ```ts
 * const policy = parseCsp("script-src 'self'");
 * ```
 */
export function parseCsp(header: string): CspPolicy {
  const policy: CspPolicy = new Map();
  const [first = ''] = header.split(',');
  for (const part of first.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    const key = name.toLowerCase();
    if (!policy.has(key)) policy.set(key, sources);
  }
  return policy;
}

/**
 * Whether `policy` lets `url` through `directive` (`script-src`, `connect-src` or
 * `form-action`) on a page of `selfOrigin`.
 *
 * @example
 * ```ts
 * cspAllows(parseCsp("default-src 'self'"), 'connect-src', 'http://localhost:3000/api/checkout', 'http://localhost:3000'); // true
 * ```
 */
export function cspAllows(
  policy: CspPolicy,
  directive: string,
  url: string,
  selfOrigin: string,
): boolean {
  const name = (FALLBACKS[directive] ?? [directive]).find((candidate) => policy.has(candidate));
  if (name === undefined) return true;
  const target = new URL(url);
  return (policy.get(name) ?? []).some((source) =>
    sourceMatches(source, target, new URL(selfOrigin)),
  );
}

function sourceMatches(source: string, target: URL, self: URL): boolean {
  const lower = source.toLowerCase();
  if (lower === "'self'") return sameOrUpgraded(target, self) && target.host === self.host;
  if (lower === '*') return /^(https?|wss?):$/.test(target.protocol);
  if (lower.startsWith("'")) return false; // 'none', 'unsafe-inline', nonces, hashes
  const scheme = /^([a-z][a-z0-9+.-]*):$/.exec(lower);
  if (scheme)
    return target.protocol === lower || (lower === 'http:' && target.protocol === 'https:');
  const host = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^/:]+|\*)(?::(\d+|\*))?(\/.*)?$/.exec(lower);
  if (!host) return false;
  const [, protocol, wildcard, name = '', port] = host;
  if (protocol !== undefined) {
    if (
      !(target.protocol === `${protocol}:` || (protocol === 'http' && target.protocol === 'https:'))
    )
      return false;
  } else if (!sameOrUpgraded(target, self)) {
    return false;
  }
  const hostname = target.hostname.toLowerCase();
  if (name !== '*') {
    if (wildcard ? !hostname.endsWith(`.${name}`) : hostname !== name) return false;
  }
  if (port === '*') return true;
  const targetPort = target.port || (target.protocol === 'https:' ? '443' : '80');
  const expected = port ?? (target.protocol === 'https:' ? '443' : '80');
  return targetPort === expected;
}

/** The same scheme as the page, or https: on an http: page (CSP allows the upgrade). */
function sameOrUpgraded(target: URL, self: URL): boolean {
  return (
    target.protocol === self.protocol || (self.protocol === 'http:' && target.protocol === 'https:')
  );
}
