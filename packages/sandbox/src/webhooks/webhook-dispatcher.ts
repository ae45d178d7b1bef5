/** @module Delivers signed webhook events on WPay's retry schedule. */
import { randomUUID } from 'node:crypto';
import { signWebhook } from '../api/signature.js';
import type { SchedulingClock } from '../domain/clock-scope.js';
import { formatWpayTime } from '../domain/time-format.js';
import { type FaultInjector, firstOf } from '../faults/fault-injector.js';
import type { FaultKind } from '../faults/fault-rule.js';
import type { SandboxLogger } from '../logger.js';
import { postOnce } from './post-once.js';

/**
 * An event as sent: its envelope serialized once, so every attempt sends the same bytes.
 *
 * @example
 * ```ts
 * JSON.parse(sb.events()[0].body).eventType; // 'credit_card.order.paid'
 * ```
 */
export interface WebhookEvent {
  eventId: string;
  eventType: string;
  createTime: string;
  /** The exact JSON body sent. */
  body: string;
}

/**
 * One try to deliver an event.
 *
 * @example
 * ```ts
 * sb.deliveries()[0].attempts.map((a: DeliveryAttempt) => a.status); // [500, 200]
 * ```
 */
export interface DeliveryAttempt {
  attempt: number;
  /** ISO time (real clock) the attempt started. */
  at: string;
  /** Planned wait before this attempt, in ms (0 for the first; scaled retry delays after). */
  delayMs: number;
  /** HTTP status, `null` when there was no answer. */
  status: number | null;
  durationMs: number;
  /** Start of the receiver's answer. */
  bodyExcerpt: string;
  error: string | null;
  /** Set on a 2xx whose body is not `SUCCESS`. */
  warning: string | null;
}

/**
 * Where a delivery stands.
 *
 * @example
 * ```ts
 * sb.deliveries().filter((d) => d.state === ('failed' satisfies DeliveryState));
 * ```
 */
export type DeliveryState = 'pending' | 'delivered' | 'failed' | 'dropped' | 'no_url' | 'closed';

/**
 * The delivery of one event to the webhook URL, with every attempt.
 *
 * @example
 * ```ts
 * const [delivery]: Delivery[] = sb.deliveries(); // delivery.state === 'delivered'
 * ```
 */
export interface Delivery {
  deliveryId: number;
  eventId: string;
  eventType: string;
  url: string | null;
  state: DeliveryState;
  attempts: DeliveryAttempt[];
  /** Sandbox time (epoch ms) of the next attempt, `null` when none is planned. */
  nextAttemptAt: number | null;
  /** A re-delivery asked for by the control API or `redeliver`. */
  redelivery: boolean;
  /** Webhook faults applied to this delivery. */
  faults: FaultKind[];
}

/** What the dispatcher needs. */
export interface WebhookDispatcherOptions {
  clock: SchedulingClock;
  faults: FaultInjector;
  logger: SandboxLogger;
  signKey: string;
  signatureHeader: string;
  timestampHeader: string;
  /** Delays before each retry, in ms, already divided by `timeScale`. */
  retryDelaysMs: readonly number[];
  /** Receiver deadline in ms. */
  timeoutMs: number;
  /** Hold-back of a webhook-reorder fault without `delayMs`, in ms. */
  reorderDelayMs: number;
  ackBody: string;
  bodyExcerptChars: number;
  timeZoneOffsetMinutes: number;
  /** Events kept (with their deliveries); beyond it the oldest are forgotten (default: all). */
  maxEvents?: number;
  /** Where to send (set per API key in WPay: an option and a control API here). */
  url: () => string | undefined;
  /** Called after every attempt. */
  onAttempt?: (delivery: Delivery, attempt: DeliveryAttempt) => void;
}

/**
 * Sends signed webhooks with WPay's retry schedule (scaled), records every attempt, re-delivers
 * on demand and applies webhook faults (duplicates, reordering, drops).
 *
 * @example
 * ```ts
 * const event = dispatcher.emit('credit_card.order.paid', payment);
 * await dispatcher.idle();
 * dispatcher.deliveries().at(-1)?.state; // 'delivered'
 * ```
 */
export class WebhookDispatcher {
  readonly #options: WebhookDispatcherOptions;
  readonly #events = new Map<string, WebhookEvent>();
  readonly #deliveries: Delivery[] = [];
  readonly #inFlight = new Set<Promise<void>>();
  readonly #controller = new AbortController();
  readonly #plannedDelay = new WeakMap<Delivery, number>();
  #waiters: Array<{ retries: boolean; resolve: () => void }> = [];
  #nextDeliveryId = 1;
  #closed = false;

  constructor(options: WebhookDispatcherOptions) {
    this.#options = options;
  }

  /** Creates an event and delivers it. */
  emit(eventType: string, data: unknown): WebhookEvent {
    const eventId = `evt_${randomUUID().replaceAll('-', '')}`;
    const createTime = formatWpayTime(
      this.#options.clock.now(),
      this.#options.timeZoneOffsetMinutes,
      'T',
    );
    const body = JSON.stringify({ eventId, eventType, createTime, data });
    const event: WebhookEvent = { eventId, eventType, createTime, body };
    this.#events.set(eventId, event);
    this.#options.logger.debug?.('webhook event', { eventId, eventType });
    this.#start(event, false);
    this.#forgetBeyond(this.#options.maxEvents ?? Number.POSITIVE_INFINITY);
    return event;
  }

  /** Every event, oldest first. */
  events(): WebhookEvent[] {
    return [...this.#events.values()];
  }

  /** One event by id. */
  event(eventId: string): WebhookEvent | undefined {
    return this.#events.get(eventId);
  }

  /** Delivers an existing event again (a new delivery with its own retries). */
  redeliver(eventId: string): Delivery | undefined {
    const event = this.#events.get(eventId);
    return event ? this.#start(event, true) : undefined;
  }

  /** Every delivery with its attempts, oldest first (copies). */
  deliveries(): Delivery[] {
    return this.#deliveries.map((d) => ({
      ...d,
      attempts: [...d.attempts],
      faults: [...d.faults],
    }));
  }

  /**
   * Resolves when no attempt is running and, with `retries` (default), no delivery waits for a
   * retry either. With a receiver that keeps failing and a small `timeScale`, pass
   * `{ retries: false }`.
   */
  idle({ retries = true }: { retries?: boolean } = {}): Promise<void> {
    if (this.#isIdle(retries)) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ retries, resolve }));
  }

  /**
   * Forgets every event and delivery (`sb.reset()`): planned retries never run, an attempt in
   * flight ends without a retry, and the dispatcher goes on for new events.
   */
  reset(): void {
    for (const delivery of this.#deliveries) {
      if (delivery.state === 'pending') {
        delivery.state = 'closed';
        delivery.nextAttemptAt = null;
      }
    }
    this.#events.clear();
    this.#deliveries.length = 0;
    this.#wake();
  }

  /**
   * Takes back events and deliveries saved before a restart (a `--data` file) and plans the
   * pending deliveries' next attempts again (at once when their time has passed).
   */
  restore(events: readonly WebhookEvent[], deliveries: readonly Delivery[]): void {
    for (const event of events) this.#events.set(event.eventId, event);
    for (const saved of deliveries) {
      const delivery: Delivery = {
        ...saved,
        attempts: [...saved.attempts],
        faults: [...saved.faults],
      };
      this.#deliveries.push(delivery);
      this.#nextDeliveryId = Math.max(this.#nextDeliveryId, delivery.deliveryId + 1);
      const event = this.#events.get(delivery.eventId);
      if (delivery.state !== 'pending' || !event) continue;
      const delayMs =
        delivery.attempts.length === 0
          ? 0
          : (this.#options.retryDelaysMs[delivery.attempts.length - 1] ?? 0);
      // One reading of the clock: it moves with real time, and a second reading a millisecond
      // later would shift the restored schedule.
      const now = this.#options.clock.now();
      const dueAt = Math.max(delivery.nextAttemptAt ?? now, now);
      this.#plan(delivery, event, dueAt - now, dueAt);
      this.#plannedDelay.set(delivery, delayMs);
    }
  }

  /** Stops every attempt and planned retry. */
  close(): void {
    this.#closed = true;
    this.#controller.abort();
    for (const d of this.#deliveries) {
      if (d.state === 'pending') {
        d.state = 'closed';
        d.nextAttemptAt = null;
      }
    }
    this.#wake();
  }

  #start(event: WebhookEvent, redelivery: boolean): Delivery {
    const fired = redelivery ? [] : this.#options.faults.pick(event.eventType, 'webhook');
    const delivery = this.#newDelivery(
      event,
      redelivery,
      fired.map((f) => f.kind),
    );
    if (delivery.state !== 'pending') return delivery;
    if (firstOf(fired, ['webhook-drop'])) {
      delivery.state = 'dropped';
      this.#options.logger.info?.('webhook dropped by a fault', { eventId: event.eventId });
      return delivery;
    }
    const reorder = firstOf(fired, ['webhook-reorder']);
    this.#plan(delivery, event, reorder ? (reorder.delayMs ?? this.#options.reorderDelayMs) : 0);
    if (firstOf(fired, ['webhook-duplicate'])) {
      const twin = this.#newDelivery(event, false, ['webhook-duplicate']);
      if (twin.state === 'pending') this.#plan(twin, event, 0);
    }
    return delivery;
  }

  #newDelivery(event: WebhookEvent, redelivery: boolean, faults: FaultKind[]): Delivery {
    const url = this.#options.url() ?? null;
    const delivery: Delivery = {
      deliveryId: this.#nextDeliveryId++,
      eventId: event.eventId,
      eventType: event.eventType,
      url,
      state: this.#closed ? 'closed' : url ? 'pending' : 'no_url',
      attempts: [],
      nextAttemptAt: null,
      redelivery,
      faults,
    };
    this.#deliveries.push(delivery);
    return delivery;
  }

  #plan(
    delivery: Delivery,
    event: WebhookEvent,
    delayMs: number,
    dueAt = this.#options.clock.now() + delayMs,
  ): void {
    delivery.nextAttemptAt = dueAt;
    this.#plannedDelay.set(delivery, delayMs);
    this.#options.clock.at(dueAt, () => {
      if (this.#closed || delivery.state !== 'pending') return;
      delivery.nextAttemptAt = null;
      const running = this.#attempt(delivery, event);
      this.#inFlight.add(running);
      void running.finally(() => {
        this.#inFlight.delete(running);
        this.#wake();
      });
    });
  }

  async #attempt(delivery: Delivery, event: WebhookEvent): Promise<void> {
    const { signKey, signatureHeader, timestampHeader, timeoutMs, ackBody } = this.#options;
    delivery.url = this.#options.url() ?? delivery.url;
    const timestamp = String(Date.now());
    const started = performance.now();
    const attempt: DeliveryAttempt = {
      attempt: delivery.attempts.length + 1,
      at: new Date().toISOString(),
      delayMs: this.#plannedDelay.get(delivery) ?? 0,
      status: null,
      durationMs: 0,
      bodyExcerpt: '',
      error: null,
      warning: null,
    };
    try {
      const answer = await postOnce(
        delivery.url ?? '',
        event.body,
        {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'wpay-sandbox',
          [signatureHeader]: signWebhook(signKey, timestamp, event.body),
          [timestampHeader]: timestamp,
        },
        timeoutMs,
        this.#controller.signal,
      );
      attempt.status = answer.status;
      attempt.bodyExcerpt = answer.body.slice(0, this.#options.bodyExcerptChars);
      if (answer.status >= 200 && answer.status < 300 && answer.body.trim() !== ackBody) {
        attempt.warning = `acknowledged without the body ${ackBody}`;
      }
    } catch (error) {
      attempt.error = error instanceof Error ? error.message : String(error);
    }
    attempt.durationMs = Math.round(performance.now() - started);
    delivery.attempts.push(attempt);
    this.#settle(delivery, event, attempt);
    this.#options.onAttempt?.(delivery, attempt);
  }

  #settle(delivery: Delivery, event: WebhookEvent, attempt: DeliveryAttempt): void {
    if (delivery.state === 'closed') return;
    if (this.#closed) {
      delivery.state = 'closed';
      return;
    }
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    if (ok) {
      delivery.state = 'delivered';
      return;
    }
    const delay = this.#options.retryDelaysMs[delivery.attempts.length - 1];
    if (delay === undefined) {
      delivery.state = 'failed';
      this.#options.logger.warn('webhook gave up', {
        eventId: event.eventId,
        attempts: delivery.attempts.length,
      });
      return;
    }
    this.#plan(delivery, event, delay);
  }

  /**
   * Forgets the oldest events beyond `maxEvents`, and the leading deliveries of forgotten events
   * that are no longer pending (a delivery still retrying goes on, and is dropped once it ends).
   */
  #forgetBeyond(maxEvents: number): void {
    if (this.#events.size <= maxEvents) return;
    for (const eventId of this.#events.keys()) {
      if (this.#events.size <= maxEvents) break;
      this.#events.delete(eventId);
    }
    let kept = 0;
    while (kept < this.#deliveries.length) {
      const delivery = this.#deliveries[kept];
      if (!delivery || this.#events.has(delivery.eventId)) break;
      if (delivery.state === 'pending') break;
      kept += 1;
    }
    if (kept > 0) this.#deliveries.splice(0, kept);
  }

  #isIdle(retries: boolean): boolean {
    if (this.#inFlight.size > 0) return false;
    return !this.#deliveries.some(
      (d) => d.state === 'pending' && (retries || d.attempts.length === 0),
    );
  }

  #wake(): void {
    const waiting = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiting) {
      if (this.#closed || this.#isIdle(waiter.retries)) waiter.resolve();
      else this.#waiters.push(waiter);
    }
  }
}
