/**
 * `checkoutHandler`: the merchant endpoint behind `<wpay-button>`. It turns a buyer's request
 * into a WPay hosted-page session, taking the price from the merchant's own `resolveOrder`, never
 * from the browser.
 *
 * Order of checks: 405 (not POST) → 403 (origin, CSRF) → 415 / 413 / 400 (body: media type,
 * size, JSON, nesting depth) → 422 (the merchant's schema) → 400 / 409 (Idempotency-Key) →
 * `resolveOrder` (422 on `CheckoutRejection`) → WPay (502 when it fails). Every failure uses the one JSON error shape. An Idempotency-Key is
 * bound to the fingerprint of the validated body: the same key with another body is a 409.
 *
 * Trust comes from the options only (see `checkout-trust.ts`): the allowed origin and the base of
 * relative return URLs are `publicUrl` / `allowedOrigins`, never the request's Host; a handler
 * made without them throws `WPayConfigError` at creation (unless `trustRequestHost`).
 *
 * @module
 */
import type { IntervalUnit } from '@wpay/protocol';
import { DEFAULTS } from '../defaults.js';
import { englishZodMessages } from '../english-zod-messages.js';
import { WPayConfigError, WPayError } from '../errors.js';
import { describeError, type Logger, silentLogger } from '../logger.js';
import { whileRenewed } from '../stores/claim-renewal.js';
import type { Claim, ClaimStore } from '../stores/claim-store.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import * as z from '../zod.js';
import { type AllowedRedirectHosts, redirectCheck } from './allowed-redirect-hosts.js';
import { bodyFingerprint } from './body-fingerprint.js';
import { type BodyOf, type BodySchema, isBodySchema, validateBody } from './body-schema.js';
import { type AllowedOrigins, checkOrigin } from './check-origin.js';
import { CheckoutRejection } from './checkout-rejection.js';
import { checkoutTrust } from './checkout-trust.js';
import { errorResponse, jsonResponse } from './error-response.js';
import type { CheckoutClient, CheckoutSessionRequest } from './handler-client.js';
import { pollWhile } from './poll-while.js';
import { readRequestBody } from './read-request-body.js';
import { returnUrlBuilder } from './return-url.js';

englishZodMessages();

/**
 * The order as the merchant's server prices it.
 *
 * @example
 * ```ts
 * resolveOrder: async ({ sku }): Promise<ResolvedOrder> => ({
 *   mchOrderNo: `order_${crypto.randomUUID()}`, amount: await priceOf(sku), currency: 'USD', description: sku,
 * }),
 * ```
 */
export interface ResolvedOrder {
  /** The merchant's order number, 1–64 of `[A-Za-z0-9_-]`. */
  mchOrderNo: string;
  /** Major units, e.g. `'19.99'` or `19.99`. */
  amount: string | number;
  /** ISO 4217, e.g. `'USD'`. */
  currency: string;
  /** `'ONETIME'` (default) or `'SUBSCRIPTION'`. */
  payMode?: string;
  description?: string;
  customerEmail?: string;
  /** Subscription checkouts: the merchant's subscription number and interval. */
  mchSubscriptionNo?: string;
  intervalUnit?: IntervalUnit;
  intervalCount?: number;
}

/**
 * A return URL — absolute, or relative to `publicUrl` — or a function of the order giving one.
 * Only http(s) URLs are accepted. A function must not build it from `request.url` or its headers:
 * their host is whatever the client sent.
 *
 * @example
 * ```ts
 * successUrl: '/thanks', // with publicUrl: 'https://shop.example'
 * successUrl: (order) => `https://shop.example/orders/${order.mchOrderNo}/thanks`,
 * ```
 */
export type ReturnUrl = string | ((order: ResolvedOrder, request: Request) => string);

/**
 * Options of {@link createCheckoutHandler}.
 *
 * @example
 * ```ts
 * const options: CheckoutHandlerOptions<typeof body> = {
 *   body, resolveOrder, publicUrl: 'https://shop.example', successUrl: '/thanks', cancelUrl: '/cart',
 *   idempotencyStore,
 * };
 * ```
 */
export interface CheckoutHandlerOptions<Body extends BodySchema> {
  /**
   * The merchant's schema of what the button sends (e.g. `{ sku }`): any Standard Schema, e.g.
   * zod 3.24+ or 4, valibot, arktype. Its output is what `resolveOrder` gets.
   */
  body: Body;
  /** Prices the order from the validated body. Throw `CheckoutRejection` to refuse it. */
  resolveOrder: (body: BodyOf<Body>, request: Request) => Promise<ResolvedOrder> | ResolvedOrder;
  /**
   * Where the hosted page sends the buyer after paying; `mchOrderNo` is added to its query.
   * Relative URLs resolve against `publicUrl`.
   *
   * @example
   * ```ts
   * successUrl: '/thanks',
   * ```
   */
  successUrl: ReturnUrl;
  /**
   * Where the hosted page sends the buyer after cancelling or a declined card.
   *
   * @example
   * ```ts
   * cancelUrl: '/cart',
   * ```
   */
  cancelUrl: ReturnUrl;
  /**
   * The shop's public base URL: relative `successUrl` / `cancelUrl` resolve against it, and its
   * origin is the default of `allowedOrigins`. Required unless `allowedOrigins` (with absolute
   * return URLs) or `trustRequestHost` is given: the request's own URL comes from the client's
   * `Host` header and is never trusted. `new WPay({ publicUrl })` sets it for every
   * `wpay.checkoutHandler`.
   *
   * @example
   * ```ts
   * wpay.checkoutHandler({ …, publicUrl: 'https://shop.example', successUrl: '/thanks', cancelUrl: '/cart' });
   * ```
   */
  publicUrl?: string;
  /**
   * The shop's origins allowed to post. Default: the origin of `publicUrl`.
   *
   * @example
   * ```ts
   * allowedOrigins: ['https://shop.example', 'https://www.shop.example'],
   * ```
   */
  allowedOrigins?: AllowedOrigins;
  /**
   * Local development only, **unsafe in production**: trust the request's own URL (built from the
   * client's `Host` header) as the allowed origin and the base of relative return URLs, when
   * neither `publicUrl` nor `allowedOrigins` says otherwise. Logs a warning at creation.
   * Default `false`.
   *
   * @example
   * ```ts
   * trustRequestHost: process.env.NODE_ENV === 'development',
   * ```
   */
  trustRequestHost?: boolean;
  /**
   * The host names WPay's hosted page may be on (or a predicate of its URL). When set, a
   * `redirectUrl` on another host, not https (loopback http is fine, for the sandbox) or with user
   * info is never sent to the browser: `502 untrusted_redirect`, logged. Default: unset — WPay's
   * host is not documented, so any http(s) URL is followed and a one-time warning names the host
   * seen.
   *
   * @example
   * ```ts
   * allowedRedirectHosts: ['pay.wpay.example'],
   * ```
   */
  allowedRedirectHosts?: AllowedRedirectHosts;
  /** Accept requests with none of Origin, Sec-Fetch-Site, Referer (non-browser). Default false. */
  allowMissingOrigin?: boolean;
  /**
   * Where Idempotency-Key results live (keys `idempotency:<key>`). Default: a `MemoryClaimStore`;
   * with several instances a `RedisClaimStore`.
   */
  idempotencyStore?: ClaimStore;
  /** How long an Idempotency-Key returns the same session. Default 24 h. */
  idempotencyTtlMs?: number;
  /** How long a running request holds its key. Default: a worst-case call (`leaseDefaults`). */
  idempotencyLeaseMs?: number;
  /** How long a concurrent duplicate waits for the first request. Default 15 s. */
  idempotencyWaitMs?: number;
  /** How often a waiting duplicate looks again. Default 50 ms. */
  pollIntervalMs?: number;
  /** Largest accepted body in bytes. Default 64 KiB. */
  maxBodyBytes?: number;
  /**
   * Deepest accepted nesting of arrays/objects in a JSON body; deeper bodies get
   * `400 body_too_deep` before your schema sees them. Default 32.
   *
   * @example
   * ```ts
   * maxBodyDepth: 8, // a cart of line items needs no more
   * ```
   */
  maxBodyDepth?: number;
  /** `payMode` when `resolveOrder` gives none. Default `'ONETIME'`. */
  payMode?: string;
  /** Where failures hidden from the buyer are reported. */
  logger?: Logger;
}

const storedSessionSchema = z.object({
  trxNo: z.string(),
  redirectUrl: z.string(),
  mchOrderNo: z.string(),
});
type StoredSession = z.infer<typeof storedSessionSchema>;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * The WPay request: the order's known fields only (WPay's schema refuses unknown keys). Also used
 * by the recovery handler, which prices an expired order again.
 *
 * @example
 * ```ts
 * await wpay.checkout.create(sessionRequestOf(order, { successUrl, cancelUrl }, 'ONETIME'));
 * ```
 */
export function sessionRequestOf(
  order: ResolvedOrder,
  urls: { successUrl: string; cancelUrl: string },
  payMode: string,
): CheckoutSessionRequest {
  const request: CheckoutSessionRequest = {
    mchOrderNo: order.mchOrderNo,
    amount: order.amount,
    currency: order.currency,
    payMode: order.payMode ?? payMode,
    ...urls,
  };
  const optional = [
    'description',
    'customerEmail',
    'mchSubscriptionNo',
    'intervalUnit',
    'intervalCount',
  ] as const;
  for (const key of optional) {
    if (order[key] !== undefined) Object.assign(request, { [key]: order[key] });
  }
  return request;
}

function answer(
  session: StoredSession,
  kind: 'json' | 'form',
  { replayed, request }: { replayed: boolean; request: Request },
): Response {
  const headers: Record<string, string> = replayed ? { 'idempotent-replayed': 'true' } : {};
  if (kind === 'form') {
    return new Response(null, {
      status: 303,
      headers: { location: session.redirectUrl, 'cache-control': 'no-store', ...headers },
    });
  }
  const body = { redirectUrl: session.redirectUrl, trxNo: session.trxNo };
  return jsonResponse(200, body, headers, request);
}

/**
 * Creates the checkout endpoint: `(request: Request) => Promise<Response>`.
 *
 * @example
 * ```ts
 * const checkout = createCheckoutHandler(wpay, {
 *   body: z.object({ sku: z.string() }),
 *   resolveOrder: async ({ sku }) => {
 *     const product = await db.product(sku);
 *     if (!product) throw new CheckoutRejection('Unknown product', { status: 422, code: 'unknown_sku' });
 *     return { mchOrderNo: `order_${crypto.randomUUID()}`, amount: product.price, currency: 'USD' };
 *   },
 *   publicUrl: 'https://shop.example', // trusted origin and base of the return URLs
 *   successUrl: '/thanks',
 *   cancelUrl: '/cart',
 * });
 * export const POST = checkout; // Next.js route handler
 * ```
 */
export function createCheckoutHandler<Body extends BodySchema>(
  client: CheckoutClient,
  options: CheckoutHandlerOptions<Body>,
): (request: Request) => Promise<Response> {
  const {
    body: schema,
    resolveOrder,
    allowMissingOrigin = false,
    idempotencyStore = new MemoryClaimStore(),
    idempotencyTtlMs = DEFAULTS.checkout.idempotencyTtlMs,
    idempotencyLeaseMs = DEFAULTS.checkout.idempotencyLeaseMs,
    idempotencyWaitMs = DEFAULTS.checkout.idempotencyWaitMs,
    pollIntervalMs = DEFAULTS.checkout.pollIntervalMs,
    maxBodyBytes = DEFAULTS.checkout.maxBodyBytes,
    maxBodyDepth = DEFAULTS.checkout.maxBodyDepth,
    payMode = DEFAULTS.checkout.payMode,
    logger = silentLogger,
  } = options;
  if (!isBodySchema(schema)) {
    throw new WPayConfigError({
      field: 'body',
      message:
        'checkoutHandler needs a schema as `body` (zod, valibot, arktype: any Standard Schema)',
      hint: 'Pass e.g. body: z.object({ sku: z.string() }) describing what the button sends.',
    });
  }
  const trust = checkoutTrust({ ...options, logger });
  const checkRedirect = redirectCheck(options.allowedRedirectHosts, { logger });
  const { publicBase, baseOf } = trust;
  const successUrl = returnUrlBuilder(options.successUrl, {
    field: 'successUrl',
    publicBase,
    baseOf,
  });
  const cancelUrl = returnUrlBuilder(options.cancelUrl, { field: 'cancelUrl', publicBase, baseOf });

  /** The hosted page may be shown only when its URL passes `allowedRedirectHosts`. */
  function refusedRedirect(session: StoredSession): Response | undefined {
    const refusal = checkRedirect(session.redirectUrl);
    if (refusal === undefined) return undefined;
    logger.error(
      `checkoutHandler: refused WPay's redirectUrl (${refusal}; see allowedRedirectHosts)`,
      {
        mchOrderNo: session.mchOrderNo,
        trxNo: session.trxNo,
        redirectUrl: session.redirectUrl,
      },
    );
    return errorResponse(
      502,
      'untrusted_redirect',
      'The payment provider answered with an unexpected payment page. Please try again later.',
    );
  }

  async function createSession(
    body: BodyOf<Body>,
    request: Request,
  ): Promise<StoredSession | Response> {
    let order: ResolvedOrder;
    try {
      order = await resolveOrder(body, request);
    } catch (error) {
      if (error instanceof CheckoutRejection) {
        return errorResponse(error.status, error.code, error.message, { fields: error.fields });
      }
      logger.error('checkoutHandler: resolveOrder threw', describeError(error));
      return errorResponse(500, 'internal_error', 'The order could not be prepared');
    }
    try {
      const urls = {
        successUrl: successUrl(order, request),
        cancelUrl: cancelUrl(order, request),
      };
      const sessionRequest = sessionRequestOf(order, urls, payMode);
      const session = await client.checkout.create(sessionRequest);
      const stored = {
        trxNo: session.trxNo,
        redirectUrl: session.redirectUrl,
        mchOrderNo: order.mchOrderNo,
      };
      return refusedRedirect(stored) ?? stored;
    } catch (error) {
      const details = { mchOrderNo: order.mchOrderNo, ...describeError(error) };
      const isProvider =
        error instanceof WPayError && !['config', 'validation'].includes(error.code);
      if (isProvider) {
        logger.error('checkoutHandler: WPay could not create the session', details);
        return errorResponse(
          502,
          'payment_provider_error',
          'The payment provider could not start the checkout. Please try again.',
        );
      }
      logger.error('checkoutHandler: the checkout request is invalid (merchant code)', details);
      return errorResponse(500, 'internal_error', 'The checkout could not be started');
    }
  }

  async function idempotent(
    key: string,
    fingerprint: string,
    run: () => Promise<StoredSession | Response>,
    { kind, request }: { kind: 'json' | 'form'; request: Request },
  ): Promise<Response> {
    const begin = () =>
      idempotencyStore.claim(`idempotency:${key}`, {
        leaseMs: idempotencyLeaseMs,
        ttlMs: idempotencyTtlMs,
        fingerprint,
      });
    const waiting = (s: Claim) => s.state === 'in_progress' && s.fingerprint === fingerprint;
    const state = await pollWhile(begin, waiting, {
      timeoutMs: idempotencyWaitMs,
      intervalMs: pollIntervalMs,
    });
    if (waiting(state)) {
      return errorResponse(
        409,
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still being processed; retry shortly',
        { headers: { 'retry-after': '1' } },
      );
    }
    if (state.state !== 'claimed' && state.fingerprint !== fingerprint) {
      return errorResponse(
        409,
        'idempotency_key_reused',
        'This Idempotency-Key was already used with a different request body',
      );
    }
    if (state.state === 'done') {
      const stored = storedSessionSchema.safeParse(state.result);
      if (stored.success)
        return (
          refusedRedirect(stored.data) ?? answer(stored.data, kind, { replayed: true, request })
        );
      logger.error('checkoutHandler: the stored Idempotency-Key result is unreadable', { key });
      return errorResponse(500, 'internal_error', 'The checkout could not be started');
    }
    if (state.state !== 'claimed') return errorResponse(500, 'internal_error', 'Unexpected state');
    const renewal = { leaseMs: idempotencyLeaseMs, logger, holder: 'checkoutHandler', key };
    const outcome = await whileRenewed(state, renewal, run).catch(async (error: unknown) => {
      await state.release();
      throw error;
    });
    if (outcome instanceof Response) {
      await state.release();
      return outcome;
    }
    await state.complete(outcome);
    return answer(outcome, kind, { replayed: false, request });
  }

  return async (request) => {
    if (request.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Use POST', { headers: { allow: 'POST' } });
    }
    const refusal = checkOrigin(request, trust.allowedOrigins, {
      allowMissing: allowMissingOrigin,
    });
    if (refusal) return errorResponse(403, 'forbidden_origin', refusal);
    const read = await readRequestBody(request, {
      maxBytes: maxBodyBytes,
      maxDepth: maxBodyDepth,
    });
    if (!read.ok) return errorResponse(read.status, read.code, read.message);
    const parsed = await validateBody(schema, read.value);
    if (!parsed.ok) {
      return errorResponse(422, 'invalid_body', 'The request has invalid fields', {
        fields: parsed.issues,
      });
    }
    const run = () => createSession(parsed.value, request);
    const key = request.headers.get('idempotency-key');
    if (key === null) {
      const outcome = await run();
      return outcome instanceof Response
        ? outcome
        : answer(outcome, read.kind, { replayed: false, request });
    }
    if (!IDEMPOTENCY_KEY.test(key)) {
      return errorResponse(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key must be 1 to 255 visible ASCII characters',
      );
    }
    const scope = trust.scopeOf(request);
    const fingerprint = await bodyFingerprint(scope ? [scope, parsed.value] : parsed.value);
    return idempotent(key, fingerprint, run, { kind: read.kind, request });
  };
}
