import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { WPayRequestEvent } from '@wpay/server-helper';
import { eventually } from '../e2e/eventually.js';
import { type Demo, startDemo } from './start-demo.js';

const REFUND = '/checkout/w-payment/refund';
const DETAIL = '/checkout/w-payment/payments/detail';

// Money in doubt: the admin's refund when WPay refunds but its answer never arrives.
describe('when a refund is made from the admin page and its answer is lost', {
  timeout: 60_000,
}, () => {
  let demo: Demo;
  let origin: string;
  /** Runs before each call the demo sends to WPay (the test's hand on the wire). */
  let beforeCall: (event: WPayRequestEvent) => void = () => {};
  before(async () => {
    demo = await startDemo({
      port: 0,
      dbPath: ':memory:',
      build: false,
      sandbox: { timeScale: 1000 },
      wpayOptions: {
        timeoutMs: 2_000,
        maxRetries: 0,
        refunds: { readBackIntervalMs: 10 },
        onRequest: (event) => beforeCall(event),
      },
    });
    origin = demo.loopbackUrl.slice(0, -1);
  });
  after(() => demo?.close());
  afterEach(() => {
    demo.sandbox!.faults.clear();
    beforeCall = () => {};
  });

  /** A mug bought and paid through the sandbox: 12.50 USD. */
  async function paidMug() {
    const response = await fetch(`${origin}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify({ sku: 'mug' }),
    });
    const { trxNo } = (await response.json()) as { trxNo: string };
    await demo.sandbox!.pay(trxNo);
    return eventually('the order is paid', () => {
      const found = demo.stores.orders.findByTrxNo(trxNo);
      return found?.status === 'paid' && found;
    });
  }

  const refund = async (body: Record<string, unknown>) => {
    const response = await fetch(`${origin}/api/admin/refunds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        amount?: string;
        confirmedBy?: string;
        error?: { code: string; message: string };
      },
    };
  };
  const wpayRefunded = async (trxNo: string) =>
    (await demo.wpay.payments.retrieve({ trxNo })).refundedAmount;
  const refundCalls = () => demo.sandbox!.requests().filter((r) => r.path === REFUND).length;

  for (const fault of [
    { kind: 'http-5xx', status: 502 },
    { kind: 'timeout', holdMs: 20 },
  ] as const) {
    it(`answers refunded, after reading the payment back (${fault.kind})`, async () => {
      const order = await paidMug();
      demo.sandbox!.faults.add({ ...fault, path: REFUND, phase: 'after', times: 1 });
      const answer = await refund({ mchOrderNo: order.mchOrderNo, amount: '5.00' });
      assert.equal(answer.status, 200);
      assert.equal(answer.body.amount, '5.00');
      assert.equal(await wpayRefunded(order.trxNo!), 5);
      const books = demo.stores.orders.find(order.mchOrderNo);
      assert.equal(books?.refundedMinor, 500);
      assert.equal(books?.status, 'partially_refunded');
    });
  }

  it('records the intent before the call, and a second press does not refund twice', async () => {
    const order = await paidMug();
    const sentBefore = refundCalls();
    // The refund's answer is lost, and WPay cannot be read back either: the shop cannot tell.
    demo.sandbox!.faults.add({ kind: 'http-5xx', path: REFUND, phase: 'after', times: 1 });
    let seenIntent: unknown;
    beforeCall = (event) => {
      if (event.path !== REFUND) return;
      seenIntent = demo.stores.refundIntents.openFor(order.mchOrderNo);
      demo.sandbox!.faults.add({ kind: 'http-5xx', path: DETAIL });
    };
    const first = await refund({ mchOrderNo: order.mchOrderNo, amount: '5.00' });
    assert.equal(first.status, 503);
    assert.equal(first.body.error?.code, 'refund_in_doubt');
    assert.match(first.body.error?.message ?? '', /press Refund again/);
    assert.ok(seenIntent, 'the intent was recorded before the refund was sent');
    assert.equal(demo.stores.refundIntents.openFor(order.mchOrderNo)?.state, 'in_doubt');
    assert.equal(demo.stores.orders.find(order.mchOrderNo)?.refundedMinor, 0);

    // WPay answers again; the admin presses Refund again.
    demo.sandbox!.faults.clear();
    beforeCall = () => {};
    const second = await refund({ mchOrderNo: order.mchOrderNo, amount: '5.00' });
    assert.equal(second.status, 200);
    assert.equal(second.body.amount, '5.00');
    assert.equal(await wpayRefunded(order.trxNo!), 5);
    assert.equal(refundCalls() - sentBefore, 1);
    assert.equal(demo.stores.orders.find(order.mchOrderNo)?.refundedMinor, 500);
    assert.equal(demo.stores.refundIntents.openFor(order.mchOrderNo), undefined);
  });

  it('says nothing was refunded when the payment reads back unchanged', async () => {
    const order = await paidMug();
    demo.sandbox!.faults.add({ kind: 'http-5xx', path: REFUND, phase: 'before', times: 1 });
    const answer = await refund({ mchOrderNo: order.mchOrderNo, amount: '5.00' });
    assert.equal(answer.status, 502);
    assert.equal(answer.body.error?.code, 'refund_not_made');
    assert.equal(await wpayRefunded(order.trxNo!), 0);
    assert.equal(demo.stores.orders.find(order.mchOrderNo)?.refundedMinor, 0);
    assert.equal(demo.stores.refundIntents.openFor(order.mchOrderNo), undefined);
    const again = await refund({ mchOrderNo: order.mchOrderNo, amount: '5.00' });
    assert.equal(again.status, 200);
    assert.equal(await wpayRefunded(order.trxNo!), 5);
  });

  it('brings the books to WPay’s refunded total when they are behind', async () => {
    const order = await paidMug();
    // A refund made elsewhere (WPay's dashboard), its webhook not yet arrived: the books say 0.
    const sb = demo.sandbox!;
    sb.setWebhookUrl(undefined);
    await demo.wpay.refunds.create({ trxNo: order.trxNo!, amount: '2.00' });
    const answer = await refund({ mchOrderNo: order.mchOrderNo, amount: '5.00' });
    sb.setWebhookUrl(`${demo.loopbackUrl}api/webhooks/wpay`);
    assert.equal(answer.status, 409);
    assert.equal(answer.body.error?.code, 'books_out_of_date');
    assert.equal(demo.stores.orders.find(order.mchOrderNo)?.refundedMinor, 200);
    assert.equal(await wpayRefunded(order.trxNo!), 2);
  });

  it('follows a refund made elsewhere once its webhook arrives', async () => {
    const order = await paidMug();
    await demo.wpay.refunds.create({ trxNo: order.trxNo!, amount: '3.00' });
    await eventually(
      'the books show the refund',
      () => demo.stores.orders.find(order.mchOrderNo)?.refundedMinor === 300,
    );
  });
});
