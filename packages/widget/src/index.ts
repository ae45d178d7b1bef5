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
export { formatAmount } from './format-amount.js';
export { CATALOG, resolveLocale, stringsFor, type WpayStrings } from './i18n/index.js';
export type { WpayButtonJsxProps, WpayJsxBaseProps, WpayReturnJsxProps } from './jsx.js';
export { consoleLogger, type Logger } from './logger.js';
export { LOOPBACK_HOSTS, safeRedirectUrl } from './redirect-policy.js';
export { VERSION } from './version.js';
export type {
  CheckoutResponse,
  PaymentOutcome,
  PaymentStatus,
  ServerError,
  ServerFieldError,
} from './wire-contract.js';
export {
  DEFAULT_TIMEOUT_MS,
  WpayButton,
  type WpayButtonSize,
  type WpayButtonState,
  type WpayButtonVariant,
} from './wpay-button.js';
export { RETURN_DEFAULTS, WpayReturn, type WpayReturnState } from './wpay-return.js';

defineElements({ 'wpay-button': WpayButton, 'wpay-return': WpayReturn });
