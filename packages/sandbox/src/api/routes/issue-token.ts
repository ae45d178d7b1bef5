/** @module `POST /user/auth/oauth2/token`: the client-credentials and refresh grants. */

import type { SandboxContext } from '../../sandbox-context.js';
import { ApiError } from '../api-error.js';
import { parseMultipart } from '../parse-multipart.js';
import { signaturesMatch } from '../signature.js';

/** The token endpoint's path [doc]. */
export const TOKEN_PATH = '/user/auth/oauth2/token';

/**
 * The token request's parameters from the query, and from a `multipart/form-data`,
 * `application/x-www-form-urlencoded` or JSON body (the body wins).
 *
 * @example
 * ```ts
 * tokenParams('grant_type=client_credentials', '', Buffer.alloc(0)).grant_type;
 * ```
 */
export function tokenParams(
  query: string,
  contentType: string,
  body: Buffer,
): Record<string, string> {
  const params: Record<string, string> = Object.fromEntries(new URLSearchParams(query));
  const type = contentType.toLowerCase();
  if (body.length === 0) return params;
  if (type.startsWith('multipart/form-data')) {
    Object.assign(params, parseMultipart(body, contentType) ?? {});
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  } else if (type.startsWith('application/json')) {
    try {
      const json: unknown = JSON.parse(body.toString('utf8'));
      if (typeof json === 'object' && json !== null) {
        for (const [key, value] of Object.entries(json)) {
          if (typeof value === 'string') params[key] = value;
        }
      }
    } catch {
      throw new ApiError(401, '401', 'body: not valid JSON');
    }
  }
  return params;
}

/**
 * `POST /user/auth/oauth2/token` (unsigned): `client_credentials` answers the envelope,
 * `refresh_token` answers the bare token object (or the envelope, `refreshResponseShape`).
 * Every refusal is HTTP 401, retcode 401, naming the reason.
 *
 * @example
 * ```ts
 * issueToken({ grant_type: 'client_credentials', api_key, api_secret }, ctx);
 * ```
 */
export function issueToken(params: Record<string, string>, ctx: SandboxContext): unknown {
  const { credentials, refreshResponseShape } = ctx.options;
  const grant = params.grant_type;
  if (grant === 'client_credentials') {
    const { api_key: apiKey, api_secret: apiSecret } = params;
    if (!apiKey) throw new ApiError(401, '401', 'api_key: is required');
    if (!apiSecret) throw new ApiError(401, '401', 'api_secret: is required');
    if (!signaturesMatch(apiKey, credentials.apiKey)) {
      throw new ApiError(401, '401', 'api_key: unknown api key');
    }
    if (!signaturesMatch(apiSecret, credentials.apiSecret)) {
      throw new ApiError(401, '401', 'api_secret: does not match the api key');
    }
    return { retcode: 200, retdata: ctx.tokens.issue(), success: true };
  }
  if (grant === 'refresh_token') {
    const refreshToken = params.refresh_token;
    if (!refreshToken) throw new ApiError(401, '401', 'refresh_token: is required');
    const token = ctx.tokens.refresh(refreshToken);
    return refreshResponseShape === 'bare'
      ? token
      : { retcode: 200, retdata: token, success: true };
  }
  throw new ApiError(
    401,
    '401',
    `grant_type: must be client_credentials or refresh_token${grant ? '' : ' (missing)'}`,
  );
}
