/**
 * `WPay`: one object binding credentials, settings, transport and resources.
 *
 * @module
 */
import { configErrorOf, resolveOrDefer } from './deferred-options.js';
import {
  createFulfilment,
  type Fulfilment,
  type FulfilmentOptions,
} from './fulfilment/create-fulfilment.js';
import { createRecovery, type Recovery, type RecoveryOptions } from './fulfilment/recovery.js';
import type { BodySchema } from './handlers/body-schema.js';
import { type CheckoutHandlerOptions, createCheckoutHandler } from './handlers/checkout-handler.js';
import { createStatusHandler, type StatusHandlerOptions } from './handlers/status-handler.js';
import { createWebhookHandler, type WebhookHandlerOptions } from './handlers/webhook-handler.js';
import type { WPayOptions, WPaySettings } from './options.js';
import { type CheckoutResource, createCheckoutResource } from './resources/checkout.js';
import { createPaymentsResource, type PaymentsResource } from './resources/payments.js';
import { createRefundsResource, type RefundsResource } from './resources/refunds.js';
import type { ResourceContext } from './resources/resource-context.js';
import {
  createSubscriptionsResource,
  type SubscriptionsResource,
} from './resources/subscriptions.js';
import type { SchemaSettings } from './schemas/common.js';
import { MemoryTokenStore } from './stores/token-store.js';
import type { TransportContext } from './transport/context.js';
import { scrub } from './transport/redact.js';
import { apiRequest, type RequestOptions } from './transport/request.js';
import { createSigner } from './transport/sign.js';
import { TokenManager } from './transport/token-manager.js';
import { createWebhooks, type Webhooks } from './webhooks/create-webhooks.js';

/**
 * The WPay API client. Validates its options at once (throwing `WPayConfigError`), then fetches
 * and shares access tokens, signs every call and validates every request and answer.
 *
 * Credentials that are **absent** (`undefined`: `apiKey`, `apiSecret`, `signKey`, and `baseUrl`
 * when no `environment` is given) are checked at first use instead, so a client made at module
 * scope survives a build that has no secrets (`next build`): its first call, handler request,
 * webhook verification or `validate()` throws the `WPayConfigError` the constructor would have.
 * A value that is present but invalid is refused at once.
 *
 * Secrets (api secret, sign key, tokens) live in private fields: `console.log(wpay)`,
 * `JSON.stringify(wpay)` and every error, hook and log line are free of them.
 *
 * @example
 * ```ts
 * import { WPay } from '@wpay/server-helper';
 *
 * const wpay = new WPay({
 *   apiKey: process.env.WPAY_API_KEY!,
 *   apiSecret: process.env.WPAY_API_SECRET!,
 *   signKey: process.env.WPAY_SIGN_KEY!,
 *   environment: 'sandbox',
 * });
 * const session = await wpay.checkout.create({ mchOrderNo: 'order_42', amount: '19.99', currency: 'USD',
 *   payMode: 'ONETIME', successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cancel' });
 * // redirect the customer to session.redirectUrl
 * ```
 */
export class WPay {
  /** Hosted payment page sessions. */
  readonly checkout: CheckoutResource;
  /** Payments: retrieve, list, iterate. */
  readonly payments: PaymentsResource;
  /** Refunds. */
  readonly refunds: RefundsResource;
  /** Subscriptions and their bills. */
  readonly subscriptions: SubscriptionsResource;
  /** The shop's public base URL (`publicUrl` option): the default of `wpay.checkoutHandler`. */
  readonly publicUrl: string | undefined;
  /** The effective settings (DEFAULTS merged with the options); contains no secret. */
  readonly settings: Readonly<WPaySettings>;
  /**
   * Webhook verification with this client's `signKey` and `webhookSignKeys`:
   * `await wpay.webhooks.verify(raw, headers)`.
   */
  readonly webhooks: Webhooks;

  readonly #ctx: TransportContext;
  readonly #tokens: TokenManager;
  readonly #baseUrl: string;
  /** The options, kept only while some credential is absent (checked at first use). */
  readonly #deferred: WPayOptions | undefined;

  constructor(options: WPayOptions) {
    const { resolved, deferred } = resolveOrDefer(options);
    const { credentials, settings } = resolved;
    this.#deferred = deferred ? options : undefined;
    this.#baseUrl = resolved.baseUrl;
    this.publicUrl = resolved.publicUrl;
    this.settings = settings;
    const knownSecrets = () => [
      credentials.apiSecret,
      credentials.signKey,
      ...credentials.webhookSignKeys,
      ...this.#tokens.knownTokens(),
    ];
    this.#ctx = {
      baseUrl: resolved.baseUrl,
      basePath: new URL(resolved.baseUrl).pathname.replace(/\/+$/, ''),
      settings,
      fetch: resolved.fetch,
      post: resolved.post,
      crypto: resolved.crypto,
      now: resolved.now,
      random: resolved.random,
      sleep: resolved.sleep,
      logger: resolved.logger,
      hooks: resolved.hooks,
      signer: createSigner(credentials.signKey, { crypto: resolved.crypto }),
      scrub: (text) => scrub(text, knownSecrets()),
    };
    this.#tokens = new TokenManager(this.#ctx, {
      store: resolved.tokenStore ?? new MemoryTokenStore({ now: resolved.now }),
      key: `${settings.tokenStoreKeyPrefix}${credentials.apiKey}`,
      apiKey: credentials.apiKey,
      apiSecret: credentials.apiSecret,
    });
    const schemaSettings: SchemaSettings = {
      extraCurrencies: settings.extraCurrencies,
      mchOrderNoPattern: settings.protocol.mchOrderNoPattern,
      paymentStatusCodes: settings.protocol.paymentStatusCodes,
    };
    const rc: ResourceContext = {
      call: (path, body, callOptions) => this.request(path, body, callOptions),
      settings,
      schemaSettings,
    };
    this.checkout = createCheckoutResource(rc);
    this.payments = createPaymentsResource(rc);
    this.refunds = createRefundsResource(rc, { payments: this.payments, sleep: resolved.sleep });
    this.subscriptions = createSubscriptionsResource(rc);
    const webhooks = createWebhooks({
      signKeys: [credentials.signKey, ...credentials.webhookSignKeys],
      crypto: resolved.crypto,
      now: resolved.now,
      signatureHeader: settings.protocol.headers.signature,
      timestampHeader: settings.protocol.headers.timestamp,
      toleranceMs: settings.webhooks.toleranceMs,
    });
    this.webhooks = deferred
      ? {
          verify: async (rawBody, headers) => {
            this.validate();
            return webhooks.verify(rawBody, headers);
          },
          sign: async (rawBody, signOptions) => {
            this.validate();
            return webhooks.sign(rawBody, signOptions);
          },
        }
      : webhooks;
  }

  /** The base URL in use (no trailing slash). Throws `WPayConfigError` while it is absent. */
  get baseUrl(): string {
    this.validate();
    return this.#baseUrl;
  }

  /**
   * Throws the `WPayConfigError` of an absent credential (see the class): call it at server start
   * to fail fast; a client whose options were complete passes. Every call does it by itself.
   *
   * @example
   * ```ts
   * export const wpay = new WPay({ apiKey: process.env.WPAY_API_KEY!, … }); // fine in `next build`
   * wpay.validate(); // in the server's start-up: throws WPayConfigError when a secret is unset
   * ```
   */
  validate(): void {
    const error = this.#deferred && configErrorOf(this.#deferred);
    if (error) throw error;
  }

  /** A handler that throws the deferred `WPayConfigError` before it runs (see `validate`). */
  #checked(
    handler: (request: Request) => Promise<Response>,
  ): (request: Request) => Promise<Response> {
    if (!this.#deferred) return handler;
    return async (request) => {
      this.validate();
      return handler(request);
    };
  }

  /**
   * The endpoint behind `<wpay-button>`: `(request: Request) => Promise<Response>`. See
   * `createCheckoutHandler`. `publicUrl` defaults to the client's `publicUrl` option.
   *
   * @example
   * ```ts
   * export const POST = wpay.checkoutHandler({ body: z.object({ sku: z.string() }),
   *   resolveOrder: async ({ sku }) => ({ mchOrderNo: newOrderNo(), amount: await priceOf(sku), currency: 'USD' }),
   *   publicUrl: 'https://shop.example', successUrl: '/thanks', cancelUrl: '/cart' });
   * ```
   */
  checkoutHandler<Body extends BodySchema>(
    options: CheckoutHandlerOptions<Body>,
  ): (request: Request) => Promise<Response> {
    const publicUrl = options.publicUrl ?? this.publicUrl;
    return this.#checked(
      createCheckoutHandler(this, {
        ...this.settings.checkout,
        ...options,
        ...(publicUrl === undefined ? {} : { publicUrl }),
      }),
    );
  }

  /**
   * The endpoint WPay posts webhooks to: `(request: Request) => Promise<Response>`. See
   * `createWebhookHandler`.
   *
   * @example
   * ```ts
   * export const POST = wpay.webhookHandler({
   *   on: { 'credit_card.order.paid': async (event) => fulfil(event.data.trxNo) },
   * });
   * ```
   */
  webhookHandler(options: WebhookHandlerOptions = {}): (request: Request) => Promise<Response> {
    const { toleranceMs: _verifiedByWebhooks, ...defaults } = this.settings.webhooks;
    return this.#checked(createWebhookHandler(this.webhooks, { ...defaults, ...options }));
  }

  /**
   * The endpoint `<wpay-return>` polls: `(request: Request) => Promise<Response>`. See
   * `createStatusHandler`.
   *
   * @example
   * ```ts
   * export const GET = wpay.statusHandler({ findTrxNo: async (no) => (await db.order(no))?.trxNo });
   * ```
   */
  statusHandler(options: StatusHandlerOptions = {}): (request: Request) => Promise<Response> {
    const { status, protocol } = this.settings;
    return this.#checked(
      createStatusHandler(this, {
        scan: status.scan,
        identifierPattern: protocol.mchOrderNoPattern,
        ...options,
      }),
    );
  }

  /**
   * The fulfilment core: every entry point (webhook, return page, sweep, admin) hands it a `trxNo`
   * or a subscription id; it reads the truth from WPay and runs each side effect once per
   * transition. See `createFulfilment`.
   *
   * @example
   * ```ts
   * const fulfilment = wpay.fulfilment({
   *   store: new RedisClaimStore(redis, { prefix: 'shop:fulfilment:' }),
   *   on: { paid: ({ payment }) => orders.ship(payment.mchOrderNo) },
   * });
   * ```
   */
  fulfilment(options: FulfilmentOptions = {}): Fulfilment {
    return createFulfilment(this, options);
  }

  /**
   * Recovery links for expired checkouts and their endpoint. See `createRecovery`.
   *
   * @example
   * ```ts
   * const recovery = wpay.recovery({ secret: process.env.RECOVERY_SECRET!, publicUrl: 'https://shop.example' });
   * const url = await recovery.link({ mchOrderNo: 'order_42', trxNo: 'TRX1001' });
   * ```
   */
  recovery(options: RecoveryOptions): Recovery {
    return createRecovery(this, options);
  }

  /**
   * The low-level call every resource uses: a signed `POST` of `body` (compact JSON) to `path`
   * with the access token, returning `retdata` (parsed by `options.schema` when given). No request
   * validation happens here. Retry policy defaults to `'unsent-only'`; pass `retry: 'safe'` for
   * reads and idempotent writes.
   *
   * @example
   * ```ts
   * const data = await wpay.request('/checkout/w-payment/payments/detail', { trxNo: 'TRX123' }, { retry: 'safe' });
   * ```
   */
  request<T = unknown>(path: string, body: unknown, options: RequestOptions<T> = {}): Promise<T> {
    const error = this.#deferred && configErrorOf(this.#deferred);
    if (error) return Promise.reject(error);
    return apiRequest(this.#ctx, this.#tokens, path, body, options);
  }

  /**
   * Fetches (or loads from the token store) an access token now, so the first call does not wait.
   *
   * @example
   * ```ts
   * await wpay.warmUp(); // at server start
   * ```
   */
  async warmUp(): Promise<void> {
    this.validate();
    await this.#tokens.get();
  }

  /** What `JSON.stringify(wpay)` shows: no secret. */
  toJSON(): Record<string, unknown> {
    return { baseUrl: this.#deferred ? undefined : this.#baseUrl, publicUrl: this.publicUrl };
  }
}
