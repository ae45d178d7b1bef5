import type { WpayStrings } from './strings.js';

/**
 * `<wpay-button>`'s English texts, part of {@link en}: all the English that
 * dist/wpay-button.iife.js carries (see `en.button-only.ts`).
 *
 * @example
 * ```ts
 * enButton.pay; // 'Pay'
 * ```
 */
export const enButton = {
  pay: 'Pay',
  busy: 'Starting checkout…',
  errorNetwork: 'Store unreachable. Try again.',
  errorServer: 'Payment could not start. Try again.',
} as const satisfies Partial<WpayStrings>;
