/** @module `POST /user/auth/oauth2/token`: the client-credentials and refresh grants. */

import { SUCCESS_RETCODE, TOKEN } from '@wpay/protocol';
import type { SandboxContext } from '../../sandbox-context.js';
import { refuse } from '../api-error.js';
import { parseMultipart } from '../parse-multipart.js';
import { signaturesMatch } from '../signature.js';

/** The token answer's retcode: the success retcode as a JSON number, as WPay sends it [doc]. */
const TOKEN_RETCODE = Number(SUCCESS_RETCODE);

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
      throw refuse('auth', 'body: not valid JSON');
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
  if (grant === TOKEN.grantTypes.get) {
    const { api_key: apiKey, api_secret: apiSecret } = params;
    if (!apiKey) throw refuse('auth', 'api_key: is required');
    if (!apiSecret) throw refuse('auth', 'api_secret: is required');
    if (!signaturesMatch(apiKey, credentials.apiKey)) {
      throw refuse('auth', 'api_key: unknown api key');
    }
    if (!signaturesMatch(apiSecret, credentials.apiSecret)) {
      throw refuse('auth', 'api_secret: does not match the api key');
    }
    return { retcode: TOKEN_RETCODE, retdata: ctx.tokens.issue(), success: true };
  }
  if (grant === TOKEN.grantTypes.refresh) {
    const refreshToken = params.refresh_token;
    if (!refreshToken) throw refuse('auth', 'refresh_token: is required');
    const token = ctx.tokens.refresh(refreshToken);
    return refreshResponseShape === 'bare'
      ? token
      : { retcode: TOKEN_RETCODE, retdata: token, success: true };
  }
  throw refuse(
    'auth',
    `grant_type: must be ${TOKEN.grantTypes.get} or ${TOKEN.grantTypes.refresh}${grant ? '' : ' (missing)'}`,
  );
}
