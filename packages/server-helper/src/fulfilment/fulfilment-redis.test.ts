// Four shop instances sharing one real redis-server: each sweeps while webhooks (duplicated,
// some dropped) reach them behind a round-robin balancer. One side effect per transition.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { Redis } from 'ioredis';
import { RedisClaimStore } from '../stores/redis-claim-store.js';
import { RedisTokenStore } from '../stores/redis-token-store.js';
import { closeAll, mapConcurrent, recordingShop, serve } from '../test/fulfilment-shop.js';
import { startRedis, type TestRedis } from '../test/redis-server.js';
import { WPay } from '../wpay.js';
import type { Fulfilment } from './create-fulfilment.js';

const INSTANCES = 4;
const ORDERS = 24;
const servers: Server[] = [];
const clients: Redis[] = [];
let redis: TestRedis;
let sb: Sandbox;

before(async () => {
  redis = await startRedis();
  sb = await startSandbox({
    port: 0,
    timeScale: 1000,
    seed: 9,
    faults: [
      { kind: 'webhook-duplicate', path: '*', probability: 0.5 },
      { kind: 'webhook-drop', path: '*', probability: 0.3 },
    ],
  });
});

after(async () => {
  await sb?.close();
  await closeAll(servers);
  await Promise.all(clients.map((c) => c.quit()));
  await redis?.stop();
});

function instance(shop: ReturnType<typeof recordingShop>): {
  wpay: WPay;
  fulfilment: Fulfilment;
  webhook: (r: Request) => Promise<Response>;
} {
  const client = new Redis(redis.url);
  clients.push(client);
  const wpay = new WPay({
    ...sb.credentials,
    baseUrl: sb.url,
    tokenStore: new RedisTokenStore(client),
  });
  const fulfilment = wpay.fulfilment({
    on: shop.on,
    store: new RedisClaimStore(client, { prefix: 'shop:fulfilment:' }),
    pollIntervalMs: 10,
  });
  const webhook = wpay.webhookHandler({ dedupe: new RedisClaimStore(client), fulfilment });
  return { wpay, fulfilment, webhook };
}

describe('when four instances on one Redis sweep while webhooks arrive', () => {
  it('runs one side effect per transition', async () => {
    const shop = recordingShop();
    const shops = Array.from({ length: INSTANCES }, () => instance(shop));
    await shops[0]?.wpay.warmUp();
    let next = 0;
    const balancer = await serve(
      (request) => (shops[next++ % INSTANCES] as (typeof shops)[number]).webhook(request),
      servers,
    );
    sb.setWebhookUrl(`${balancer}/webhooks/wpay`);

    const orders = await mapConcurrent(Array.from({ length: ORDERS }), 8, async (_, i) => {
      const { wpay } = shops[i % INSTANCES] as (typeof shops)[number];
      const mchOrderNo = `order_${process.pid}_${i}`;
      const session = await wpay.checkout.create({
        mchOrderNo,
        amount: '10.00',
        currency: 'USD',
        payMode: 'ONETIME',
        successUrl: 'https://shop.example/thanks',
        cancelUrl: 'https://shop.example/cart',
      });
      return { mchOrderNo, trxNo: session.trxNo };
    });
    const pending = () =>
      orders.map((o, i) => (i % 2 ? { trxNo: o.trxNo } : { mchOrderNo: o.mchOrderNo }));
    const sweeps = () =>
      Promise.all(shops.map(({ fulfilment }) => fulfilment.reconcile({ pending, concurrency: 4 })));

    const paying = mapConcurrent(orders, 8, (o) => sb.pay(o.trxNo));
    const during = await Promise.all([sweeps(), sweeps().then(sweeps), paying]);
    await sb.idle();
    const refunding = mapConcurrent(orders, 8, (o, i) =>
      (shops[i % INSTANCES] as (typeof shops)[number]).wpay.refunds.create({
        trxNo: o.trxNo,
        amount: '10.00',
        currency: 'USD',
      }),
    );
    await Promise.all([sweeps(), refunding.then(sweeps)]);
    await sb.idle();
    const last = await sweeps();

    assert.ok(during.flat().length > 0);
    assert.equal(shop.ofType('paid').length, ORDERS);
    assert.equal(shop.ofType('refunded').length, ORDERS);
    const counts = shop.counts();
    assert.equal(counts.size, 2 * ORDERS);
    assert.ok(
      [...counts.values()].every((n) => n === 1),
      'each transition once',
    );
    assert.deepEqual(
      new Set(shop.effects.map((t) => t.source)).size > 1,
      true,
      'webhooks and sweeps both ran some',
    );
    assert.ok(last.every((report) => report.reconciled === 0 && report.errors.length === 0));
    for (const order of orders) {
      const mine = shop.effects
        .filter((t) => 'trxNo' in t && t.trxNo === order.trxNo)
        .map((t) => t.type);
      assert.deepEqual(mine, ['paid', 'refunded']);
    }
  });
});
