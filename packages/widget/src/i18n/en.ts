import { enButton } from './en-button.js';
import type { WpayStrings } from './strings.js';

/**
 * English: `<wpay-button>`'s texts ({@link enButton}), then `<wpay-return>`'s.
 *
 * @example
 * ```ts
 * en.pay; // 'Pay'
 * ```
 */
export const en: WpayStrings = {
  ...enButton,
  succeeded: 'Payment confirmed. Thank you!',
  processing: 'Confirming payment…',
  processingSlow: 'Still processing. Check back later.',
  cancelled: 'Payment cancelled.',
  failed: 'Payment failed.',
  errorStatus: 'Could not check the payment. Reload the page.',
};
