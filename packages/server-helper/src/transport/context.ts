/**
 * What the transport functions share: one resolved configuration, passed explicitly.
 *
 * @module
 */
import type { ResolvedOptions } from '../options.js';
import type { Signer } from './sign.js';

/**
 * The explicit context of every transport function (no globals): resolved options plus the
 * signer and a scrubber for free text.
 *
 * @example
 * ```ts
 * const ctx = createTransportContext(resolveOptions({ apiKey, apiSecret, signKey, environment: 'sandbox' }));
 * ```
 */
export interface TransportContext
  extends Omit<ResolvedOptions, 'credentials' | 'tokenStore' | 'publicUrl'> {
  /** Path prefix of `baseUrl` (`''` for a bare host): part of the signed PATH. */
  basePath: string;
  /** Signs with the sign key, which stays inside the signer. */
  signer: Signer;
  /** Removes every known secret (api secret, sign key, current tokens) from free text. */
  scrub(text: string): string;
}
