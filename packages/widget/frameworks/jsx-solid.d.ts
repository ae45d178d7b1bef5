// Generated from custom-elements.json by framework-types.mjs: do not edit.
// Solid: the bare tags in JSX. Solid sets a custom element's props as properties (`full-width`
// as `fullWidth`), so objects need no `prop:`; listen with `on:wpay-*`. Enable with
// `import type {} from '@wpay/widget/jsx/solid'` once, or `"types": ["@wpay/widget/jsx/solid"]`.
import type { JSX } from 'solid-js';
import type { CheckoutPayload, Logger, PaymentStatus, WpayButton, WpayCheckoutEvent, WpayErrorEvent, WpayRedirectEvent, WpayReturn, WpayStatusEvent, WpayStrings } from '../dist/types/index.js';

/** `<wpay-button>`'s attributes, properties and events in Solid's JSX. */
export interface WpayButtonSolidProps extends JSX.HTMLAttributes<WpayButton> {
  /** The merchant's checkout URL (POST JSON → `{ redirectUrl }`); the button is disabled without it. */
  'endpoint'?: string;
  /** The price shown on the button, in major units (`19.99`). Display only. */
  'amount'?: string;
  /** ISO 4217 code of `amount` (`USD`). Display only. */
  'currency'?: string;
  /** Space-separated hosts the redirect may go to (`pay.example.com`, `localhost:4010`). Blank: any `https:` host, with a console warning (once per page) asking to set it. */
  'allowed-hosts'?: string;
  /** The look. */
  'variant'?: 'primary' | 'secondary' | 'outline';
  /** The size. */
  'size'?: 'small' | 'medium' | 'large';
  /** Takes the full width of its container. */
  'full-width'?: boolean;
  /** Disables the button (so does a missing `endpoint`). */
  'disabled'?: boolean;
  /** BCP 47 locale of texts and numbers; defaults to `<html lang>`, then the browser's. */
  'locale'?: string;
  /** Milliseconds before a request to the merchant's server is abandoned (error code `timeout`). */
  'timeout'?: number;
  /** Extra fields sent with the `data-*` attributes (wins over them). Must be JSON-serialisable. */
  payload?: CheckoutPayload;
  /** Receives the warning about a blank `allowed-hosts` (or a language file that could not be loaded); the console by default. */
  logger?: Logger;
  /** Leaves the page for the payment page. Replace it to navigate another way (or in tests). */
  navigate?: (url: string) => void;
  /** Overrides for any of the built-in strings. */
  strings?: Partial<WpayStrings>;
  /** Cancelable, before the request; `detail.payload` is editable. */
  'on:wpay-checkout'?: (event: WpayCheckoutEvent) => void;
  /** Cancelable, before navigating; `detail.url`, `detail.trxNo`. */
  'on:wpay-redirect'?: (event: WpayRedirectEvent) => void;
  /** The checkout failed; `detail.code` says why. */
  'on:wpay-error'?: (event: WpayErrorEvent) => void;
}

/** `<wpay-return>`'s attributes, properties and events in Solid's JSX. */
export interface WpayReturnSolidProps extends JSX.HTMLAttributes<WpayReturn> {
  /** The merchant's status URL (GET `?trxNo=&mchOrderNo=`, or one of them → the payment's outcome). */
  'status-endpoint'?: string;
  /** How many status checks at most before giving up on a payment still processing. */
  'max-attempts'?: number;
  /** Milliseconds before the second check; doubles after each check. */
  'poll-interval'?: number;
  /** BCP 47 locale of texts and numbers; defaults to `<html lang>`, then the browser's. */
  'locale'?: string;
  /** Milliseconds before a request to the merchant's server is abandoned (error code `timeout`). */
  'timeout'?: number;
  /** Receives the warning about a missing `status-endpoint` (or a language file that could not be loaded); the console by default. */
  logger?: Logger;
  /** The last status confirmed by the server, if any. */
  status?: PaymentStatus | undefined;
  /** Overrides for any of the built-in strings. */
  strings?: Partial<WpayStrings>;
  /** After each answer from the status endpoint; `detail.final` marks the last. */
  'on:wpay-status'?: (event: WpayStatusEvent) => void;
  /** The status could not be confirmed; `detail.code` says why. */
  'on:wpay-error'?: (event: WpayErrorEvent) => void;
}

declare module 'solid-js' {
  namespace JSX {
    interface IntrinsicElements {
      'wpay-button': WpayButtonSolidProps;
      'wpay-return': WpayReturnSolidProps;
    }
  }
}
