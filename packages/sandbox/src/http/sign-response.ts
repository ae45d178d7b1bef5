/** @module Signs every answer like WPay does: one response step, applied to every route. */
import { signRequest } from '../api/signature.js';
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
  const body = new Uint8Array(await response.arrayBuffer());
  const timestamp = String(Date.now());
  const signature = signRequest(signing.signKey, { ...signing.target, timestamp, body });
  const headers = new Headers(response.headers);
  headers.set('content-length', String(body.byteLength));
  if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  headers.set(signing.signatureHeader, signature);
  headers.set(signing.timestampHeader, timestamp);
  const hasBody = response.status !== 204 && response.status !== 304;
  return new Response(hasBody ? body : null, { status: response.status, headers });
}
