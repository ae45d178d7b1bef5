/**
 * `webhookHandler`: the endpoint WPay posts events to (wpay-api.md §7).
 *
 * It reads the raw body itself (bytes, never re-encoded), verifies it, deduplicates on `eventId`, runs the merchant's
 * handler for the event type and acknowledges with `200 SUCCESS`. Answers: 405 (not POST), 413
 * (body too large), 500 `body_already_parsed` (a body parser ran first and the Node adapter could
 * only rebuild its value: a configuration error, WPay retries), 400 (body unreadable or malformed), 401 (signature, timestamp or header check
 * failed), 503 (the dedupe store cannot be reached: nothing ran, WPay retries), 409 (a duplicate
 * of a delivery still running after `duplicateWaitMs`: WPay retries later), 500 (the merchant's
 * code threw: WPay retries, the event is not marked done). Hostile input never causes a 5xx.
 *
 * Once the merchant's code succeeded the answer is 200 whatever the store does: a failed write of
 * `done` is logged and retried after each of `recordRetryDelaysMs` (the claim is still held
 * meanwhile, so a concurrent duplicate waits), so that a redelivery does not run the code again.
 *
 * @module
 */
import { DEFAULTS } from '../defaults.js';
import { WPayWebhookError } from '../errors.js';
import type { FulfilmentCore } from '../fulfilment/create-fulfilment.js';
import { fulfilmentWebhookHandlers } from '../fulfilment/fulfilment-webhook-handlers.js';
import { describeError, type Logger, silentLogger } from '../logger.js';
import { whileRenewed } from '../stores/claim-renewal.js';
import type { Claim, ClaimStore } from '../stores/claim-store.js';
import { MemoryClaimStore } from '../stores/memory-claim-store.js';
import type { HeadersLike } from '../webhooks/read-header.js';
import type { RawBody } from '../webhooks/webhook-crypto.js';
import type {
  KnownWebhookEventType,
  UnknownWebhookEvent,
  WebhookEvent,
  WebhookEventOf,
} from '../webhooks/webhook-event.js';
import { errorResponse } from './error-response.js';
import { BODY_ALREADY_PARSED, BODY_ALREADY_PARSED_MESSAGE, hasRebuiltBody } from './parsed-body.js';
import { pollWhile } from './poll-while.js';
import { readLimited } from './read-limited.js';

/**
 * Handlers per known event type; each gets its typed event.
 *
 * @example
 * ```ts
 * const on: WebhookEventHandlers = {
 *   'credit_card.order.refunded': (event) => orders.markRefunded(event.data.trxNo),
 * };
 * ```
 */
export type WebhookEventHandlers = {
  [T in KnownWebhookEventType]?: (event: WebhookEventOf<T>, request: Request) => unknown;
};

/**
 * Verifies webhooks: `wpay.webhooks` (or `createWebhooks(...)`).
 *
 * @example
 * ```ts
 * const verifier: WebhookVerifier = createWebhooks({ signKeys: [newKey, oldKey] });
 * const webhook = createWebhookHandler(verifier, { on });
 * ```
 */
export interface WebhookVerifier {
  verify(rawBody: RawBody, headers: HeadersLike): Promise<WebhookEvent>;
}

/**
 * Options of {@link createWebhookHandler}.
 *
 * @example
 * ```ts
 * const options: WebhookHandlerOptions = { on, dedupe: new RedisClaimStore(redis), logger: console };
 * ```
 */
export interface WebhookHandlerOptions {
  /** What to do per event type. Known types without a handler are acknowledged and ignored. */
  on?: WebhookEventHandlers;
  /** Events of a type this version does not know. They are acknowledged either way. */
  onUnknown?: (event: UnknownWebhookEvent, request: Request) => unknown;
  /**
   * Hands every known event to the fulfilment core (`wpay.fulfilment()`), which reads the payment
   * or subscription from WPay and runs each transition once; `on` handlers run after it.
   */
  fulfilment?: Pick<FulfilmentCore, 'event'>;
  /** Called when the merchant's handler throws (the answer is then 500). */
  onError?: (error: unknown, event: WebhookEvent) => unknown;
  /**
   * Where handled event ids are remembered (keys `event:<eventId>`). Default a
   * `MemoryClaimStore`; with several instances a `RedisClaimStore`; `false` to disable.
   */
  dedupe?: ClaimStore | false;
  /** How long a handled event id is remembered. Default 48 h (WPay retries for ~23.6 h). */
  dedupeTtlMs?: number;
  /** How long one delivery holds an event while its handler runs. Default 60 s. */
  dedupeLeaseMs?: number;
  /** How long a concurrent duplicate waits for the first delivery. Default 10 s (WPay waits 15 s). */
  duplicateWaitMs?: number;
  /** How often a waiting duplicate looks again. Default 50 ms. */
  pollIntervalMs?: number;
  /**
   * Back-off before each retry of recording a handled event as done when the store failed to.
   * Default `[100, 400, 1600]` ms: bounded, well inside WPay's 15 s.
   */
  recordRetryDelaysMs?: readonly number[];
  /** Largest accepted body. Default 1 MiB. */
  maxBodyBytes?: number;
  /** The body of the `200` acknowledgement. Default `'SUCCESS'`. */
  ackBody?: string;
  /** Where refusals and failures are reported. */
  logger?: Logger;
}

function acknowledgement(body: string): Response {
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

async function dispatch(
  event: WebhookEvent,
  request: Request,
  on: WebhookEventHandlers,
  onUnknown: WebhookHandlerOptions['onUnknown'],
): Promise<void> {
  if (!event.known) {
    await onUnknown?.(event, request);
    return;
  }
  const handler = on[event.eventType] as ((e: WebhookEvent, r: Request) => unknown) | undefined;
  await handler?.(event, request);
}

/**
 * Creates the webhook endpoint: `(request: Request) => Promise<Response>`.
 *
 * @example
 * ```ts
 * const webhook = createWebhookHandler(wpay.webhooks, {
 *   on: {
 *     'credit_card.order.paid': async (event) => {
 *       const payment = await wpay.payments.retrieve({ trxNo: event.data.trxNo }); // proof, not hint
 *       if (payment.status === 'PAID') await orders.markPaid(payment.mchOrderNo);
 *     },
 *   },
 *   onUnknown: (event) => log.info(`ignored ${event.eventType}`),
 *   dedupe: new RedisClaimStore(redis),
 * });
 * ```
 */
export function createWebhookHandler(
  verifier: WebhookVerifier,
  options: WebhookHandlerOptions = {},
): (request: Request) => Promise<Response> {
  const {
    on: merchantOn = {},
    fulfilment,
    onUnknown,
    onError,
    dedupe = new MemoryClaimStore(),
    dedupeTtlMs = DEFAULTS.webhooks.dedupeTtlMs,
    dedupeLeaseMs = DEFAULTS.webhooks.dedupeLeaseMs,
    duplicateWaitMs = DEFAULTS.webhooks.duplicateWaitMs,
    pollIntervalMs = DEFAULTS.webhooks.pollIntervalMs,
    maxBodyBytes = DEFAULTS.webhooks.maxBodyBytes,
    ackBody = DEFAULTS.webhooks.ackBody,
    recordRetryDelaysMs = DEFAULTS.webhooks.recordRetryDelaysMs,
    logger = silentLogger,
  } = options;
  const on = fulfilment ? fulfilmentWebhookHandlers(fulfilment, merchantOn) : merchantOn;
  const acknowledge = () => acknowledgement(ackBody);

  async function run(event: WebhookEvent, request: Request): Promise<Response | undefined> {
    try {
      await dispatch(event, request, on, onUnknown);
      return undefined;
    } catch (error) {
      logger.error('webhookHandler: the handler threw; WPay will retry', {
        eventId: event.eventId,
        eventType: event.eventType,
        ...describeError(error),
      });
      try {
        await onError?.(error, event);
      } catch {
        // onError must not change the answer
      }
      return errorResponse(500, 'handler_failed', 'The event could not be processed; retry later');
    }
  }

  /** Records the event as done, retrying with back-off; never throws (the answer is 200 anyway). */
  async function record(done: () => Promise<void>, event: WebhookEvent): Promise<void> {
    const ids = { eventId: event.eventId, eventType: event.eventType };
    for (let attempt = 0; ; attempt++) {
      try {
        await done();
        return;
      } catch (error) {
        const delay = recordRetryDelaysMs[attempt];
        if (delay === undefined) {
          logger.error(
            'webhookHandler: the event was handled but not recorded as done; a redelivery will run the handler again',
            { ...ids, attempts: attempt + 1, ...describeError(error) },
          );
          return;
        }
        logger.warn('webhookHandler: could not record the handled event as done; retrying', {
          ...ids,
          attempt: attempt + 1,
          ...describeError(error),
        });
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  async function claimOf(event: WebhookEvent): Promise<Claim | undefined> {
    const claimOptions = { leaseMs: dedupeLeaseMs, ttlMs: dedupeTtlMs };
    try {
      return await pollWhile(
        () => (dedupe as ClaimStore).claim(`event:${event.eventId}`, claimOptions),
        (c) => c.state === 'in_progress',
        { timeoutMs: duplicateWaitMs, intervalMs: pollIntervalMs },
      );
    } catch (error) {
      logger.error('webhookHandler: the dedupe store failed; WPay will retry', {
        eventId: event.eventId,
        ...describeError(error),
      });
      return undefined;
    }
  }

  async function handleOnce(event: WebhookEvent, request: Request): Promise<Response> {
    if (!dedupe) return (await run(event, request)) ?? acknowledge();
    const claim = await claimOf(event);
    if (!claim) {
      return errorResponse(
        503,
        'dedupe_unavailable',
        'The event cannot be processed now; retry later',
        {
          headers: { 'retry-after': '60' },
        },
      );
    }
    if (claim.state === 'done') return acknowledge();
    if (claim.state === 'in_progress') {
      return errorResponse(
        409,
        'delivery_in_progress',
        'This event is being processed; retry later',
        {
          headers: { 'retry-after': '60' },
        },
      );
    }
    const failure = await whileRenewed(
      claim,
      { leaseMs: dedupeLeaseMs, logger, holder: 'webhookHandler', key: `event:${event.eventId}` },
      () => run(event, request),
    );
    if (failure) {
      await claim.release().catch((error: unknown) => {
        // The lease expires by itself; WPay's retry then runs the handler.
        logger.warn('webhookHandler: could not release the claim', {
          eventId: event.eventId,
          ...describeError(error),
        });
      });
      return failure;
    }
    await record(async () => {
      await claim.complete();
    }, event);
    return acknowledge();
  }

  return async (request) => {
    if (request.method !== 'POST') {
      return errorResponse(405, 'method_not_allowed', 'Use POST', { headers: { allow: 'POST' } });
    }
    if (hasRebuiltBody(request)) {
      // A body parser ran first and the adapter could only rebuild its value: not what WPay signed.
      logger.error('webhookHandler: refused (body_already_parsed)', {
        message: BODY_ALREADY_PARSED_MESSAGE,
      });
      return errorResponse(500, BODY_ALREADY_PARSED, BODY_ALREADY_PARSED_MESSAGE);
    }
    let rawBody: Uint8Array | undefined;
    try {
      rawBody = await readLimited(request, maxBodyBytes);
    } catch (error) {
      logger.warn('webhookHandler: refused (body_unreadable)', describeError(error));
      return errorResponse(400, 'body_unreadable', 'The request body could not be read');
    }
    if (!rawBody) {
      return errorResponse(413, 'body_too_large', `The body exceeds ${maxBodyBytes} bytes`);
    }
    let event: WebhookEvent;
    try {
      event = await verifier.verify(rawBody, request.headers);
    } catch (error) {
      if (!(error instanceof WPayWebhookError)) {
        logger.error('webhookHandler: verification failed unexpectedly', describeError(error));
        return errorResponse(500, 'internal_error', 'The webhook could not be verified');
      }
      const malformed = error.reason === 'malformed_body' || error.reason === 'invalid_event';
      logger.warn(`webhookHandler: refused (${error.reason})`, {
        message: error.message,
        hint: error.hint,
      });
      return errorResponse(malformed ? 400 : 401, error.reason, error.message);
    }
    return handleOnce(event, request);
  };
}
