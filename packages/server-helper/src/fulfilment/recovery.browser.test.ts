// Recovering an expired checkout: the expired transition sends a link, a buyer follows it in
// Chromium with JavaScript off, pays on the sandbox's hosted page, and the old order is paid.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { chromiumLaunchOptions } from '@wpay/sandbox/testing';
import { type Browser, chromium } from 'playwright-core';
import { closeAll, recordingShop, serve } from '../test/fulfilment-shop.js';
import { WPay } from '../wpay.js';
import type { Fulfilment } from './create-fulfilment.js';
import type { Recovery } from './recovery.js';

const SECRET = 'recovery-secret-for-tests-0123456789abcdef';
const servers: Server[] = [];
let sb: Sandbox;
let wpay: WPay;
let browser: Browser;
let shopUrl: string;
let recovery: Recovery;
let fulfilment: Fulfilment;
const shop = recordingShop();
/** The shop's orders: which new order recovered which old one, and which are paid. */
const recoveredFrom = new Map<string, string>();
const paidOrders = new Set<string>();
const links: string[] = [];
let attempt = 0;

before(async () => {
  sb = await startSandbox({ port: 0, timeScale: 1000, seed: 21, sessionTtlSeconds: 60 });
  wpay = new WPay({ ...sb.credentials, baseUrl: sb.url });
  let route: (request: Request) => Promise<Response> = async () =>
    new Response('not yet', { status: 503 });
  shopUrl = await serve((request) => route(request), servers);
  recovery = wpay.recovery({ secret: SECRET, publicUrl: shopUrl, path: '/recover' });
  fulfilment = wpay.fulfilment({
    on: {
      ...shop.on,
      expired: async (t) => {
        shop.on.expired?.(t);
        links.push(
          await recovery.link({ mchOrderNo: t.mchOrderNo, trxNo: t.trxNo }, { ttlMs: 3600_000 }),
        );
      },
      paid: (t) => {
        shop.on.paid?.(t);
        paidOrders.add(recoveredFrom.get(t.mchOrderNo) ?? t.mchOrderNo);
      },
    },
  });
  const recover = recovery.handler({
    resolveOrder: ({ mchOrderNo }) => ({
      mchOrderNo: `${mchOrderNo}_r${++attempt}`,
      amount: '20.00',
      currency: 'USD',
    }),
    successUrl: '/thanks',
    cancelUrl: '/cart',
    isPaid: ({ mchOrderNo }) => paidOrders.has(mchOrderNo),
    onRecovered: ({ previous, order }) => {
      recoveredFrom.set(order.mchOrderNo, previous.mchOrderNo);
    },
  });
  route = async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/recover') return recover(request);
    return new Response(`<!doctype html><title>${pathname}</title><h1>${pathname}</h1>`, {
      headers: { 'content-type': 'text/html' },
    });
  };
  browser = await chromium.launch(chromiumLaunchOptions());
});

after(async () => {
  await browser?.close();
  await sb?.close();
  await closeAll(servers);
});

describe('when a checkout expires and the buyer follows the recovery link', () => {
  it('pays the order again through a new session, once; the link then refuses every reuse', async () => {
    const old = await wpay.checkout.create({
      mchOrderNo: `order_${process.pid}_old`,
      amount: '20.00',
      currency: 'USD',
      payMode: 'ONETIME',
      successUrl: `${shopUrl}/thanks`,
      cancelUrl: `${shopUrl}/cart`,
    });
    await sb.clock.advanceBy({ ms: 2 * 60_000 });
    assert.equal(sb.state.payment(old.trxNo)?.status, 'EXPIRED');
    await fulfilment.reconcile({ pending: () => [{ trxNo: old.trxNo }] });
    assert.deepEqual(
      shop.effects.map((t) => t.type),
      ['expired'],
    );
    const link = links[0] ?? '';
    assert.ok(link.startsWith(`${shopUrl}/recover?`));

    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(link);
    assert.equal(new URL(page.url()).origin, new URL(sb.url).origin, 'on the hosted page');
    await Promise.all([page.waitForURL(`${shopUrl}/thanks**`), page.click('button.pay')]);
    const newTrxNo = new URL(page.url()).searchParams.get('trxNo') ?? '';
    assert.equal(sb.state.payment(newTrxNo)?.status, 'PAID');
    const newOrderNo = String(sb.state.payment(newTrxNo)?.mchOrderNo);
    assert.equal(recoveredFrom.get(newOrderNo), old.mchOrderNo);
    await fulfilment.payment(newTrxNo, { source: 'return' });
    assert.ok(paidOrders.has(old.mchOrderNo), 'the recovered order is paid');

    assert.equal((await page.goto(link))?.status(), 410, 'a second use');
    const sig = new URL(link).searchParams.get('sig') ?? '';
    const tampered = new URL(link);
    tampered.searchParams.set('order', `${old.mchOrderNo}x`);
    assert.equal((await page.goto(tampered.href))?.status(), 403, 'another order');
    tampered.searchParams.set('order', old.mchOrderNo);
    tampered.searchParams.set('sig', `${sig.slice(0, -2)}${sig.endsWith('AA') ? 'AB' : 'AA'}`);
    assert.equal((await page.goto(tampered.href))?.status(), 403, 'another signature');
    const fresh = await recovery.link({ mchOrderNo: old.mchOrderNo, trxNo: old.trxNo });
    assert.equal((await page.goto(fresh))?.status(), 409, 'already paid (the shop knows)');
    const ofPaid = await recovery.link({ mchOrderNo: newOrderNo, trxNo: newTrxNo });
    assert.equal((await page.goto(ofPaid))?.status(), 409, 'already paid (WPay says so)');
    await context.close();
    assert.equal(shop.ofType('paid').length, 1);
  });

  it('refuses an expired link with 410, and a POST with 405', async () => {
    const expiring = wpay.recovery({
      secret: SECRET,
      publicUrl: shopUrl,
      path: '/recover',
      now: () => Date.now() - 7200_000,
    });
    const link = await expiring.link({ mchOrderNo: 'order_gone' }, { ttlMs: 3600_000 });
    const handler = recovery.handler({
      resolveOrder: () => assert.fail('not priced'),
      successUrl: '/t',
      cancelUrl: '/c',
    });
    assert.equal((await handler(new Request(link))).status, 410);
    assert.equal((await handler(new Request(link, { method: 'POST' }))).status, 405);
  });

  it('refuses to start without its own secret, or with a public URL that is not one', () => {
    assert.throws(() => wpay.recovery({ secret: 'short', publicUrl: shopUrl }), {
      name: 'WPayConfigError',
      field: 'secret',
    });
    assert.throws(() => wpay.recovery({ secret: SECRET, publicUrl: 'shop.example' }), {
      name: 'WPayConfigError',
      field: 'publicUrl',
    });
  });
});
