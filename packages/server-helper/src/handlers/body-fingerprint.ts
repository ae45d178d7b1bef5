/**
 * A fingerprint of a request body, so that an idempotency key re-used with another body is caught.
 * The SHA-256 is `node:crypto`'s where the runtime has it (synchronous, no Web Crypto promise
 * machinery on every checkout), else Web Crypto's: the choice is automatic, the hex identical.
 *
 * @module
 */
import { nodeHmac } from '../transport/node-hmac.js';

const nodeCrypto = nodeHmac();
const encoder = new TextEncoder();

type Work = { value: unknown } | string;

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);
const omitted = (value: unknown) =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** The parts of one array or object, in writing order (`JSON.stringify`'s rules, keys sorted). */
function partsOf(value: object): Work[] {
  if (Array.isArray(value)) {
    const parts: Work[] = ['['];
    value.forEach((inner: unknown, i) => {
      if (i > 0) parts.push(',');
      parts.push({ value: omitted(inner) ? null : inner });
    });
    parts.push(']');
    return parts;
  }
  const parts: Work[] = ['{'];
  const entries = Object.entries(value).filter(([, inner]) => !omitted(inner));
  entries.sort(byKey).forEach(([key, inner], i) => {
    parts.push(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:`, { value: inner });
  });
  parts.push('}');
  return parts;
}

/**
 * `JSON.stringify` with sorted keys, written with an explicit stack: a body nested thousands
 * deep cannot overflow the call stack here.
 */
function canonicalJson(root: unknown): string {
  if (root === undefined) return 'undefined';
  const out: string[] = [];
  const stack: Work[] = [{ value: root }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    let { value } = item;
    const toJSON = (value as { toJSON?: unknown } | null)?.toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value); // dates, as JSON.stringify does
    if (typeof value === 'bigint') out.push(JSON.stringify(value.toString()));
    else if (value === null || typeof value !== 'object') out.push(JSON.stringify(value) ?? 'null');
    else {
      const parts = partsOf(value);
      for (let i = parts.length - 1; i >= 0; i--) stack.push(parts[i] as Work);
    }
  }
  return out.join('');
}

/**
 * Options of {@link bodyFingerprint}.
 *
 * @example
 * ```ts
 * await bodyFingerprint(body, { runtime: { crypto } }); // as on an edge runtime: Web Crypto
 * ```
 */
export interface BodyFingerprintOptions {
  /**
   * Where `node:crypto` (`process.getBuiltinModule`) and Web Crypto (`crypto.subtle`) are looked
   * up. Default `globalThis`.
   */
  runtime?: object;
}

/**
 * SHA-256 (hex) of the body as JSON with sorted keys: the same fields in another order, or sent
 * as a form instead of JSON, give the same fingerprint. Any depth of nesting is fine.
 *
 * @example
 * ```ts
 * await bodyFingerprint({ b: 1, a: 2 }) === (await bodyFingerprint({ a: 2, b: 1 })); // true
 * ```
 */
export async function bodyFingerprint(
  body: unknown,
  { runtime = globalThis }: BodyFingerprintOptions = {},
): Promise<string> {
  const text = canonicalJson(body);
  const node = runtime === globalThis ? nodeCrypto : nodeHmac(runtime);
  if (node) return node.sha256Hex(text);
  const { subtle } = (runtime as { crypto: Pick<Crypto, 'subtle'> }).crypto;
  const digest = await subtle.digest('SHA-256', encoder.encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
