import type { CheckoutPayload } from './collect-payload.js';
import type {
  WpayCheckoutEvent,
  WpayErrorEvent,
  WpayRedirectEvent,
  WpayStatusEvent,
} from './events.js';
import type { WpayStrings } from './i18n/index.js';
import type { WpayButtonSize, WpayButtonVariant } from './wpay-button.js';

/**
 * Attributes every element accepts in JSX, plus `data-*` (sent by `<wpay-button>`).
 *
 * @example
 * ```ts
 * const props: WpayJsxBaseProps = { id: 'buy', 'data-sku': 'tee-42' };
 * ```
 */
export interface WpayJsxBaseProps {
  id?: string;
  class?: string;
  className?: string;
  slot?: string;
  hidden?: boolean;
  children?: unknown;
  key?: string | number;
  ref?: unknown;
  [data: `data-${string}`]: string | number | undefined;
}

/**
 * `<wpay-button>` in React-, Preact- or Solid-style JSX.
 *
 * @example
 * ```tsx
 * <wpay-button endpoint="/api/checkout" data-sku="tee-42" onwpay-error={(event) => log(event.detail.code)}>
 *   Buy now
 * </wpay-button>
 * ```
 */
export interface WpayButtonJsxProps extends WpayJsxBaseProps {
  endpoint: string;
  amount?: string | number;
  currency?: string;
  locale?: string;
  timeout?: number;
  'allowed-hosts'?: string;
  variant?: WpayButtonVariant;
  size?: WpayButtonSize;
  'full-width'?: boolean;
  disabled?: boolean;
  payload?: CheckoutPayload;
  strings?: Partial<WpayStrings>;
  'onwpay-checkout'?: (event: WpayCheckoutEvent) => void;
  'onwpay-redirect'?: (event: WpayRedirectEvent) => void;
  'onwpay-error'?: (event: WpayErrorEvent) => void;
}

/**
 * `<wpay-return>` in React-, Preact- or Solid-style JSX.
 *
 * @example
 * ```tsx
 * <wpay-return status-endpoint="/api/status" max-attempts={10} />
 * ```
 */
export interface WpayReturnJsxProps extends WpayJsxBaseProps {
  'status-endpoint': string;
  'max-attempts'?: number;
  'poll-interval'?: number;
  timeout?: number;
  locale?: string;
  strings?: Partial<WpayStrings>;
  'onwpay-status'?: (event: WpayStatusEvent) => void;
  'onwpay-error'?: (event: WpayErrorEvent) => void;
}

declare global {
  namespace JSX {
    interface IntrinsicElements {
      'wpay-button': WpayButtonJsxProps;
      'wpay-return': WpayReturnJsxProps;
    }
  }
}
