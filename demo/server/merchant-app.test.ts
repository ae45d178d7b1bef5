import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../e2e/eventually.js';
import { type Demo, startDemo } from './start-demo.js';

// The merchant server over HTTP, with the embedded sandbox and no browser.
describe('the merchant server', { timeout: 60_000 }, () => {
  let demo: Demo;
  let origin: string;
  before(async () => {
    demo = await startDemo({
      port: 0,
      dbPath: ':memory:',
      build: false,
      sandbox: { timeScale: 1000 },
    });
    origin = demo.loopbackUrl.slice(0, -1);
  });
  after(() => demo?.close());

  const checkout = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${origin}/api/checkout`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin, ...headers },
      body: JSON.stringify(body),
    });

  describe('when the browser asks for a checkout', () => {
    it('prices the sku on the server and ignores any price the browser sends', async () => {
      const response = await checkout({ sku: 'mug', amount: '0.01', currency: 'JPY' });
      assert.equal(response.status, 200);
      const { trxNo } = (await response.json()) as { trxNo: string };
      const order = demo.stores.orders.findByTrxNo(trxNo);
      assert.equal(order?.amountMinor, 1250);
      assert.equal(order?.status, 'pending');
      const payment = await demo.wpay.payments.retrieve({ trxNo });
      assert.equal(payment.amount, 12.5);
      assert.equal(payment.currency, 'USD');
    });

    it('refuses a sku the shop does not sell', async () => {
      const response = await checkout({ sku: 'yacht' });
      assert.equal(response.status, 422);
      const body = (await response.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'unknown_sku');
    });

    it('refuses a request from another site', async () => {
      const response = await checkout({ sku: 'mug' }, { Origin: 'https://evil.example' });
      assert.equal(response.status, 403);
    });

    it('gives the same session to a retry with the same Idempotency-Key', async () => {
      const key = crypto.randomUUID();
      const first = (await (await checkout({ sku: 'tee' }, { 'Idempotency-Key': key })).json()) as {
        trxNo: string;
      };
      const second = (await (
        await checkout({ sku: 'tee' }, { 'Idempotency-Key': key })
      ).json()) as {
        trxNo: string;
      };
      assert.equal(second.trxNo, first.trxNo);
      assert.equal(demo.stores.orders.list().filter((o) => o.idempotencyKey === key).length, 1);
    });
  });

  describe('when WPay sends a webhook', () => {
    it('marks the order paid once the payment is paid', async () => {
      const response = await checkout({ sku: 'stickers' });
      const { trxNo } = (await response.json()) as { trxNo: string };
      await demo.sandbox!.pay(trxNo);
      await eventually(
        'the order is paid',
        () => demo.stores.orders.findByTrxNo(trxNo)?.status === 'paid',
      );
    });

    it('refuses a webhook signed with another key, and logs it as rejected', async () => {
      const body = JSON.stringify({
        eventId: 'evt_forged',
        eventType: 'credit_card.order.paid',
        data: { trxNo: 'TRX1' },
      });
      const response = await fetch(`${origin}/api/webhooks/wpay`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          SIGNATURE: Buffer.from('not a signature').toString('base64'),
          TIMESTAMP: String(Date.now()),
        },
        body,
      });
      assert.equal(response.status, 401);
      const logged = demo.stores.webhookLog.recent().find((d) => d.eventId === 'evt_forged');
      assert.equal(logged?.verified, false);
      assert.equal(logged?.httpStatus, 401);
    });
  });

  describe('the admin API', () => {
    it('refuses a write that is not JSON (a cross-site form)', async () => {
      const response = await fetch(`${origin}/api/admin/refunds`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'mchOrderNo=x',
      });
      assert.equal(response.status, 415);
    });

    it('refuses a JSON write from another origin', async () => {
      const response = await fetch(`${origin}/api/admin/refunds`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
        body: JSON.stringify({ mchOrderNo: 'x' }),
      });
      assert.equal(response.status, 403);
    });

    it('refuses to refund more than was paid', async () => {
      const { trxNo } = (await (await checkout({ sku: 'mug' })).json()) as { trxNo: string };
      await demo.sandbox!.pay(trxNo);
      const order = await eventually('the order is paid', () => {
        const found = demo.stores.orders.findByTrxNo(trxNo);
        return found?.status === 'paid' && found;
      });
      const response = await fetch(`${origin}/api/admin/refunds`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ mchOrderNo: order.mchOrderNo, amount: '12.51' }),
      });
      assert.equal(response.status, 422);
      assert.equal(demo.stores.orders.find(order.mchOrderNo)?.refundedMinor, 0);
    });
  });
});
