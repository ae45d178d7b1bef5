/**
 * `wpay.recovery()`: getting a buyer whose checkout expired back to a hosted page. `link(order)`
 * makes an HMAC-signed, expiring, single-use link on the shop's own public URL (never a request's
 * Host); `handler()` is the `GET` endpoint behind it, which works without JavaScript.
 *
 * The handler checks, in order: 405 (not GET) → 403 (missing, malformed or tampered link) → 410
 * (expired) → 410 (used before; 409 while another request uses it) → 409 (the order was paid
 * since: WPay's payment of the old `trxNo`, or the shop's `isPaid`) → `resolveOrder` prices the
 * order again (its `CheckoutRejection` status) → WPay creates a new session (502 when it fails) →
 * `onRecovered` links it to the old order → 303 to the hosted page. Answers are small HTML pages.
 *
 * @module
 */
import { DEFAULTS } from '../defaults.js';
import { WPayConfigError } from '../errors.js';
import { type ResolvedOrder, sessionRequestOf } from '../handlers/checkout-handler.js';
import { CheckoutRejection } from '../handlers/checkout-rejection.js';
import type {
  CheckoutClient,
  CheckoutSessionLike,
  PaymentLike,
} from '../handlers/handler-client.js';
import { paymentOutcome } from '../handlers/payment-outcome.js';
import { describeError, type Logger, silentLogger } from '../logger.js';
import { renewWhileHeld } from '../stores/claim-renewal.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import { assertSecret } from './bearer-secret.js';
import type { FulfilmentStore } from './claim-once.js';
import {
  type CallTiming,
  callMsOf,
  positiveInteger,
  recoveryLeaseMs,
} from './fulfilment-timing.js';
import {
  newNonce,
  type RecoverableOrder,
  recoveryKey,
  signRecoveryToken,
  verifyRecoveryToken,
} from './recovery-token.js';

/**
 * What the recovery endpoint calls on WPay: `wpay` itself fits.
 *
 * @example
 * ```ts
 * const client: RecoveryClient = wpay;
 * ```
 */
export interface RecoveryClient extends CheckoutClient {
  payments: { retrieve(params: { trxNo: string }): Promise<PaymentLike> };
  /** The client's call timing (`wpay.settings`): the default lease outlives two worst-case calls. */
  settings?: CallTiming | undefined;
}

/**
 * Options of {@link createRecovery} (`wpay.recovery(options)`).
 *
 * @example
 * ```ts
 * const options: RecoveryOptions = {
 *   secret: process.env.RECOVERY_SECRET!, publicUrl: 'https://shop.example', path: '/checkout/recover',
 *   store: new RedisClaimStore(redis, { prefix: 'shop:recovery:' }),
 * };
 * ```
 */
export interface RecoveryOptions {
  /** A secret of its own (32+ characters) for these links only; never WPay's signKey. */
  secret: string;
  /** The shop's public origin the links point to, e.g. `https://shop.example`. */
  publicUrl: string;
  /** Where `handler()` is mounted on that origin. Default `/checkout/recover`. */
  path?: string;
  /** Where used links are remembered. Default a `MemoryClaimStore` (one process only). */
  store?: FulfilmentStore;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /**
   * How long opening a link holds it while WPay is asked (the old payment, then a new session)
   * and the shop's code runs. Default two worst-case calls of the client (88 min with the default
   * timing) plus `shopWorkMs`; a value shorter than those two calls is refused.
   */
  leaseMs?: number;
  /** How long `resolveOrder` and `onRecovered` may take, for the default `leaseMs`. Default 60 s. */
  shopWorkMs?: number;
  /** How long a used link is remembered; no link may live longer. Default 7 days. */
  usedTtlMs?: number;
}

/**
 * Options of `recovery.link()`.
 *
 * @example
 * ```ts
 * await recovery.link(order, { ttlMs: 48 * 3600_000 } satisfies RecoveryLinkOptions);
 * ```
 */
export interface RecoveryLinkOptions {
  /** How long the link works. Default 24 h. */
  ttlMs?: number;
}

/**
 * Options of `recovery.handler()`.
 *
 * @example
 * ```ts
 * const options: RecoveryHandlerOptions = {
 *   resolveOrder: async ({ mchOrderNo }) => ({ ...(await db.reprice(mchOrderNo)), mchOrderNo: `${mchOrderNo}_r1` }),
 *   successUrl: '/thanks', cancelUrl: '/cart',
 * };
 * ```
 */
export interface RecoveryHandlerOptions {
  /**
   * Prices the old order again, today. Give it a new `mchOrderNo` (WPay answers the same, expired
   * session for the same one). Throw `CheckoutRejection` to refuse (sold out…).
   */
  resolveOrder: (
    previous: RecoverableOrder,
    request: Request,
  ) => Promise<ResolvedOrder> | ResolvedOrder;
  /** Where the hosted page sends the buyer after paying (relative to `publicUrl`). */
  successUrl: string;
  /** Where it sends the buyer after cancelling. */
  cancelUrl: string;
  /** Whether the shop already has this order paid (e.g. through another recovered session). */
  isPaid?: (previous: RecoverableOrder) => Promise<boolean> | boolean;
  /** Links the new session to the old order in the shop's records. */
  onRecovered?: (recovered: {
    previous: RecoverableOrder;
    order: ResolvedOrder;
    session: CheckoutSessionLike;
  }) => unknown;
  /** `payMode` when `resolveOrder` gives none. Default `'ONETIME'`. */
  payMode?: string;
  /** Where failures are reported. */
  logger?: Logger;
}

/**
 * What `wpay.recovery()` returns.
 *
 * @example
 * ```ts
 * const recovery: Recovery = wpay.recovery({ secret, publicUrl: 'https://shop.example' });
 * await mailer.send(order.email, await recovery.link({ mchOrderNo: order.no, trxNo: order.trxNo }));
 * ```
 */
export interface Recovery {
  /** A signed, single-use link to the recovery endpoint for `order`. */
  link(order: RecoverableOrder, options?: RecoveryLinkOptions): Promise<string>;
  /** The `GET` endpoint behind the links. */
  handler(options: RecoveryHandlerOptions): (request: Request) => Promise<Response>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(
  status: number,
  title: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></html>`;
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...headers,
    },
  });
}

function publicBase(publicUrl: string): URL {
  try {
    const url = new URL(publicUrl);
    if (url.protocol === 'https:' || url.protocol === 'http:') return url;
  } catch {}
  throw new WPayConfigError({
    field: 'publicUrl',
    message: 'publicUrl must be the shop’s http(s) origin',
    hint: "Give the shop's public URL, e.g. 'https://shop.example' (never derive it from a request).",
  });
}

/**
 * Creates recovery links and their endpoint.
 *
 * @example
 * ```ts
 * const recovery = createRecovery(wpay, { secret: process.env.RECOVERY_SECRET!, publicUrl: 'https://shop.example' });
 * const url = await recovery.link({ mchOrderNo: 'order_42', trxNo: 'TRX1001' }, { ttlMs: 24 * 3600_000 });
 * app.get('/checkout/recover', toNodeHandler(recovery.handler({ resolveOrder, successUrl: '/thanks', cancelUrl: '/cart' })));
 * ```
 */
export function createRecovery(
  client: RecoveryClient,
  {
    secret,
    publicUrl,
    path = '/checkout/recover',
    store = new MemoryClaimStore(),
    now = Date.now,
    leaseMs,
    shopWorkMs = DEFAULTS.recovery.shopWorkMs,
    usedTtlMs = DEFAULTS.recovery.usedTtlMs,
  }: RecoveryOptions,
): Recovery {
  assertSecret(secret, 'secret', 'wpay.recovery');
  const base = publicBase(publicUrl);
  const key = recoveryKey(secret);
  const callMs = callMsOf(client);
  const workMs = positiveInteger('recovery.shopWorkMs', shopWorkMs);
  const claimOptions = {
    leaseMs: positiveInteger('recovery.leaseMs', leaseMs ?? recoveryLeaseMs(callMs, workMs), {
      min: 2 * callMs,
      why: "a link's hold must outlive the client's two worst-case WPay calls",
    }),
    ttlMs: positiveInteger('recovery.usedTtlMs', usedTtlMs),
  };

  async function isPaidAtWPay(trxNo: string | undefined): Promise<boolean> {
    if (!trxNo) return false;
    const payment = await client.payments.retrieve({ trxNo });
    return paymentOutcome(payment.status).outcome === 'succeeded';
  }

  function handler({
    resolveOrder,
    successUrl,
    cancelUrl,
    isPaid,
    onRecovered,
    payMode = DEFAULTS.checkout.payMode,
    logger = silentLogger,
  }: RecoveryHandlerOptions): (request: Request) => Promise<Response> {
    const urls = {
      successUrl: new URL(successUrl, base).href,
      cancelUrl: new URL(cancelUrl, base).href,
    };
    return async (request) => {
      if (request.method !== 'GET')
        return page(405, 'Not allowed', 'Open the link in your browser.', { allow: 'GET' });
      const token = await verifyRecoveryToken(await key, new URL(request.url).searchParams);
      if (!token)
        return page(403, 'This link is not valid', 'Please use the link exactly as we sent it.');
      if (token.expiresAt <= now())
        return page(410, 'This link has expired', 'Please start your order again.');
      const previous: RecoverableOrder = { mchOrderNo: token.mchOrderNo, trxNo: token.trxNo };
      const claim = await store.claim(`recovery:${token.nonce}`, claimOptions);
      if (claim.state === 'done')
        return page(410, 'This link was used', 'Please check your email for your order.');
      if (claim.state === 'in_progress')
        return page(
          409,
          'One moment',
          'This link is being opened already; reload in a few seconds.',
          { 'retry-after': '5' },
        );
      // Held while the shop's code and WPay's call run: a lapsed claim would open a second session.
      const stopRenewing = renewWhileHeld(claim, {
        leaseMs: claimOptions.leaseMs,
        logger,
        holder: 'recoveryHandler',
        key: `recovery:${token.nonce}`,
      });
      try {
        try {
          if ((await isPaidAtWPay(token.trxNo)) || (await isPaid?.(previous))) {
            await claim.release();
            return page(409, 'Already paid', 'This order has been paid. Thank you!');
          }
        } catch (error) {
          await claim.release().catch(() => undefined);
          logger.error('recoveryHandler: could not check the order', describeError(error));
          return page(502, 'Please try again', 'We could not check your order just now.');
        }
        try {
          const order = await resolveOrder(previous, request);
          const session = await client.checkout.create(sessionRequestOf(order, urls, payMode));
          await onRecovered?.({ previous, order, session });
          await claim.complete();
          return new Response(null, {
            status: 303,
            headers: { location: session.redirectUrl, 'cache-control': 'no-store' },
          });
        } catch (error) {
          await claim.release().catch(() => undefined);
          if (error instanceof CheckoutRejection)
            return page(error.status, 'We could not restart this order', error.message);
          logger.error('recoveryHandler: could not create the new session', describeError(error));
          return page(502, 'Please try again', 'The payment page could not be opened just now.');
        }
      } finally {
        stopRenewing();
      }
    };
  }

  return {
    async link(order, { ttlMs = DEFAULTS.recovery.ttlMs } = {}) {
      positiveInteger('ttlMs', ttlMs);
      if (ttlMs > claimOptions.ttlMs) {
        // A used link forgotten while it is still valid could be used again.
        throw new WPayConfigError({
          field: 'ttlMs',
          message: `A recovery link may live at most usedTtlMs (${claimOptions.ttlMs} ms); got ${ttlMs}`,
          hint: 'Give a shorter ttlMs, or a longer usedTtlMs to wpay.recovery().',
        });
      }
      const url = new URL(path, base);
      const token = { ...order, expiresAt: now() + ttlMs, nonce: newNonce() };
      return (await signRecoveryToken(await key, token, url)).href;
    },
    handler,
  };
}
