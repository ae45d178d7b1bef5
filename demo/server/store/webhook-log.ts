import type { AdminDelivery } from '../../shared/admin-api.js';
import type { Db } from './open-database.js';

/** One POST to the webhook endpoint, whatever became of it: the admin page shows it as it is. */
export type WebhookDelivery = AdminDelivery;

interface DeliveryRow {
  id: number;
  received_at: string;
  event_id: string | null;
  event_type: string | null;
  http_status: number;
  verified: 0 | 1;
  note: string | null;
}

/**
 * A log of every webhook delivery received, for the admin page. It records only what the sender
 * claimed and what the shop answered; it never stores signatures or keys.
 *
 * @example
 * ```ts
 * const log = createWebhookLog(db);
 * log.record({ eventId: 'evt_1', eventType: 'credit_card.order.paid', httpStatus: 200, verified: true, note: null });
 * ```
 */
export function createWebhookLog(db: Db, { now = () => new Date() } = {}) {
  const insert = db.prepare(
    `INSERT INTO webhook_deliveries (received_at, event_id, event_type, http_status, verified, note)
     VALUES (@receivedAt, @eventId, @eventType, @httpStatus, @verified, @note)`,
  );
  const recent = db.prepare<[number], DeliveryRow>(
    'SELECT * FROM webhook_deliveries ORDER BY id DESC LIMIT ?',
  );
  return {
    record(delivery: Omit<WebhookDelivery, 'id' | 'receivedAt'>): void {
      insert.run({
        ...delivery,
        verified: delivery.verified ? 1 : 0,
        receivedAt: now().toISOString(),
      });
    },
    /** The newest deliveries first. */
    recent(limit = 100): WebhookDelivery[] {
      return recent.all(limit).map((row) => ({
        id: row.id,
        receivedAt: row.received_at,
        eventId: row.event_id,
        eventType: row.event_type,
        httpStatus: row.http_status,
        verified: row.verified === 1,
        note: row.note,
      }));
    },
  };
}

/** The log returned by {@link createWebhookLog}. */
export type WebhookLog = ReturnType<typeof createWebhookLog>;
