import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { backoffDelay } from './backoff-delay.js';
import { WpayErrorEvent, WpayStatusEvent } from './events.js';
import { fetchJson } from './fetch-json.js';
import { resolveLocale, stringsFor, type WpayStrings } from './i18n/index.js';
import { errorDetail, WpayRequestError } from './request-error.js';
import { type PaymentOutcome, type PaymentStatus, parseStatusResponse } from './response-guards.js';
import { type ReturnIdentifier, returnIdentifier, statusUrl } from './return-identifiers.js';
import { sharedStyles } from './shared.styles.js';
import { sleep } from './sleep.js';
import { VERSION } from './version.js';
import { returnStyles } from './wpay-return.styles.js';

/**
 * What `<wpay-return>` shows: `checking` until the first answer, then the confirmed outcome.
 *
 * @example
 * ```ts
 * if (returnEl.state === ('succeeded' satisfies WpayReturnState)) clearCart();
 * ```
 */
export type WpayReturnState = 'checking' | PaymentOutcome | 'error';

/**
 * Defaults of `<wpay-return>`'s polling attributes.
 *
 * @example
 * ```ts
 * returnEl.maxAttempts = RETURN_DEFAULTS.maxAttempts * 2;
 * ```
 */
export const RETURN_DEFAULTS = {
  maxAttempts: 8,
  pollInterval: 1000,
  maxInterval: 10_000,
  timeout: 15_000,
} as const;

const MESSAGES: Record<WpayReturnState, keyof WpayStrings> = {
  checking: 'processing',
  succeeded: 'succeeded',
  processing: 'processing',
  cancelled: 'cancelled',
  failed: 'failed',
  error: 'errorStatus',
};

/** Worth another check: the server was unreachable, slow, or failing on its side. */
function isTransient(error: WpayRequestError): boolean {
  if (error.code === 'network' || error.code === 'timeout') return true;
  return error.code === 'http' && (error.status === 429 || (error.status ?? 0) >= 500);
}

/** The attribute's number if it is a positive one, else the default. */
function positive(value: number, fallback: number): number {
  return value > 0 ? value : fallback;
}

/**
 * The return page's status message. Reads the payment's identifier from the page URL (`trxNo`,
 * else `mchOrderNo`, as WPay appends them to the success and cancel URLs), asks the merchant's
 * `status-endpoint` for the real status — never trusting the URL — and shows it. While the
 * payment is processing it checks again with back-off (1 s, 2 s, 4 s… up to `max-attempts`
 * checks). Each state's message can be replaced through the slot of the same name.
 *
 * @tagname wpay-return
 * @summary Confirms a payment's outcome with the merchant's server on the return page.
 *
 * @fires {WpayStatusEvent} wpay-status - After each answer from the status endpoint; `detail.final` marks the last.
 * @fires {WpayErrorEvent} wpay-error - The status could not be confirmed; `detail.code` says why.
 *
 * @slot succeeded - Shown when the payment is confirmed.
 * @slot processing - Shown until the first answer, and while the payment is still processing.
 * @slot cancelled - Shown when the payment was cancelled or expired.
 * @slot failed - Shown when the payment failed.
 * @slot error - Shown when the status cannot be confirmed.
 *
 * @csspart base - The live region holding the message.
 * @csspart message - The message.
 * @csspart spinner - Shown while checking or processing.
 *
 * @cssprop [--wpay-return-color=inherit] - Text colour.
 * @cssprop [--wpay-return-font-family=inherit] - Font family.
 * @cssprop [--wpay-return-font-size=1rem] - Font size.
 * @cssprop [--wpay-return-gap=0.625em] - Space between spinner and message.
 * @cssprop [--wpay-return-spinner-color=currentColor] - Spinner colour.
 *
 * @example
 * ```html
 * <wpay-return status-endpoint="/api/checkout/status">
 *   <p slot="succeeded">Thanks! Your T-shirt is on its way.</p>
 * </wpay-return>
 * ```
 */
export class WpayReturn extends LitElement {
  static readonly version = VERSION;
  static override properties: PropertyDeclarations = {
    phase: { state: true },
    slow: { state: true },
    statusEndpoint: { attribute: 'status-endpoint' },
    maxAttempts: { type: Number, attribute: 'max-attempts' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    timeout: { type: Number },
    locale: {},
    strings: { attribute: false },
  };
  static override styles = [sharedStyles, returnStyles];

  #run: AbortController | undefined;

  private phase: WpayReturnState = 'checking';
  private slow = false;

  /** The merchant's status URL (GET `?trxNo=` or `?mchOrderNo=` → the payment's outcome). */
  statusEndpoint = '';

  /** How many status checks at most before giving up on a payment still processing. */
  maxAttempts: number = RETURN_DEFAULTS.maxAttempts;

  /** Milliseconds before the second check; doubles after each check. */
  pollInterval: number = RETURN_DEFAULTS.pollInterval;

  /** Milliseconds before one status request is abandoned. */
  timeout: number = RETURN_DEFAULTS.timeout;

  /** BCP 47 locale of the messages; defaults to `<html lang>`, then the browser's. */
  locale = '';

  /** Overrides for any of the built-in strings. */
  strings: Partial<WpayStrings> = {};

  /** The last status confirmed by the server, if any. */
  status: PaymentStatus | undefined;

  /** What the element shows. */
  get state(): WpayReturnState {
    return this.phase;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.status?.final && this.phase !== 'error') void this.check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#run?.abort();
    this.#run = undefined;
  }

  private async check(): Promise<void> {
    this.#run?.abort();
    const run = new AbortController();
    this.#run = run;
    await this.updateComplete;
    if (run.signal.aborted) return;
    const identifier = returnIdentifier(window.location.search);
    if (!identifier) {
      this.fail(new WpayRequestError('missing-identifier'));
      return;
    }
    try {
      await this.poll(identifier, run.signal);
    } catch (error) {
      if (run.signal.aborted) return;
      this.fail(error instanceof WpayRequestError ? error : new WpayRequestError('network'));
    } finally {
      if (this.#run === run) this.#run = undefined;
    }
  }

  private async poll(identifier: ReturnIdentifier, signal: AbortSignal): Promise<void> {
    const url = statusUrl(this.statusEndpoint, identifier, window.location.href);
    const maxAttempts = positive(this.maxAttempts, RETURN_DEFAULTS.maxAttempts);
    for (let attempt = 1; ; attempt++) {
      try {
        const status = await this.fetchStatus(url, signal);
        this.status = status;
        this.phase = status.outcome;
        this.dispatchEvent(new WpayStatusEvent(status));
        if (status.final) return;
      } catch (error) {
        if (!(error instanceof WpayRequestError) || !isTransient(error) || attempt >= maxAttempts) {
          throw error;
        }
      }
      if (attempt >= maxAttempts) {
        this.slow = true;
        return;
      }
      const delay = backoffDelay(
        attempt,
        positive(this.pollInterval, RETURN_DEFAULTS.pollInterval),
        RETURN_DEFAULTS.maxInterval,
      );
      await sleep(delay, signal);
    }
  }

  private async fetchStatus(url: string, signal: AbortSignal): Promise<PaymentStatus> {
    const body = await fetchJson(url, {
      init: { method: 'GET', headers: { Accept: 'application/json' }, cache: 'no-store' },
      timeout: positive(this.timeout, RETURN_DEFAULTS.timeout),
      signal,
    });
    const status = parseStatusResponse(body);
    if (!status) throw new WpayRequestError('invalid-response', { status: 200 });
    return status;
  }

  private fail(error: WpayRequestError): void {
    this.phase = 'error';
    this.dispatchEvent(new WpayErrorEvent(errorDetail(error, this.resolvedStrings.errorStatus)));
  }

  private get resolvedStrings(): WpayStrings {
    return stringsFor(resolveLocale(this.locale), this.strings);
  }

  override render() {
    const waiting = this.phase === 'checking' || (this.phase === 'processing' && !this.slow);
    const slot = this.phase === 'checking' ? 'processing' : this.phase;
    const key = this.phase === 'processing' && this.slow ? 'processingSlow' : MESSAGES[this.phase];
    return html`<div part="base" class="base" role="status">
      ${waiting ? this.renderSpinner() : nothing}
      <span part="message"><slot name=${slot}>${this.resolvedStrings[key]}</slot></span>
    </div>`;
  }

  private renderSpinner() {
    return html`<span part="spinner" class="spinner" aria-hidden="true"></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wpay-return': WpayReturn;
  }
}
