// `pnpm test:soak` (demo part): a storm of 10 000 signed webhook deliveries through the demo's
// merchant server over real HTTP — 30 % duplicates, random order, 5 % of handler runs failing
// (WPay's payment detail answers 503) and redelivered — after which every order must be
// fulfilled exactly once, as counted in the demo's SQLite database. Prints its figures.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { signWebhook } from '@wpay/sandbox';
import { type Demo, startDemo } from './start-demo.js';

const ORDERS = Number(process.env.SOAK_ORDERS ?? 1_000);
const DELIVERIES = Number(process.env.SOAK_DELIVERIES ?? 10_000);
const DUPLICATE_SHARE = 0.3;
const FAILURE_SHARE = 0.05;
const CONCURRENCY = 32;
const DETAIL = '/checkout/w-payment/payments/detail';

/** mulberry32: a seeded PRNG, so that a failing storm can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

describe('a webhook storm through the merchant server', { timeout: 15 * 60_000 }, () => {
  const seed = Number(process.env.SOAK_SEED ?? 9);
  const random = prng(seed);
  const dir = mkdtempSync(join(tmpdir(), 'demo-soak-'));
  let demo: Demo;
  let origin: string;

  before(async () => {
    demo = await startDemo({
      port: 0,
      dbPath: join(dir, 'soak.db'),
      build: false,
      sandbox: { timeScale: 1000, seed },
      // One read per handler run: a failed read fails the run (no quiet retry inside it).
      wpayOptions: { maxRetries: 0 },
    });
    origin = demo.loopbackUrl.slice(0, -1);
    // The storm below is the only way events reach the shop.
    demo.sandbox!.setWebhookUrl(undefined);
  });
  after(async () => {
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fulfils every order exactly once', async () => {
    const sb = demo.sandbox!;
    const prepStarted = Date.now();
    // The orders, made and paid as shoppers would (checkout over HTTP, the hosted page in-process).
    const trxNos: string[] = [];
    await pool(
      Array.from({ length: ORDERS }, (_, i) => i),
      16,
      async () => {
        const response = await fetch(`${origin}/api/checkout`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Origin: origin,
            'Idempotency-Key': crypto.randomUUID(),
          },
          body: JSON.stringify({ sku: 'mug' }),
        });
        assert.equal(response.status, 200);
        const { trxNo } = (await response.json()) as { trxNo: string };
        await sb.pay(trxNo);
        trxNos.push(trxNo);
      },
    );
    // Distinct events: each order's own `paid` event, plus more `paid` events with new ids
    // (WPay may send several), up to 70 % of the deliveries.
    const unique = Math.round(DELIVERIES * (1 - DUPLICATE_SHARE));
    const events = sb.events().filter((event) => event.eventType === 'credit_card.order.paid');
    assert.equal(events.length, ORDERS);
    while (events.length < unique) {
      const trxNo = trxNos[Math.floor(random() * trxNos.length)] as string;
      events.push(sb.trigger('credit_card.order.paid', { trxNo }));
    }
    // 30 % duplicates (the same bytes and eventId again), all in a random order.
    const queue = [...events];
    while (queue.length < DELIVERIES) queue.push(events[Math.floor(random() * events.length)]!);
    for (let i = queue.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [queue[i], queue[j]] = [queue[j]!, queue[i]!];
    }
    const prepSeconds = (Date.now() - prepStarted) / 1000;

    // 5 % of handler runs fail: WPay's payment detail answers 503, the handler throws, the shop
    // answers 500, and the event is delivered again later (as WPay retries).
    sb.faults.add({ kind: 'http-5xx', path: DETAIL, probability: FAILURE_SHARE });
    const answers = new Map<number, number>();
    let posts = 0;
    let redelivered = 0;
    const started = Date.now();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (cursor < queue.length) {
          const event = queue[cursor++]!;
          const timestamp = String(Date.now());
          const response = await fetch(`${origin}/api/webhooks/wpay`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              SIGNATURE: signWebhook(sb.credentials.signKey, timestamp, event.body),
              TIMESTAMP: timestamp,
            },
            body: event.body,
          });
          await response.arrayBuffer();
          posts += 1;
          answers.set(response.status, (answers.get(response.status) ?? 0) + 1);
          if (response.status === 500 || response.status === 409) {
            redelivered += 1;
            queue.push(event);
          } else {
            assert.equal(response.status, 200);
          }
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    sb.faults.clear();

    // Every order paid, and fulfilled exactly once, as the shop's database says.
    const counts = demo.db
      .prepare<[], { n: number; orders: number; most: number; least: number }>(
        `SELECT SUM(c) AS n, COUNT(*) AS orders, MAX(c) AS most, MIN(c) AS least
         FROM (SELECT COUNT(*) AS c FROM order_fulfilments GROUP BY mch_order_no)`,
      )
      .get()!;
    const paid = demo.db
      .prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM orders WHERE status = 'paid'")
      .get()!.n;
    const figures = {
      orders: ORDERS,
      deliveries: DELIVERIES,
      distinctEvents: events.length,
      duplicates: DELIVERIES - events.length,
      failuresRedelivered: answers.get(500) ?? 0,
      busyRedelivered: answers.get(409) ?? 0,
      posts,
      answers: Object.fromEntries(answers),
      fulfilled: counts.orders,
      fulfilmentRows: counts.n,
      paidOrders: paid,
      seconds: Number(seconds.toFixed(1)),
      deliveriesPerSecond: Math.round(posts / seconds),
      preparationSeconds: Number(prepSeconds.toFixed(1)),
      seed,
    };
    console.log(`demo webhook storm: ${JSON.stringify(figures)}`);
    console.log(
      `demo webhook storm: ${DELIVERIES} deliveries (${figures.duplicates} duplicates, ` +
        `${redelivered} redelivered after ${figures.failuresRedelivered} failed handler runs and ` +
        `${figures.busyRedelivered} busy answers), ${counts.orders}/${ORDERS} orders fulfilled ` +
        `exactly once, in ${figures.seconds} s (${figures.deliveriesPerSecond} deliveries/s)`,
    );
    assert.ok(figures.failuresRedelivered > 0, 'some handler runs failed and were redelivered');
    assert.equal(paid, ORDERS);
    assert.equal(counts.orders, ORDERS);
    assert.equal(counts.n, ORDERS);
    assert.equal(counts.most, 1);
    assert.equal(counts.least, 1);
  });
});
