import type { IncomingMessage } from 'node:http';
import { ApiError } from './api-error.js';
import type { SandboxContext } from './context.js';
import { headerOf } from './http-io.js';
import type { RequestTarget } from './respond.js';
import { signaturesMatch, signRequest } from './signature.js';

/**
 * Checks a business call like WPay would: Bearer token, then signature and timestamp headers,
 * then the ±window against the REAL clock, then the signature over the raw body.
 *
 * @example
 * ```ts
 * authorize(ctx, req, target, rawBody); // throws ApiError 401 (401, 00006, 00009 or 00007)
 * ```
 */
export function authorize(
  ctx: SandboxContext,
  req: IncomingMessage,
  target: RequestTarget,
  rawBody: Buffer,
): void {
  const { signatureHeader, timestampHeader, timestampToleranceMs, credentials } = ctx.options;
  const authorization = headerOf(req, 'authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  ctx.tokens.check(bearer);

  const signature = headerOf(req, signatureHeader);
  const timestamp = headerOf(req, timestampHeader);
  if (!signature) throw new ApiError(401, '00006', `missing ${signatureHeader} header`);
  if (!timestamp) throw new ApiError(401, '00006', `missing ${timestampHeader} header`);
  if (!/^\d{1,16}$/.test(timestamp)) {
    throw new ApiError(
      401,
      '00009',
      `${timestampHeader} header must be milliseconds since the epoch`,
    );
  }
  const skew = Number(timestamp) - Date.now();
  if (Math.abs(skew) > timestampToleranceMs) {
    throw new ApiError(
      401,
      '00009',
      `${timestampHeader} is ${Math.abs(skew)} ms ${skew > 0 ? 'ahead of' : 'behind'} the server clock (allowed ±${timestampToleranceMs} ms)`,
    );
  }
  const expected = signRequest(credentials.signKey, { ...target, timestamp, body: rawBody });
  if (!signaturesMatch(signature, expected)) throw new ApiError(401, '00007', 'signature mismatch');
}
