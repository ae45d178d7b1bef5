import type { AdminDelivery } from '../../shared/admin-api.js';
import type { Db } from './open-database.js';

/** One POST to the webhook endpoint, whatever became of it: the admin page shows it as it is. */
export type WebhookDelivery = AdminDelivery;

/** A delivery refused before its signature checked out: only when it came and why. */
export interface WebhookRefusal {
  readonly httpStatus: number;
  /** The error code the shop answered with (`bad_signature`, `payload_too_large`…). */
  readonly note: string;
}

interface DeliveryRow {
  id: number;
  received_at: string;
  event_id: string | null;
  event_type: string | null;
  http_status: number;
  verified: 0 | 1;
  note: string | null;
}

/** Options of {@link createWebhookLog}. */
export interface WebhookLogOptions {
  readonly now?: () => Date;
  /** Verified deliveries kept in the database; older ones are deleted. Default 1000. */
  readonly keepVerified?: number;
  /** Refused deliveries remembered (in memory only) for the admin page. Default 20. */
  readonly keepRefused?: number;
}

/**
 * A log of the webhook deliveries received, for the admin page. Verified deliveries (signed by
 * WPay) are stored, the newest `keepVerified`; a delivery refused before its signature checked
 * out is never written to the database (anyone can post those, as many as they like): it is
 * counted, and the last `keepRefused` are kept in memory with their reason only. It never stores
 * signatures or keys.
 *
 * @example
 * ```ts
 * const log = createWebhookLog(db);
 * log.record({ eventId: 'evt_1', eventType: 'credit_card.order.paid', httpStatus: 200, note: null });
 * log.refuse({ httpStatus: 401, note: 'bad_signature' });
 * ```
 */
export function createWebhookLog(
  db: Db,
  { now = () => new Date(), keepVerified = 1000, keepRefused = 20 }: WebhookLogOptions = {},
) {
  const insert = db.prepare(
    `INSERT INTO webhook_deliveries (received_at, event_id, event_type, http_status, verified, note)
     VALUES (@receivedAt, @eventId, @eventType, @httpStatus, 1, @note)`,
  );
  const prune = db.prepare('DELETE FROM webhook_deliveries WHERE id <= ?');
  const recent = db.prepare<[number], DeliveryRow>(
    'SELECT * FROM webhook_deliveries ORDER BY id DESC LIMIT ?',
  );
  const refused: WebhookDelivery[] = [];
  const refusedByNote = new Map<string, number>();
  let refusedTotal = 0;

  return {
    /** Stores a verified delivery (and forgets the oldest beyond `keepVerified`). */
    record(delivery: Omit<WebhookDelivery, 'id' | 'receivedAt' | 'verified'>): void {
      const { lastInsertRowid } = insert.run({ ...delivery, receivedAt: now().toISOString() });
      prune.run(Number(lastInsertRowid) - keepVerified);
    },
    /** Counts a refused delivery and remembers it among the last `keepRefused`, in memory. */
    refuse(refusal: WebhookRefusal): void {
      refusedTotal += 1;
      const note = refusal.note.slice(0, 40);
      if (refusedByNote.has(note) || refusedByNote.size < 20) {
        refusedByNote.set(note, (refusedByNote.get(note) ?? 0) + 1);
      }
      refused.unshift({
        id: -refusedTotal,
        receivedAt: now().toISOString(),
        eventId: null,
        eventType: null,
        httpStatus: refusal.httpStatus,
        verified: false,
        note,
      });
      refused.length = Math.min(refused.length, keepRefused);
    },
    /** How many deliveries were refused since the start, in all and per reason. */
    refusals(): { total: number; byNote: Record<string, number> } {
      return { total: refusedTotal, byNote: Object.fromEntries(refusedByNote) };
    },
    /** The newest deliveries first, verified and refused together. */
    recent(limit = 100): WebhookDelivery[] {
      const stored = recent.all(limit).map(
        (row): WebhookDelivery => ({
          id: row.id,
          receivedAt: row.received_at,
          eventId: row.event_id,
          eventType: row.event_type,
          httpStatus: row.http_status,
          verified: row.verified === 1,
          note: row.note,
        }),
      );
      return [...stored, ...refused]
        .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
        .slice(0, limit);
    },
  };
}

/** The log returned by {@link createWebhookLog}. */
export type WebhookLog = ReturnType<typeof createWebhookLog>;
