import type { WebhookLog } from './store/webhook-log.js';

type Handler = (request: Request) => Promise<Response>;

/** Statuses the webhook handler answers only after the signature checked out. */
const VERIFIED_STATUSES = new Set([200, 409, 500]);

/**
 * Wraps the webhook endpoint so that every delivery is logged for the admin page: when it came,
 * the event id and type it claims, what the shop answered and why. The handler still reads the
 * raw body itself; the log reads a copy, and records no header (signatures stay out of it).
 *
 * @example
 * ```ts
 * const webhook = logDeliveries(createWebhookHandler(verifier, { on }), webhookLog);
 * app.post('/api/webhooks/wpay', (c) => webhook(c.req.raw));
 * ```
 */
export function logDeliveries(handler: Handler, log: WebhookLog): Handler {
  return async (request) => {
    const copy = request.clone();
    const response = await handler(request);
    const tooLarge = response.status === 413;
    if (tooLarge) await copy.body?.cancel();
    const claimed = tooLarge ? { eventId: null, eventType: null } : await readClaim(copy);
    log.record({
      eventId: claimed.eventId,
      eventType: claimed.eventType,
      httpStatus: response.status,
      verified: VERIFIED_STATUSES.has(response.status),
      note: response.ok ? null : await errorCode(response.clone()),
    });
    return response;
  };
}

async function readClaim(
  request: Request,
): Promise<{ eventId: string | null; eventType: string | null }> {
  try {
    const body = (await request.json()) as { eventId?: unknown; eventType?: unknown };
    return {
      eventId:
        typeof body.eventId === 'string' || typeof body.eventId === 'number'
          ? String(body.eventId).slice(0, 200)
          : null,
      eventType: typeof body.eventType === 'string' ? body.eventType.slice(0, 200) : null,
    };
  } catch {
    return { eventId: null, eventType: null };
  }
}

async function errorCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === 'string' ? body.error.code : `HTTP ${response.status}`;
  } catch {
    return `HTTP ${response.status}`;
  }
}
