/** @module What a `--data` file holds: captured from every merchant, restored into them, saved soon after each change. */
import type { IdSequence } from '../domain/id-sequence.js';
import type { SandboxClock } from '../domain/sandbox-clock.js';
import type { SandboxLogger } from '../logger.js';
import type { SandboxContext } from '../sandbox-context.js';
import { writeDataFile } from './data-file.js';
import { DATA_FORMAT, DATA_VERSION, type MerchantData, type SandboxData } from './sandbox-data.js';
import { SandboxDataError } from './sandbox-data-error.js';

/**
 * Every merchant's records, events and deliveries, the clock offset and the counters, as a data
 * file holds them.
 *
 * @example
 * ```ts
 * const data = captureSandbox({ clock, ids, merchants: contexts });
 * ```
 */
export function captureSandbox({
  clock,
  ids,
  merchants,
}: {
  clock: SandboxClock;
  ids: IdSequence;
  merchants: readonly SandboxContext[];
}): SandboxData {
  return {
    format: DATA_FORMAT,
    version: DATA_VERSION,
    savedAt: new Date().toISOString(),
    clockOffsetMs: clock.offset,
    ids: ids.counters(),
    merchants: Object.fromEntries(merchants.map((ctx) => [ctx.merchantId, captureMerchant(ctx)])),
  };
}

function captureMerchant(ctx: SandboxContext): MerchantData {
  const { state } = ctx;
  return {
    payments: state.paymentOrder.toArray(),
    subscriptions: [...state.subscriptions.values()],
    bills: [...state.bills],
    refunds: [...state.refunds],
    events: ctx.webhooks.events(),
    deliveries: ctx.webhooks.deliveries(),
    webhookUrl: ctx.webhookUrl ?? null,
    buyerReturns: ctx.buyerReturns,
  };
}

/**
 * Puts a data file's state into the merchants it names (replacing their fixtures), and plans
 * again what it waits for: expiries, slow cards, bills and webhook retries. A merchant of the
 * file that this sandbox is not configured with is refused (its state would be lost on the next
 * save). The webhook URL of the options wins over the saved one.
 *
 * @example
 * ```ts
 * restoreSandbox(data, { file: 'state.json', merchants: contexts });
 * ```
 */
export function restoreSandbox(
  data: SandboxData,
  { file, merchants }: { file: string; merchants: readonly SandboxContext[] },
): void {
  const known = new Map(merchants.map((ctx) => [ctx.merchantId, ctx]));
  const unknown = Object.keys(data.merchants).filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new SandboxDataError(
      file,
      `holds merchant(s) ${unknown.map((id) => `"${id}"`).join(', ')} this sandbox is not configured with`,
      `Start it with those merchants too (--merchant id=${unknown[0]} or the merchants option), or point --data at another file`,
    );
  }
  for (const [id, part] of Object.entries(data.merchants)) {
    const ctx = known.get(id);
    if (ctx) restoreMerchant(ctx, part);
  }
}

function restoreMerchant(ctx: SandboxContext, part: MerchantData): void {
  ctx.clock.clear();
  ctx.ledger.clear();
  ctx.state.clear();
  ctx.webhooks.reset();
  for (const payment of part.payments) ctx.state.addPayment(payment, payment.sessionId !== null);
  for (const sub of part.subscriptions) ctx.state.subscriptions.set(sub.id, sub);
  for (const bill of part.bills) ctx.state.addBill(bill);
  ctx.state.refunds.push(...part.refunds);
  ctx.webhooks.restore(part.events, part.deliveries);
  ctx.ledger.resume();
  ctx.webhookUrl = ctx.options.webhookUrl ?? part.webhookUrl ?? undefined;
  ctx.buyerReturns = part.buyerReturns;
}

/** How long after a change the data file is written (changes in between are written together). */
const SAVE_DELAY_MS = 50;

/**
 * Writes the data file soon after each change: one write at a time, the latest state each time,
 * the file replaced whole (temp file, then rename). `flush()` writes what is left (on close).
 *
 * @example
 * ```ts
 * const saver = new DataSaver('state.json', () => captureSandbox(parts), logger);
 * saver.changed(); // written within 50 ms
 * await saver.flush();
 * ```
 */
export class DataSaver {
  readonly #file: string;
  readonly #capture: () => SandboxData;
  readonly #logger: SandboxLogger;
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();
  #dirty = false;
  #stopped = false;

  constructor(file: string, capture: () => SandboxData, logger: SandboxLogger) {
    this.#file = file;
    this.#capture = capture;
    this.#logger = logger;
  }

  /** Something changed: the file is written soon. */
  changed(): void {
    if (this.#stopped) return;
    this.#dirty = true;
    if (this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#write();
    }, SAVE_DELAY_MS);
    this.#timer.unref();
  }

  /** Writes what changed since the last write, and waits for it. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#write();
  }

  /** Writes what is left, then ignores every later change (the sandbox closes). */
  async stop(): Promise<void> {
    await this.flush();
    this.#stopped = true;
  }

  #write(): Promise<void> {
    this.#writing = this.#writing.then(async () => {
      if (!this.#dirty) return;
      this.#dirty = false;
      try {
        await writeDataFile(this.#file, this.#capture());
      } catch (error) {
        this.#dirty = true;
        this.#logger.error('cannot write the data file', {
          file: this.#file,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
    return this.#writing;
  }
}
