import type { WpayStrings } from './strings.js';

/**
 * English.
 *
 * @example
 * ```ts
 * en.pay; // 'Pay'
 * ```
 */
export const en: WpayStrings = {
  pay: 'Pay',
  busy: 'Starting checkout…',
  errorNetwork: 'Store unreachable. Try again.',
  errorServer: 'Payment could not start. Try again.',
  succeeded: 'Payment confirmed. Thank you!',
  processing: 'Confirming payment…',
  processingSlow: 'Still processing. Check back later.',
  cancelled: 'Payment cancelled.',
  failed: 'Payment failed.',
  errorStatus: 'Could not check the payment. Reload the page.',
};
