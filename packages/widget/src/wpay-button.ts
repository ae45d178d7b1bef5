// Lit's module first, so the no-build files hold its code ahead of ours: 6 B less gzip.
import '@lit/reactive-element';
import type { PropertyDeclarations, PropertyValues } from '@lit/reactive-element';
import { type CheckoutPayload, collectPayload } from './collect-payload.js';
import { h, setText, show } from './dom.js';
import { WpayCheckoutEvent, WpayRedirectEvent } from './events.js';
import { formatAmount } from './format-amount.js';
import type { WpayStrings } from './i18n/index.js';
import { IntentKeys } from './intent-keys.js';
import type { Logger } from './logger.js';
import { safeRedirectUrl } from './redirect-policy.js';
import { asRequestError, WpayRequestError } from './request-error.js';
import { parseCheckoutResponse } from './response-guards.js';
import { sharedStyles } from './shared.styles.js';
import { sleep } from './sleep.js';
import { buttonStyles } from './wpay-button.styles.js';
import { WpayElement } from './wpay-element.js';

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

/** The message shown for a failure: "unreachable" (worth checking the connection) or "refused". */
function errorKey(code: WpayRequestError['code']): keyof WpayStrings {
  return code === 'network' || code === 'timeout' ? 'errorNetwork' : 'errorServer';
}

/** The warning about a blank `allowed-hosts` is given once per page, not once per button. */
let warnedOpenRedirect = false;

/** A node of the default slot that labels the button: text, or an element but the fallback form. */
function isLabelNode(node: Node): boolean {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').trim() !== '';
  return node instanceof Element && node.localName !== 'form' && !node.slot;
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
 * One request per intent (clicks while busy are ignored); `timeout` abandons a request that
 * hangs; the button is idle again when the page comes back from the back-forward cache, or is
 * still there `timeout` after the redirect; removing it aborts its request.
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
 * @cssprop [--wpay-button-error-color=color-mix(in srgb, #dc2626 60%, currentColor)] - Error message colour (by default a red mixed with the page's text colour).
 *
 * @example
 * ```html
 * <wpay-button endpoint="/api/checkout" data-sku="tee-42" amount="19.99" currency="USD">
 *   Buy now
 * </wpay-button>
 * ```
 */
export class WpayButton extends WpayElement<WpayButtonState> {
  // Lit's default ({ mode: 'open' }) spelt out: fewer bytes than spreading it.
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };
  static override properties: PropertyDeclarations = {
    _error: { state: true },
    _hasLabel: { state: true },
    endpoint: {},
    // Reactive, though never attributes, so that values a page sets before the tag is defined
    // survive the upgrade (Lit re-applies them) rather than being reset to their defaults.
    payload: { attribute: false },
    navigate: { attribute: false },
    amount: {},
    currency: {},
    allowedHosts: { attribute: 'allowed-hosts' },
    // Not reflected: an upgrade must not add attributes to the page's markup (server-rendered
    // HTML would no longer match what hydration expects); the looks come from inner classes.
    variant: {},
    size: {},
    fullWidth: { type: Boolean, reflect: true, attribute: 'full-width' },
    disabled: { type: Boolean, reflect: true },
  };
  static override styles = [sharedStyles, buttonStyles];
  /** The buttons on the page: one `pageshow` listener serves them all, however many there are. */
  static readonly #connected = new Set<WpayButton>();

  /** Back from the payment page through the back-forward cache: every button is idle again. */
  static readonly #onPageShow = (event: PageTransitionEvent): void => {
    if (event.persisted) for (const button of WpayButton.#connected) button.#reset();
  };

  readonly #intents = new IntentKeys();
  /** The fallback label, after the default slot: used while the page gives no label. */
  readonly #label = new Text();
  readonly #price = new Text();
  readonly #amount = h('span', { part: 'amount' }, this.#price);
  readonly #content = h(
    'span',
    { class: 'content' },
    h('slot', { name: 'icon' }),
    h('span', { part: 'label' }, h('slot'), this.#label),
  );
  readonly #button = h(
    'button',
    { part: 'base', type: 'button', 'aria-describedby': 'error' },
    this.#content,
    this._spinner,
  ) as HTMLButtonElement;
  /** Says "Starting checkout…" while busy. */
  readonly #status = new Text();
  readonly #message = new Text();

  protected _phase: WpayButtonState = 'idle';
  /** The message under the button (the last error's), or `''`. */
  protected _error: keyof WpayStrings | '' = '';
  /** Whether the page gave the default slot a label. */
  protected _hasLabel = false;

  /** The merchant's checkout URL (POST JSON → `{ redirectUrl }`); the button is disabled without it. */
  endpoint = '';

  /** Extra fields sent with the `data-*` attributes (wins over them). Must be JSON-serialisable. */
  payload: CheckoutPayload = {};

  /** The price shown on the button, in major units (`19.99`). Display only. */
  amount = '';

  /** ISO 4217 code of `amount` (`USD`). Display only. */
  currency = '';

  /**
   * Space-separated hosts the redirect may go to (`pay.example.com`, `localhost:4010`). Blank: any
   * `https:` host, with a console warning (once per page) asking to set it.
   */
  allowedHosts = '';

  /** The look. */
  variant: WpayButtonVariant = 'primary';

  /** The size. */
  size: WpayButtonSize = 'medium';

  /** Takes the full width of its container. */
  fullWidth = false;

  /** Disables the button (so does a missing `endpoint`). */
  disabled = false;

  /** Receives the warning about a blank `allowed-hosts` (or a language file that could not be
   * loaded); the console by default. */
  declare logger: Logger;

  /** Leaves the page for the payment page. Replace it to navigate another way (or in tests). */
  navigate: (url: string) => void = (url) => {
    window.location.assign(url);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // The first button adds the listener, which then stays (adding it again is a no-op).
    if (!WpayButton.#connected.size) window.addEventListener('pageshow', WpayButton.#onPageShow);
    WpayButton.#connected.add(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    WpayButton.#connected.delete(this);
    this.#reset();
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    if (warnedOpenRedirect || this.allowedHosts.trim() !== '') return;
    warnedOpenRedirect = true;
    this.logger.warn(
      '<wpay-button> has no allowed-hosts, so it follows a redirect to any https: host: set allowed-hosts="<your payment page host>"',
    );
  }

  /**
   * Clicks the inner button: `el.click()` starts a checkout like the shopper's click (not when
   * disabled). Right after the tag is created it first renders, synchronously.
   */
  override click(): void {
    if (!this.hasUpdated) this.performUpdate();
    this.#button.click();
  }

  #onSlotChange(event: Event): void {
    const slot = event.target as HTMLSlotElement;
    if (!slot.name) this._hasLabel = slot.assignedNodes({ flatten: true }).some(isLabelNode);
  }

  #onClick(): void {
    if (this.#working) return;
    const checkout = new WpayCheckoutEvent({ payload: collectPayload(this.payload, this.dataset) });
    if (this.dispatchEvent(checkout)) void this.#checkout(checkout.detail.payload);
  }

  get #working(): boolean {
    return this._phase === 'busy' || this._phase === 'redirecting';
  }

  #reset(): void {
    this._abort();
    this._phase = 'idle';
    this._error = '';
  }

  async #checkout(payload: CheckoutPayload): Promise<void> {
    const signal = this._start();
    this._phase = 'busy';
    this._error = '';
    try {
      const body = await this._fetch(
        this.endpoint,
        {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Accept: 'application/json',
            // One intent: this body to this endpoint.
            'Idempotency-Key': this.#intents.keyFor([this.endpoint, payload]),
          },
          body: JSON.stringify(payload),
        },
        signal,
      );
      const response = parseCheckoutResponse(body);
      if (!response) throw new WpayRequestError('invalid-response', { status: 200 });
      const url = safeRedirectUrl(response.redirectUrl, this.allowedHosts);
      if (!url) throw new WpayRequestError('blocked-redirect');
      this.#intents.settle();
      this.#redirect(url.href, response.trxNo, signal);
    } catch (error) {
      if (!signal.aborted) this.#fail(asRequestError(error));
    }
  }

  #redirect(url: string, trxNo: string | undefined, signal: AbortSignal): void {
    this._phase = 'redirecting';
    const event = new WpayRedirectEvent(trxNo === undefined ? { url } : { url, trxNo });
    if (!this.dispatchEvent(event)) {
      this._phase = 'idle';
      return;
    }
    this.navigate(url);
    // Still on this page after `timeout` (the shopper stopped the navigation, or `navigate` kept
    // the page): usable again. Leaving the page, or a reset, aborts the wait.
    sleep(this._timeout, signal).then(
      () => {
        this._phase = 'idle';
      },
      () => {},
    );
  }

  #fail(error: WpayRequestError): void {
    this._error = errorKey(error.code);
    this._fail(error, this._strings[this._error]);
  }

  get #fallbackLabel(): string {
    const submit = this.querySelector(
      ':scope>form button:not([type]),:scope>form button[type=submit]',
    );
    return submit?.textContent?.trim() || this._strings.pay;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The label the page gave, known from the first render (so no fallback label shows beside
    // it, and no second render follows); `slotchange` keeps it up to date afterwards.
    if (!this.hasUpdated) {
      this._hasLabel = [...this.childNodes].some(isLabelNode);
    }
  }

  override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const working = this.#working;
    const button = this.#button;
    button.className = `button ${this.variant} ${this.size}`;
    button.disabled = this.disabled || !this.endpoint;
    button.setAttribute('aria-busy', String(working));
    if (working) button.setAttribute('aria-disabled', 'true');
    else button.removeAttribute('aria-disabled');
    setText(this.#label, this._hasLabel ? '' : this.#fallbackLabel);
    const price = formatAmount(this.amount, this.currency, this._locale);
    setText(this.#price, price);
    show(this.#content, this.#amount, price !== '');
    setText(this.#status, working ? this._strings.busy : '');
    setText(this.#message, this._error && this._strings[this._error]);
    if (!this.hasUpdated) this.#mount();
  }

  /** Builds the shadow DOM, once. */
  #mount(): void {
    this.#button.addEventListener('click', () => this.#onClick());
    this.#content.addEventListener('slotchange', (event) => this.#onSlotChange(event));
    this.renderRoot.append(
      this.#button,
      h('span', { class: 'visually-hidden', role: 'status' }, this.#status),
      h('div', { part: 'error', id: 'error', class: 'error', role: 'alert' }, this.#message),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'wpay-button': WpayButton;
  }
}
