// The public surface of @wpay/widget, chosen on purpose: what a shop's page or build uses — the two
// element classes, their events with the types of their details, the types of their attributes and
// properties, the wire shapes those carry, `defineElements` for another registry, and `VERSION`.
// Helpers behind the elements (translations, the redirect policy, number formatting, defaults)
// are not exported: they may change in any release. api-report.txt lists the surface.
import { defineElements } from './define.js';
import { WpayButton } from './wpay-button.js';
import { WpayReturn } from './wpay-return.js';

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
  WpayStatusEvent,
} from './events.js';
export type { WpayStrings } from './i18n/index.js';
export type { WpayButtonJsxProps, WpayJsxBaseProps, WpayReturnJsxProps } from './jsx.js';
export type { Logger } from './logger.js';
export { VERSION } from './version.js';
export type {
  CheckoutResponse,
  PaymentOutcome,
  PaymentStatus,
  ServerError,
  ServerFieldError,
} from './wire-contract.js';
export {
  WpayButton,
  type WpayButtonSize,
  type WpayButtonState,
  type WpayButtonVariant,
} from './wpay-button.js';
export { WpayReturn, type WpayReturnState } from './wpay-return.js';

defineElements({ 'wpay-button': WpayButton, 'wpay-return': WpayReturn });
