/**
 * Access tokens (wpay-api.md §2).
 *
 * @module
 */
import { deepFreeze } from './deep-freeze.js';

/**
 * Facts of the token endpoint: lifetimes [doc] and how the request carries its fields [default:
 * `multipart/form-data`, per the doc's parameter table; the curl sample uses query parameters].
 *
 * @example
 * ```ts
 * TOKEN.accessTokenLifetimeSeconds; // 21600
 * ```
 */
export const TOKEN = deepFreeze({
  /** Access token lifetime when the answer has no `expires_in` [doc]. */
  accessTokenLifetimeSeconds: 21_600,
  /** Refresh token lifetime when the answer has no `rt_expires_in` [doc]. */
  refreshTokenLifetimeSeconds: 43_200,
  /** How the token request carries `grant_type`, `api_key`, `api_secret` [default]. */
  requestEncoding: 'multipart' as TokenRequestEncoding,
  /** The `grant_type` values [doc]. */
  grantTypes: { get: 'client_credentials', refresh: 'refresh_token' },
} as const);

/**
 * The ways a token request can be encoded: `multipart/form-data` or
 * `application/x-www-form-urlencoded` (the sandbox accepts both).
 *
 * @example
 * ```ts
 * TOKEN_REQUEST_ENCODINGS; // ['multipart', 'urlencoded']
 * ```
 */
export const TOKEN_REQUEST_ENCODINGS = deepFreeze(['multipart', 'urlencoded'] as const);

/**
 * How a token request is encoded: `multipart/form-data` or `application/x-www-form-urlencoded`.
 *
 * @example
 * ```ts
 * const encoding: TokenRequestEncoding = 'urlencoded';
 * ```
 */
export type TokenRequestEncoding = (typeof TOKEN_REQUEST_ENCODINGS)[number];

/**
 * The token object, bare (refresh [doc]) or in the envelope's `retdata` (get [doc]).
 *
 * @example
 * ```ts
 * const token: TokenData = { access_token: 'a', token_type: 'bearer', expires_in: 21600 };
 * ```
 */
export interface TokenData {
  access_token: string;
  token_type?: string;
  expires_in?: number;
  refresh_token?: string;
  rt_expires_in?: number;
}
