import { enButton } from './en-button.js';
import type { WpayStrings } from './strings.js';

// The English of dist/wpay-button.iife.js (vite.config.ts puts this module in place of en.ts for
// that file alone): `<wpay-button>`'s texts only, since no `<wpay-return>` there reads the others.

/**
 * English, as far as `<wpay-button>` reads it.
 *
 * @example
 * ```ts
 * en.pay; // 'Pay'
 * ```
 */
export const en = enButton as unknown as WpayStrings;
