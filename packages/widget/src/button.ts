/**
 * `@wpay/widget/button`: registers `<wpay-button>` alone, for pages that never show
 * `<wpay-return>` (a product page, a cart), and exports what a page uses with it. It shares its
 * modules with the full entry (`@wpay/widget`), so a build that imports both ships them once.
 * Without a build step, `dist/wpay-button.iife.js` is the same with Lit inside.
 *
 * @example
 * ```ts
 * import { WpayButton } from '@wpay/widget/button'; // defines <wpay-button>, not <wpay-return>
 * customElements.get('wpay-button') === WpayButton; // true
 * ```
 *
 * @packageDocumentation
 */
import { defineElements } from './define.js';
import { WpayButton } from './wpay-button.js';

export type { CheckoutPayload } from './collect-payload.js';
export { type DefineOptions, defineElements, type VersionedElement } from './define.js';
export {
  type WpayCheckoutDetail,
  WpayCheckoutEvent,
  type WpayErrorCode,
  type WpayErrorDetail,
  WpayErrorEvent,
  type WpayRedirectDetail,
  WpayRedirectEvent,
} from './events.js';
export type { WpayStrings } from './i18n/index.js';
export type { Logger } from './logger.js';
export { VERSION } from './version.js';
export type { CheckoutResponse, ServerError, ServerFieldError } from './wire-contract.js';
export {
  WpayButton,
  type WpayButtonSize,
  type WpayButtonState,
  type WpayButtonVariant,
} from './wpay-button.js';

defineElements({ 'wpay-button': WpayButton });
