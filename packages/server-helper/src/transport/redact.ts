/**
 * Redaction for hooks and logs: headers, bodies and free text never carry a secret or a token.
 *
 * @module
 */

/** Placeholder written in place of a secret. */
export const REDACTED = '[REDACTED]';

const SECRET_KEYS = new Set(
  [
    'api_secret',
    'apisecret',
    'secret',
    'sign_key',
    'signkey',
    'access_token',
    'accesstoken',
    'refresh_token',
    'refreshtoken',
    'token',
    'authorization',
    'proxy-authorization',
    'cookie',
    'password',
  ].map((key) => key.toLowerCase()),
);

/**
 * Whether a key (of a body, a header set, an error's properties) names a secret:
 * `api_secret`, `signKey`, `access_token`, `Authorization`, `Cookie`…, in any letter case.
 *
 * @example
 * ```ts
 * isSecretKey('Authorization'); // true
 * isSecretKey('expires_in');    // false
 * ```
 */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase());
}

/**
 * A deep copy of `value` with every secret-looking key (`api_secret`, `access_token`,
 * `refresh_token`, `signKey`, …) replaced by `[REDACTED]`, and `scrubText` applied to every
 * other string (to remove known secrets a server may echo).
 *
 * @example
 * ```ts
 * redactBody({ access_token: 'abc', expires_in: 60 }); // { access_token: '[REDACTED]', expires_in: 60 }
 * ```
 */
export function redactBody(
  value: unknown,
  scrubText: (text: string) => string = (text) => text,
  depth = 0,
): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactBody(item, scrubText, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      isSecretKey(key) ? REDACTED : redactBody(item, scrubText, depth + 1),
    ]),
  );
}

/**
 * Headers as a plain object with `Authorization` and the given signature header redacted.
 *
 * @example
 * ```ts
 * redactHeaders(new Headers({ Authorization: 'Bearer abc', SIGNATURE: 'x' }), ['SIGNATURE']);
 * // { authorization: 'Bearer [REDACTED]', signature: '[REDACTED]' }
 * ```
 */
export function redactHeaders(
  headers: Headers | Record<string, string>,
  secretHeaders: readonly string[],
): Record<string, string> {
  const secret = new Set(['authorization', ...secretHeaders.map((name) => name.toLowerCase())]);
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  return Object.fromEntries(
    entries.map(([name, value]) => {
      const lower = name.toLowerCase();
      if (!secret.has(lower)) return [lower, value];
      return [lower, /^bearer /i.test(value) ? `Bearer ${REDACTED}` : REDACTED];
    }),
  );
}

/**
 * Replaces every occurrence of the given secrets in `text` (e.g. a `retmsg` echoing a token).
 * Secrets shorter than 4 characters are ignored (they would mangle ordinary text).
 *
 * @example
 * ```ts
 * scrub('token abc123 expired', ['abc123']); // 'token [REDACTED] expired'
 * ```
 */
export function scrub(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
