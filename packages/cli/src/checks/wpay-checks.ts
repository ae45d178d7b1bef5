/**
 * @module The checks against a real WPay (`--env sandbox|production`): a token fetch and one
 * signed read (a one-row payment list) whose answer's signature is verified. No payment is made.
 */
import { PATHS, SIGNATURE_ERROR_RETCODES } from '@wpay/protocol';
import {
  WPay,
  WPayApiError,
  WPayAuthError,
  WPayNetworkError,
  WPaySignatureError,
  WPayTimeoutError,
} from '@wpay/server-helper';
import type { Checklist } from '../checklist.js';

/**
 * A real WPay account: credentials and where it is.
 *
 * @example
 * ```ts
 * const target: WPayTarget = { environment: 'sandbox', apiKey, apiSecret, signKey };
 * ```
 */
export interface WPayTarget {
  apiKey: string;
  apiSecret: string;
  signKey: string;
  /** `sandbox` or `production`; or give `baseUrl`. */
  environment?: 'production' | 'sandbox';
  /** Instead of `environment`: e.g. a proxy, or a local `wpay-sandbox`. */
  baseUrl?: string;
}

/**
 * Runs `wpay.token` and `wpay.signature` against `target`.
 *
 * @example
 * ```ts
 * await wpayChecks({ environment: 'sandbox', apiKey, apiSecret, signKey }, list);
 * ```
 */
export async function wpayChecks(target: WPayTarget, list: Checklist): Promise<string> {
  const { apiKey, apiSecret, signKey } = target;
  const where =
    target.baseUrl !== undefined
      ? { baseUrl: target.baseUrl }
      : { environment: target.environment ?? 'sandbox' };
  const wpay = new WPay({
    apiKey,
    apiSecret,
    signKey,
    ...where,
    verifyResponses: true,
    maxRetries: 0,
  });
  try {
    await wpay.payments.list({ pageNum: 1, pageSize: 1 });
    list.pass('wpay.token', `${wpay.baseUrl} issued an access token`);
    list.pass(
      'wpay.signature',
      'a signed payment list was accepted, and its answer verified with the sign key',
    );
  } catch (error) {
    record(list, error, wpay.baseUrl);
  }
  return wpay.baseUrl;
}

function record(list: Checklist, error: unknown, baseUrl: string): void {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof WPayNetworkError || error instanceof WPayTimeoutError) {
    list.fail(
      'wpay.token',
      `${baseUrl} could not be reached: ${message}`,
      'Check the network and --env (or WPAY_BASE_URL).',
    );
    list.skip('wpay.signature', 'needs wpay.token');
  } else if (error instanceof WPayAuthError && error.path === PATHS.token) {
    list.fail(
      'wpay.token',
      `the token request was refused: ${message}`,
      `Check WPAY_API_KEY and WPAY_API_SECRET, and that they belong to ${baseUrl} (sandbox keys do not work in production).`,
    );
    list.skip('wpay.signature', 'needs wpay.token');
  } else if (
    error instanceof WPayApiError &&
    SIGNATURE_ERROR_RETCODES.includes(String(error.retcode))
  ) {
    list.pass('wpay.token', `${baseUrl} issued an access token`);
    list.fail(
      'wpay.signature',
      `WPay refused the signature: ${message}`,
      "Check WPAY_SIGN_KEY (the API key's sign key, not its secret) and the machine's clock (±2 minutes).",
    );
  } else if (error instanceof WPaySignatureError) {
    list.pass('wpay.token', `${baseUrl} issued an access token`);
    list.fail(
      'wpay.signature',
      `WPay's answer did not verify: ${message}`,
      'Check WPAY_SIGN_KEY: the call was accepted, but the answer is signed with another key.',
    );
  } else {
    list.pass('wpay.token', `${baseUrl} issued an access token`);
    list.fail(
      'wpay.signature',
      `the signed call failed: ${message}`,
      "Read the error: WPay refused the doctor's one-row payment list.",
    );
  }
}
