/**
 * Every text the widget shows. Pass a partial object as an element's `strings` property to
 * override some of them; the rest come from the element's locale.
 *
 * @example
 * ```ts
 * button.strings = { pay: 'Buy now', errorNetwork: 'You seem to be offline.' } satisfies Partial<WpayStrings>;
 * ```
 */
export interface WpayStrings {
  /** `<wpay-button>`'s label when the page gives none. */
  pay: string;
  /** Announced while the checkout request runs and the browser leaves for the payment page. */
  busy: string;
  /** `wpay-error` codes `network` and `timeout`. */
  errorNetwork: string;
  /** `wpay-error` codes `http`, `invalid-response` and `blocked-redirect`. */
  errorServer: string;
  /** `<wpay-return>`: a confirmed payment. */
  succeeded: string;
  /** `<wpay-return>`: before the first answer, and while the payment is processing. */
  processing: string;
  /** Still processing after `max-attempts` checks. */
  processingSlow: string;
  cancelled: string;
  failed: string;
  /** The status could not be confirmed (no identifier in the URL, server unreachable…). */
  errorStatus: string;
}
