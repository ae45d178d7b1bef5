import type { WebhookLog } from './store/webhook-log.js';

type Handler = (request: Request) => Promise<Response>;

/** What a verified event tells the log. */
interface Claim {
  readonly eventId: string;
  readonly eventType: string;
}

/** Statuses the webhook handler answers only after the signature checked out. */
const VERIFIED_STATUSES = new Set([200, 409, 500]);

/**
 * Logs every delivery of the webhook endpoint for the admin page without touching its body: the
 * handler alone reads the raw bytes (a `Request.clone()` here would tee the body, and an oversized
 * one could then never be cancelled). The event id and type come from the verified event itself,
 * which each event handler passes to {@link DeliveryLog.noted}; a delivery refused before its
 * signature checked out is only counted with its reason ({@link WebhookLog.refuse}).
 *
 * @example
 * ```ts
 * const deliveries = logDeliveries(webhookLog);
 * const webhook = deliveries.around(wpay.webhookHandler({
 *   on: { 'credit_card.order.paid': deliveries.noted((event) => fulfil(event.data.trxNo)) },
 * }));
 * ```
 */
export function logDeliveries(log: WebhookLog) {
  const claims = new WeakMap<Request, Claim>();
  return {
    /** Wraps an event handler so that the delivery it handles is logged with its event. */
    noted<E extends Claim>(handle: (event: E) => unknown) {
      return (event: E, request: Request): unknown => {
        claims.set(request, { eventId: event.eventId, eventType: event.eventType });
        return handle(event);
      };
    },

    /** Wraps the webhook endpoint: logs each delivery once it is answered. */
    around(handler: Handler): Handler {
      return async (request) => {
        const response = await handler(request);
        const note = response.ok ? null : await errorCode(response.clone());
        if (!VERIFIED_STATUSES.has(response.status)) {
          log.refuse({ httpStatus: response.status, note: note ?? `HTTP ${response.status}` });
          return response;
        }
        const claim = claims.get(request);
        log.record({
          eventId: claim?.eventId.slice(0, 200) ?? null,
          eventType: claim?.eventType.slice(0, 200) ?? null,
          httpStatus: response.status,
          // A verified delivery whose handler did not run: a duplicate of one already handled.
          note: note ?? (claim ? null : 'duplicate'),
        });
        return response;
      };
    },
  };
}

/** The object returned by {@link logDeliveries}. */
export type DeliveryLog = ReturnType<typeof logDeliveries>;

async function errorCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
