import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { backoffDelay } from './backoff-delay.js';
import { h, setText, show } from './dom.js';
import { WpayStatusEvent } from './events.js';
import type { WpayStrings } from './i18n/index.js';
import type { Logger } from './logger.js';
import { positiveOr } from './positive-or.js';
import { asRequestError, WpayRequestError } from './request-error.js';
import { parseStatusResponse } from './response-guards.js';
import { type ReturnIdentifier, returnIdentifier, statusUrl } from './return-identifiers.js';
import { sharedStyles } from './shared.styles.js';
import { sleep } from './sleep.js';
import type { PaymentOutcome, PaymentStatus } from './wire-contract.js';
import { DEFAULT_TIMEOUT_MS, WpayElement } from './wpay-element.js';
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
  timeout: DEFAULT_TIMEOUT_MS,
} as const;

/** A state's built-in message: the outcome's own, "processing" while checking, or the error's. */
function messageKey(phase: WpayReturnState): keyof WpayStrings {
  if (phase === 'checking') return 'processing';
  return phase === 'error' ? 'errorStatus' : phase;
}

/** Worth another check: the server was unreachable, slow, or failing on its side. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof WpayRequestError)) return false;
  if (error.code === 'network' || error.code === 'timeout') return true;
  return error.code === 'http' && (error.status === 429 || (error.status ?? 0) >= 500);
}

/**
 * The return page's status message. Reads the payment's identifiers from the page URL (`trxNo`
 * and `mchOrderNo`, as WPay appends them to the success and cancel URLs; both are sent, since the
 * pair proves the order to the server, which answers one alone with the outcome only), asks the merchant's
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
 * <wpay-return status-endpoint="/api/status">
 *   <p slot="succeeded">Thanks! Your T-shirt is on its way.</p>
 * </wpay-return>
 * ```
 */
export class WpayReturn extends WpayElement<WpayReturnState> {
  static override properties: PropertyDeclarations = {
    _slow: { state: true },
    statusEndpoint: { attribute: 'status-endpoint' },
    maxAttempts: { type: Number, attribute: 'max-attempts' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
  };
  static override styles = [sharedStyles, returnStyles];

  readonly #text = new Text();
  /** Shows the current state's slot, with the built-in message as its fallback content. */
  readonly #slot = h('slot', {}, this.#text) as HTMLSlotElement;
  readonly #base = h(
    'div',
    { part: 'base', class: 'base', role: 'status' },
    h('span', { part: 'message' }, this.#slot),
  );

  protected _phase: WpayReturnState = 'checking';
  /** Gave up polling a payment still processing. */
  protected _slow = false;
  /** A status check starts after the next render (see `updated()`). */
  #checkDue = false;

  /** The merchant's status URL (GET `?trxNo=&mchOrderNo=`, or one of them → the payment's outcome). */
  statusEndpoint = '';

  /** How many status checks at most before giving up on a payment still processing. */
  maxAttempts: number = RETURN_DEFAULTS.maxAttempts;

  /** Milliseconds before the second check; doubles after each check. */
  pollInterval: number = RETURN_DEFAULTS.pollInterval;

  /** Receives the warning about a missing `status-endpoint` (or a language file that could not be
   * loaded); the console by default. */
  declare logger: Logger;

  /** The last status confirmed by the server, if any. */
  status: PaymentStatus | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.status?.final && this._phase !== 'error') this.#checkAfterRender();
  }

  /**
   * Shows `checking` in the next render and asks the server once that render is done (in
   * `updated()`: the request is a side effect, never started by a render that may not happen).
   */
  #checkAfterRender(): void {
    this._phase = 'checking';
    this._slow = false;
    this.#checkDue = true;
    // Already `checking` (put back on the page mid-check): no property changed, so ask for it.
    this.requestUpdate();
  }

  async #check(): Promise<void> {
    const signal = this._start();
    // Any state set below renders in an update of its own, not as a change inside this one.
    await this.updateComplete;
    if (signal.aborted) return;
    const missingEndpoint = !this.statusEndpoint.trim();
    if (missingEndpoint) {
      this.logger.warn('<wpay-return> has no status-endpoint: set it to your status handler');
    }
    const identifier = returnIdentifier(window.location.search);
    try {
      // One failure path for both: the same message, the same event.
      if (missingEndpoint) throw new WpayRequestError('missing-endpoint');
      if (!identifier) throw new WpayRequestError('missing-identifier');
      await this.#poll(identifier, signal);
    } catch (error) {
      if (!signal.aborted) this._fail(asRequestError(error), this._strings.errorStatus);
    }
  }

  async #poll(identifier: ReturnIdentifier, signal: AbortSignal): Promise<void> {
    const url = statusUrl(this.statusEndpoint, identifier, window.location.href);
    const maxAttempts = positiveOr(this.maxAttempts, RETURN_DEFAULTS.maxAttempts);
    for (let attempt = 1; ; attempt++) {
      try {
        const status = parseStatusResponse(
          await this._fetch(
            url,
            { headers: { Accept: 'application/json' }, cache: 'no-store' },
            signal,
          ),
        );
        if (!status) throw new WpayRequestError('invalid-response', { status: 200 });
        this.status = status;
        this._phase = status.outcome;
        this.dispatchEvent(new WpayStatusEvent(status));
        if (status.final) return;
      } catch (error) {
        if (!isTransient(error) || attempt >= maxAttempts) throw error;
      }
      if (attempt >= maxAttempts) {
        this._slow = true;
        return;
      }
      const interval = positiveOr(this.pollInterval, RETURN_DEFAULTS.pollInterval);
      await sleep(backoffDelay(attempt, interval, RETURN_DEFAULTS.maxInterval), signal);
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A status endpoint given (or changed) after the first check: check again, there.
    if (this.hasUpdated && changed.has('statusEndpoint') && this.isConnected) {
      this.#checkAfterRender();
    }
  }

  override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.#checkDue) return;
    this.#checkDue = false;
    if (this.isConnected) void this.#check();
  }

  override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const phase = this._phase;
    const slow = phase === 'processing' && this._slow;
    show(
      this.#base,
      this._spinner,
      phase === 'checking' || (phase === 'processing' && !slow),
      true,
    );
    this.#slot.name = phase === 'checking' ? 'processing' : phase;
    setText(this.#text, this._strings[slow ? 'processingSlow' : messageKey(phase)]);
    if (!this.hasUpdated) this.renderRoot.append(this.#base);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wpay-return': WpayReturn;
  }
}
