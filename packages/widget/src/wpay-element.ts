import {
  type PropertyDeclarations,
  type PropertyValues,
  ReactiveElement,
} from '@lit/reactive-element';
import { h } from './dom.js';
import { WpayErrorEvent } from './events.js';
import { fetchJson } from './fetch-json.js';
import { loadStrings, resolveLocale, stringsFor, type WpayStrings } from './i18n/index.js';
import { consoleLogger, type Logger } from './logger.js';
import { positiveOr } from './positive-or.js';
import { errorDetail, type WpayRequestError } from './request-error.js';
import { VERSION } from './version.js';

/**
 * The default of the `timeout` attribute of both elements, in milliseconds.
 *
 * @example
 * ```ts
 * button.timeout = DEFAULT_TIMEOUT_MS * 2; // a slow merchant server
 * ```
 */
export const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * What `<wpay-button>` and `<wpay-return>` share: the language (`locale`, `strings`), the request
 * `timeout`, the read-only `state`, and one request at a time to the merchant's server, aborted
 * when the element leaves the page.
 *
 * A language other than English is loaded after the first render that needs it (its texts are
 * empty until then, never English first); `updateComplete` waits for it, and the element renders
 * again once it is there.
 *
 * It is a Lit `ReactiveElement` (reactive properties and attributes, batched updates, adopted
 * stylesheets) without lit-html: each element builds its few shadow nodes once and updates them in
 * `update()`, which keeps the self-contained IIFE file about 2.5 kB (gzip) smaller.
 *
 * Members starting with `_` are internal (protected, or reactive state declared with
 * `state: true`) and may change in any release; `#` members are private.
 *
 * @example
 * ```ts
 * class WpayThing extends WpayElement<'idle' | 'error'> {
 *   protected override _phase: 'idle' | 'error' = 'idle';
 * }
 * ```
 */
export abstract class WpayElement<State extends string> extends ReactiveElement {
  static readonly version = VERSION;
  static override properties: PropertyDeclarations = {
    _phase: { state: true },
    locale: {},
    strings: { attribute: false },
    timeout: { type: Number },
    // Reactive, though not an attribute, so that a logger set before the upgrade survives it.
    logger: { attribute: false },
  };

  /** Both elements' busy spinner (styled by `sharedStyles`), built once here. */
  protected readonly _spinner = h('span', {
    part: 'spinner',
    class: 'spinner',
    'aria-hidden': 'true',
  });
  /** The request (or polling run) in flight; aborted by a newer one or when the element leaves. */
  protected _run: AbortController | undefined;
  /** Where the element is; read through `state`. */
  protected abstract _phase: State;
  /** The load of the language's strings this element waits for, if any. */
  #strings: Promise<void> | undefined;

  /** BCP 47 locale of texts and numbers; defaults to `<html lang>`, then the browser's. */
  locale = '';

  /** Overrides for any of the built-in strings. */
  strings: Partial<WpayStrings> = {};

  /** Milliseconds before a request to the merchant's server is abandoned (error code `timeout`). */
  timeout = DEFAULT_TIMEOUT_MS;

  /** Receives the element's warnings; the console by default (each element says which). */
  logger: Logger = consoleLogger;

  /** Where the element is in its flow. */
  get state(): State {
    return this._phase;
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    const load = loadStrings(this._locale);
    if (!load || this.#strings) return;
    this.#strings = load.then(
      () => this.#stringsLoaded(),
      (error: unknown) => {
        this.logger.warn(
          `@wpay/widget shows English, its ${this._locale} texts failed (${error}): serve wpay-widget.locales.json beside the widget file`,
        );
        this.#stringsLoaded();
      },
    );
  }

  /** Settles once the element has rendered in its language (and any update asked for since). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#strings) {
      await this.#strings;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #stringsLoaded(): void {
    this.#strings = undefined;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort();
  }

  /** The locale in use: the `locale` attribute, else the page's, else the browser's. */
  protected get _locale(): string {
    return resolveLocale(this.locale);
  }

  /** The texts in use: the locale's, with `strings` on top. */
  protected get _strings(): WpayStrings {
    return stringsFor(this._locale, this.strings);
  }

  /** Aborts the request in flight, if any. */
  protected _abort(): void {
    this._run?.abort();
    this._run = undefined;
  }

  /** Aborts the request in flight and returns the signal of a new one. */
  protected _start(): AbortSignal {
    this._abort();
    this._run = new AbortController();
    return this._run.signal;
  }

  /** The `timeout` in use: the attribute if it is a positive number, else the default. */
  protected get _timeout(): number {
    return positiveOr(this.timeout, DEFAULT_TIMEOUT_MS);
  }

  /** One request to the merchant's server within `timeout`; see {@link fetchJson}. */
  protected _fetch(url: string, init: RequestInit, signal: AbortSignal): Promise<unknown> {
    return fetchJson(url, { init, timeout: this._timeout, signal });
  }

  /** Shows the error state and fires `wpay-error`, whose `message` is the text shown. */
  protected _fail(error: WpayRequestError, message: string): void {
    this._phase = 'error' as State;
    this.dispatchEvent(new WpayErrorEvent(errorDetail(error, message)));
  }
}
