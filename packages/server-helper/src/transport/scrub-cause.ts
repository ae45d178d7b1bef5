/**
 * A copy of a caught error that is safe to keep as a `cause`: a fetch wrapper's error may copy
 * the request (the `Authorization: Bearer …` header, the token call's `api_secret`) into its
 * message, its own properties, a nested `cause` or an `AggregateError`'s `errors`.
 *
 * @module
 */
import { isSecretKey, REDACTED } from './redact.js';

/** How deep a cause chain is copied; deeper values are dropped. */
const MAX_DEPTH = 8;

/** Credentials written in free text (`Authorization: Bearer abc`, `Basic dXNlcjpwdw==`). */
const CREDENTIAL_TEXT = /\b(Bearer|Basic)\s+[A-Za-z0-9\-._~+/]+=*/gi;

function scrubText(text: string, scrub: (text: string) => string): string {
  return scrub(text).replace(CREDENTIAL_TEXT, `$1 ${REDACTED}`);
}

/**
 * A deep copy of `value` with every known secret (`scrub`) and every credential-looking text
 * removed from strings, secret-looking keys (`authorization`, `api_secret`, `access_token`…)
 * redacted, and `Headers`, `Request`, `FormData` and bytes reduced to what is safe. An `Error`
 * becomes a plain `Error` with the same `name`, scrubbed `message` and `stack`, its enumerable
 * properties (`code`, `errno`…) and its copied `cause` and `errors`.
 *
 * @example
 * ```ts
 * const cause = scrubCause(error, ctx.scrub); // then new WPayNetworkError({ …, cause })
 * ```
 */
export function scrubCause(value: unknown, scrub: (text: string) => string): unknown {
  return copy(value, scrub, 0, new WeakMap());
}

function copy(
  value: unknown,
  scrub: (text: string) => string,
  depth: number,
  seen: WeakMap<object, unknown>,
): unknown {
  if (typeof value === 'string') return scrubText(value, scrub);
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return undefined;
  if (seen.has(value)) return seen.get(value);
  const next = (item: unknown) => copy(item, scrub, depth + 1, seen);

  if (value instanceof Error) {
    const error = new Error(scrubText(value.message, scrub));
    seen.set(value, error);
    Object.defineProperty(error, 'name', { value: value.name, writable: true, configurable: true });
    if (value.stack === undefined) delete error.stack;
    else error.stack = scrubText(value.stack, scrub);
    copyEntries(value, error, next);
    if ('cause' in value && value.cause !== undefined) {
      Object.defineProperty(error, 'cause', { value: next(value.cause), configurable: true });
    }
    const { errors } = value as { errors?: unknown };
    if (Array.isArray(errors)) {
      Object.defineProperty(error, 'errors', { value: errors.map(next), configurable: true });
    }
    return error;
  }
  if (value instanceof Headers) return copyPairs([...value.entries()], next);
  if (typeof FormData !== 'undefined' && value instanceof FormData) {
    return copyPairs([...value.entries()], next);
  }
  if (value instanceof URLSearchParams) return copyPairs([...value.entries()], next);
  if (value instanceof Request) return { method: value.method, url: next(value.url) };
  if (value instanceof Response) return { status: value.status, url: next(value.url) };
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return `[${value.byteLength} bytes]`;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const item of value) out.push(next(item));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  copyEntries(value, out, next);
  return out;
}

function copyEntries(from: object, to: object, next: (item: unknown) => unknown): void {
  for (const key of Object.keys(from)) {
    if (key === 'stack' || key === 'message' || key === 'cause' || key === 'errors') continue;
    let item: unknown;
    try {
      item = (from as Record<string, unknown>)[key];
    } catch {
      continue; // a throwing getter
    }
    // defineProperty: a key such as `__proto__` stays a plain property of the copy.
    Object.defineProperty(to, key, {
      value: isSecretKey(key) ? REDACTED : next(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
}

function copyPairs(
  pairs: Array<[string, unknown]>,
  next: (item: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  copyEntries(Object.fromEntries(pairs), out, next);
  return out;
}
