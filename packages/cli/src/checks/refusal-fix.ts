/** @module What to change when WPay (the sandbox) refused one of the shop's calls. */
import { PATHS, REFUSALS } from '@wpay/protocol';
import type { RequestLogEntry } from '@wpay/sandbox';

/**
 * The fix for a refused call, from its path and retcode (wpay-api.md §2–§4).
 *
 * @example
 * ```ts
 * refusalFix({ method: 'POST', path: '/checkout/w-payment/hpp', status: 401, retcode: '00007', at: '', fault: null }, url);
 * // 'WPAY_SIGN_KEY is not the sandbox's …'
 * ```
 */
export function refusalFix(call: RequestLogEntry, sandboxUrl: string): string {
  const lines = `the doctor's WPAY_* lines (\`wpay doctor --print-env\`, WPAY_BASE_URL=${sandboxUrl})`;
  if (call.path === PATHS.token) {
    return `WPAY_API_KEY / WPAY_API_SECRET are not the sandbox's: start the shop with ${lines}.`;
  }
  switch (call.retcode) {
    case REFUSALS.signatureMismatch.retcode:
      return `WPAY_SIGN_KEY is not the sandbox's (the signature did not match): start the shop with ${lines}.`;
    case REFUSALS.timestampSkew.retcode:
      return "The shop's clock is more than 2 minutes off (TIMESTAMP refused): synchronise it (NTP).";
    case REFUSALS.missingSignature.retcode:
      return 'The shop sent no SIGNATURE / TIMESTAMP headers: call WPay through @wpay/server-helper (it signs every call).';
    case REFUSALS.auth.retcode:
      return `The access token was refused: start the shop with ${lines}, and share one token store between instances.`;
    default:
      return `The shop's call was refused (retcode ${call.retcode}): read its log; the sandbox's dashboard at ${sandboxUrl}/ lists the request.`;
  }
}
