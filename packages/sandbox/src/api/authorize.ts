/** @module Checks a business call like WPay: Bearer token, signature headers, time window, signature. */

import { HEADERS } from '@wpay/protocol';
import type { RequestTarget } from '../http/request-target.js';
import type { SandboxContext } from '../sandbox-context.js';
import { refuse } from './api-error.js';
import { signaturesMatch, signRequest } from './signature.js';

/**
 * Checks a business call like WPay would: Bearer token, then signature and timestamp headers,
 * then the ±window against the REAL clock, then the signature over the raw body.
 *
 * @example
 * ```ts
 * authorize(ctx, request.headers, target, rawBody); // throws ApiError 401 (401, 00006, 00009 or 00007)
 * ```
 */
export function authorize(
  ctx: SandboxContext,
  headers: Headers,
  target: RequestTarget,
  rawBody: Uint8Array,
): void {
  const { signatureHeader, timestampHeader, timestampToleranceMs, credentials } = ctx.options;
  const authorization = headers.get(HEADERS.authorization) ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  ctx.tokens.check(bearer);

  const signature = headers.get(signatureHeader);
  const timestamp = headers.get(timestampHeader);
  if (!signature) throw refuse('missingSignature', `missing ${signatureHeader} header`);
  if (!timestamp) throw refuse('missingSignature', `missing ${timestampHeader} header`);
  if (!/^\d{1,16}$/.test(timestamp)) {
    throw refuse('timestampSkew', `${timestampHeader} header must be milliseconds since the epoch`);
  }
  const skew = Number(timestamp) - Date.now();
  if (Math.abs(skew) > timestampToleranceMs) {
    throw refuse(
      'timestampSkew',
      `${timestampHeader} is ${Math.abs(skew)} ms ${skew > 0 ? 'ahead of' : 'behind'} the server clock (allowed ±${timestampToleranceMs} ms)`,
    );
  }
  const { method, path, query } = target;
  const expected = signRequest(credentials.signKey, {
    method,
    timestamp,
    path,
    query,
    body: rawBody,
  });
  if (!signaturesMatch(signature, expected))
    throw refuse('signatureMismatch', 'signature mismatch');
}
