import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { type CheckoutPayload, collectPayload } from './collect-payload.js';
import { WpayCheckoutEvent, WpayErrorEvent, WpayRedirectEvent } from './events.js';
import { fetchJson } from './fetch-json.js';
import { formatAmount } from './format-amount.js';
import { resolveLocale, stringsFor, type WpayStrings } from './i18n/index.js';
import { IntentKeys } from './intent-keys.js';
import { safeRedirectUrl } from './redirect-policy.js';
import { errorDetail, type WpayErrorCode, WpayRequestError } from './request-error.js';
import { parseCheckoutResponse } from './response-guards.js';
import { sharedStyles } from './shared.styles.js';
import { VERSION } from './version.js';
import { buttonStyles } from './wpay-button.styles.js';

/**
 * `<wpay-button>`'s looks.
 *
 * @example
 * ```ts
 * button.variant = 'outline' satisfies WpayButtonVariant;
 * ```
 */
export type WpayButtonVariant = 'primary' | 'secondary' | 'outline';
/**
 * `<wpay-button>`'s sizes.
 *
 * @example
 * ```ts
 * button.size = 'large' satisfies WpayButtonSize;
 * ```
 */
export type WpayButtonSize = 'small' | 'medium' | 'large';
/**
 * Where `<wpay-button>` is in its flow: `error` is idle, with a message shown.
 *
 * @example
 * ```ts
 * if (button.state === ('busy' satisfies WpayButtonState)) showHint();
 * ```
 */
export type WpayButtonState = 'idle' | 'busy' | 'redirecting' | 'error';

/**
 * The default of the `timeout` attribute, in milliseconds.
 *
 * @example
 * ```ts
 * button.timeout = DEFAULT_TIMEOUT_MS * 2; // a slow merchant server
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The message shown for a failure: "unreachable" (worth checking the connection) or "refused". */
function errorKey(code: WpayErrorCode): keyof WpayStrings {
  return code === 'network' || code === 'timeout' ? 'errorNetwork' : 'errorServer';
}

function isLabelNode(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').trim() !== '';
  return node instanceof Element && node.localName !== 'form';
}

/**
 * A checkout button: asks the merchant's server to create a WPay hosted payment page and sends the
 * shopper there. It POSTs JSON (its `data-*` attributes, then its `payload` property) to
 * `endpoint` with an `Idempotency-Key`, expects `{ redirectUrl }`, checks that URL and navigates.
 * `amount` and `currency` are shown, never sent as the price: the server decides the price.
 *
 * A `<form method="post">` child is the no-JavaScript fallback: it is hidden once the element
 * upgrades, and its submit button's text becomes the label if the element has no other label.
 *
 * @tagname wpay-button
 * @summary Sends the shopper to WPay's hosted payment page, once per intent.
 *
 * @fires {WpayCheckoutEvent} wpay-checkout - Cancelable, before the request; `detail.payload` is editable.
 * @fires {WpayRedirectEvent} wpay-redirect - Cancelable, before navigating; `detail.url`, `detail.trxNo`.
 * @fires {WpayErrorEvent} wpay-error - The checkout failed; `detail.code` says why.
 *
 * @slot - The label. Defaults to the fallback form's button text, else a translated "Pay".
 * @slot icon - An icon before the label.
 *
 * @csspart base - The native `<button>`.
 * @csspart label - The label's wrapper.
 * @csspart amount - The formatted price, when `amount` and `currency` are set.
 * @csspart spinner - The busy indicator.
 * @csspart error - The error message (a live region).
 *
 * @cssprop [--wpay-button-accent=#4338ca] - Brand colour: primary background, secondary tint, outline text and border.
 * @cssprop [--wpay-button-accent-contrast=#ffffff] - Text on the accent colour.
 * @cssprop --wpay-button-background - Forces the background, whatever the variant.
 * @cssprop --wpay-button-color - Forces the text colour, whatever the variant.
 * @cssprop --wpay-button-border-color - Forces the border colour.
 * @cssprop [--wpay-button-radius=0.5rem] - Corner radius.
 * @cssprop [--wpay-button-height=2.75rem] - Minimum height (2rem small, 3.25rem large).
 * @cssprop [--wpay-button-padding-inline=1.25rem] - Side padding.
 * @cssprop [--wpay-button-font-family=inherit] - Font family.
 * @cssprop [--wpay-button-font-size=1rem] - Font size.
 * @cssprop [--wpay-button-font-weight=600] - Font weight.
 * @cssprop --wpay-button-focus-ring-color - Focus outline colour (the accent by default).
 * @cssprop [--wpay-button-error-color=#b91c1c] - Error message colour.
 *
 * @example
 * ```html
 * <wpay-button endpoint="/api/checkout" data-sku="tee-42" amount="19.99" currency="USD">
 *   Buy now
 * </wpay-button>
 * ```
 */
export class WpayButton extends LitElement {
  static readonly version = VERSION;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };
  static override properties: PropertyDeclarations = {
    phase: { state: true },
    errorMessage: { state: true },
    hasLabel: { state: true },
    endpoint: {},
    payload: { attribute: false },
    amount: {},
    currency: {},
    locale: {},
    strings: { attribute: false },
    timeout: { type: Number },
    allowedHosts: { attribute: 'allowed-hosts' },
    variant: { reflect: true },
    size: { reflect: true },
    fullWidth: { type: Boolean, reflect: true, attribute: 'full-width' },
    disabled: { type: Boolean, reflect: true },
    navigate: { attribute: false },
  };
  static override styles = [sharedStyles, buttonStyles];

  readonly #intents = new IntentKeys();
  #request: AbortController | undefined;

  private phase: WpayButtonState = 'idle';
  private errorMessage = '';
  private hasLabel = false;

  /** The merchant's checkout URL (POST JSON → `{ redirectUrl }`); the button is disabled without it. */
  endpoint = '';

  /** Extra fields sent with the `data-*` attributes (wins over them). Must be JSON-serialisable. */
  payload: CheckoutPayload = {};

  /** The price shown on the button, in major units (`19.99`). Display only. */
  amount = '';

  /** ISO 4217 code of `amount` (`USD`). Display only. */
  currency = '';

  /** BCP 47 locale for strings and number formats; defaults to `<html lang>`, then the browser's. */
  locale = '';

  /** Overrides for any of the built-in strings. */
  strings: Partial<WpayStrings> = {};

  /** Milliseconds before the request is abandoned with `wpay-error` code `timeout`. */
  timeout = DEFAULT_TIMEOUT_MS;

  /** Space-separated hosts the redirect may go to (`pay.example.com`, `*.stablelink.app`); blank: any `https:` host. */
  allowedHosts = '';

  /** The look. */
  variant: WpayButtonVariant = 'primary';

  /** The size. */
  size: WpayButtonSize = 'medium';

  /** Takes the full width of its container. */
  fullWidth = false;

  /** Disables the button (so does a missing `endpoint`). */
  disabled = false;

  /** Leaves the page for the payment page. Replace it to navigate another way (or in tests). */
  navigate: (url: string) => void = (url) => {
    window.location.assign(url);
  };

  /** Where the button is in its flow. */
  get state(): WpayButtonState {
    return this.phase;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pageshow', this.handlePageShow);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pageshow', this.handlePageShow);
    this.reset();
  }

  /** Back from the payment page through the back-forward cache: the button is idle again. */
  private readonly handlePageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) this.reset();
  };

  private readonly handleSlotChange = (event: Event): void => {
    const slot = event.target as HTMLSlotElement;
    this.hasLabel = slot.assignedNodes({ flatten: true }).some(isLabelNode);
  };

  private readonly handleClick = (): void => {
    if (this.phase === 'busy' || this.phase === 'redirecting') return;
    const checkout = new WpayCheckoutEvent({ payload: collectPayload(this.payload, this.dataset) });
    if (!this.dispatchEvent(checkout)) return;
    void this.checkout(checkout.detail.payload);
  };

  private reset(): void {
    this.#request?.abort();
    this.#request = undefined;
    this.phase = 'idle';
    this.errorMessage = '';
  }

  private async checkout(payload: CheckoutPayload): Promise<void> {
    const request = new AbortController();
    this.#request = request;
    this.phase = 'busy';
    this.errorMessage = '';
    try {
      const body = await fetchJson(this.endpoint, {
        init: {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            'Idempotency-Key': this.#intents.keyFor(payload),
          },
          body: JSON.stringify(payload),
        },
        timeout: this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT_MS,
        signal: request.signal,
      });
      const response = parseCheckoutResponse(body);
      if (!response) throw new WpayRequestError('invalid-response', { status: 200 });
      const url = safeRedirectUrl(response.redirectUrl, this.allowedHosts);
      if (!url) throw new WpayRequestError('blocked-redirect');
      this.#intents.settle();
      this.redirect(url.href, response.trxNo);
    } catch (error) {
      if (request.signal.aborted) return;
      this.fail(error instanceof WpayRequestError ? error : new WpayRequestError('network'));
    } finally {
      if (this.#request === request) this.#request = undefined;
    }
  }

  private redirect(url: string, trxNo: string | undefined): void {
    this.phase = 'redirecting';
    const event = new WpayRedirectEvent(trxNo === undefined ? { url } : { url, trxNo });
    if (this.dispatchEvent(event)) this.navigate(url);
    else this.phase = 'idle';
  }

  private fail(error: WpayRequestError): void {
    const detail = errorDetail(error, '');
    detail.message = this.resolvedStrings[errorKey(detail.code)];
    this.phase = 'error';
    this.errorMessage = detail.message;
    this.dispatchEvent(new WpayErrorEvent(detail));
  }

  private get resolvedLocale(): string {
    return resolveLocale(this.locale);
  }

  private get resolvedStrings(): WpayStrings {
    return stringsFor(this.resolvedLocale, this.strings);
  }

  private get fallbackLabel(): string {
    const submit = this.querySelector<HTMLElement>(
      ':scope > form button:not([type]), :scope > form button[type="submit"]',
    );
    const text = submit?.textContent?.trim();
    return text || this.resolvedStrings.pay;
  }

  override render() {
    const working = this.phase === 'busy' || this.phase === 'redirecting';
    return html`<button
        part="base"
        class="button ${this.variant} ${this.size}"
        type="button"
        ?disabled=${this.disabled || !this.endpoint}
        aria-busy=${working ? 'true' : 'false'}
        aria-disabled=${working ? 'true' : nothing}
        aria-describedby="error"
        @click=${this.handleClick}
      >
        <span class="content"><slot name="icon"></slot>${this.renderLabel()}${this.renderAmount()}</span>
        <span part="spinner" class="spinner" aria-hidden="true"></span>
      </button>
      <span class="visually-hidden" role="status">${working ? this.resolvedStrings.busy : ''}</span>
      <div part="error" id="error" class="error" role="alert">${this.errorMessage}</div>`;
  }

  private renderLabel() {
    const fallback = this.hasLabel ? nothing : this.fallbackLabel;
    return html`<span part="label"
      ><slot @slotchange=${this.handleSlotChange}></slot>${fallback}</span
    >`;
  }

  private renderAmount() {
    const price = formatAmount(this.amount, this.currency, this.resolvedLocale);
    return price ? html`<span part="amount">${price}</span>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wpay-button': WpayButton;
  }
}
