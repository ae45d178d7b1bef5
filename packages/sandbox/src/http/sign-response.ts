/** @module Signs every answer like WPay does: one response step, applied to every route. */
import { signRequest } from '../api/signature.js';
import { partsOf, responseOf } from './prepared-response.js';
import type { RequestTarget } from './request-target.js';

/**
 * What signing an answer needs: the key, the header names and the request it answers.
 *
 * @example
 * ```ts
 * const signing: ResponseSigning = { signKey, signatureHeader: 'SIGNATURE', timestampHeader: 'TIMESTAMP', target };
 * ```
 */
export interface ResponseSigning {
  signKey: string;
  signatureHeader: string;
  timestampHeader: string;
  target: RequestTarget;
}

/**
 * The response with WPay's signature headers over METHOD + responseTimestamp + PATH + QUERY +
 * responseBody (wpay-api.md §3), its exact `content-length`, and `cache-control: no-store` unless
 * the route chose another.
 *
 * @example
 * ```ts
 * const signed = await signResponse(new Response('{}'), signing);
 * signed.headers.get('SIGNATURE');
 * ```
 */
export async function signResponse(
  response: Response,
  signing: ResponseSigning,
): Promise<Response> {
  const parts = partsOf(response);
  if (parts) return signParts(parts.status, parts.headers, parts.body ?? '', signing);
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const body = new Uint8Array(await response.arrayBuffer());
  return signParts(response.status, headers, body, signing);
}

function signParts(
  status: number,
  received: Readonly<Record<string, string>>,
  body: string | Uint8Array,
  signing: ResponseSigning,
): Response {
  const timestamp = String(Date.now());
  const { method, path, query } = signing.target;
  const signature = signRequest(signing.signKey, { method, timestamp, path, query, body });
  // Copied key by key: V8 adds keys to a spread copy on its slow path (µs, not ns).
  const headers: Record<string, string> = {};
  for (const name in received) headers[name] = received[name]!;
  headers['content-length'] = String(
    typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength,
  );
  if (headers['cache-control'] === undefined) headers['cache-control'] = 'no-store';
  headers[lowerCase(signing.signatureHeader)] = signature;
  headers[lowerCase(signing.timestampHeader)] = timestamp;
  const hasBody = status !== 204 && status !== 304;
  return responseOf({ status, headers, body: hasBody ? body : null });
}

const lowerCased = new Map<string, string>();

/** A header name in lower case, computed once per name. */
function lowerCase(name: string): string {
  let lower = lowerCased.get(name);
  if (lower === undefined) {
    lower = name.toLowerCase();
    lowerCased.set(name, lower);
  }
  return lower;
}
