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

    it('refuses a webhook signed with another key, and logs only the refusal', async () => {
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
      // Only the refusal is remembered, never what the forger claimed.
      const [logged] = demo.stores.webhookLog.recent(1);
      assert.equal(logged?.verified, false);
      assert.equal(logged?.httpStatus, 401);
      assert.equal(logged?.eventId, null);
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

    it('refuses "Reconcile now" from another origin, and runs it from the shop’s own', async () => {
      const post = (headers: Record<string, string>) =>
        fetch(`${origin}/api/admin/reconcile`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: '{}',
        });
      assert.equal((await post({ Origin: 'https://evil.example' })).status, 403);
      assert.equal((await post({ 'Sec-Fetch-Site': 'cross-site' })).status, 403);
      const own = await post({ Origin: origin });
      assert.equal(own.status, 200);
      const report = (await own.json()) as { checked: number; errors: number };
      assert.equal(report.errors, 0);
    });

    /** A mug bought and paid through the sandbox: 12.50 USD. */
    async function paidMug() {
      const { trxNo } = (await (await checkout({ sku: 'mug' })).json()) as { trxNo: string };
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
          error?: { code: string; message: string };
        },
      };
    };

    describe('when a refund is asked for a paid order', () => {
      it('refunds part of it, and answers with the amount refunded', async () => {
        const order = await paidMug();
        const answer = await refund({ mchOrderNo: order.mchOrderNo, amount: '5' });
        assert.equal(answer.status, 200);
        assert.equal(answer.body.amount, '5.00');
        const after = demo.stores.orders.find(order.mchOrderNo);
        assert.equal(after?.refundedMinor, 500);
        assert.equal(after?.status, 'partially_refunded');
      });

      it('refunds the whole amount when none is given', async () => {
        const order = await paidMug();
        const answer = await refund({ mchOrderNo: order.mchOrderNo });
        assert.equal(answer.status, 200);
        assert.equal(answer.body.amount, '12.50');
        assert.equal(demo.stores.orders.find(order.mchOrderNo)?.status, 'refunded');
      });

      for (const [what, amount] of [
        ['more than was paid', '12.51'],
        ['zero', '0.00'],
        ['a negative amount', '-1'],
        ['an amount that is not a number', 'ten'],
        ['more decimals than the currency has', '1.001'],
        ['an empty amount (never read as "all")', ''],
      ] as const) {
        it(`refuses ${what}, saying what may be refunded`, async () => {
          const order = await paidMug();
          const answer = await refund({ mchOrderNo: order.mchOrderNo, amount });
          assert.equal(answer.status, 422);
          assert.equal(answer.body.error?.code, 'invalid_amount');
          assert.equal(answer.body.error?.message, 'Refund an amount from 0.01 to 12.50 USD.');
          assert.equal(demo.stores.orders.find(order.mchOrderNo)?.refundedMinor, 0);
        });
      }

      it('refuses more than what is left after a partial refund', async () => {
        const order = await paidMug();
        await refund({ mchOrderNo: order.mchOrderNo, amount: '10.00' });
        const answer = await refund({ mchOrderNo: order.mchOrderNo, amount: '2.51' });
        assert.equal(answer.status, 422);
        assert.equal(answer.body.error?.message, 'Refund an amount from 0.01 to 2.50 USD.');
        assert.equal(demo.stores.orders.find(order.mchOrderNo)?.refundedMinor, 1000);
      });

      it('refuses any refund once all of it was refunded', async () => {
        const order = await paidMug();
        await refund({ mchOrderNo: order.mchOrderNo });
        const answer = await refund({ mchOrderNo: order.mchOrderNo, amount: '0.01' });
        assert.equal(answer.status, 409);
        assert.equal(answer.body.error?.code, 'not_refundable');
      });
    });

    it('refuses a refund of a payment WPay does not know, saying why', async () => {
      // As after a restart: the database remembers a payment the new sandbox never saw.
      const { orders } = demo.stores;
      const order = orders.create({
        sku: 'mug',
        kind: 'one_time',
        amountMinor: 1250,
        currency: 'USD',
      });
      orders.applyTransition({
        trxNo: 'TRX_EARLIER_RUN',
        mchOrderNo: order.mchOrderNo,
        status: 'paid',
        wpayStatus: 'PAID',
        source: 'webhook',
      });
      const answer = await refund({ mchOrderNo: order.mchOrderNo });
      assert.equal(answer.status, 409);
      assert.equal(answer.body.error?.code, 'unknown_to_wpay');
      assert.equal(
        answer.body.error?.message,
        'WPay has no record of this payment (made before the sandbox last restarted), so it cannot be refunded.',
      );
      assert.equal(orders.find(order.mchOrderNo)?.refundedMinor, 0);
    });

    it('refuses a refund of an order that was never paid', async () => {
      const { trxNo } = (await (await checkout({ sku: 'mug' })).json()) as { trxNo: string };
      const order = demo.stores.orders.findByTrxNo(trxNo);
      const answer = await refund({ mchOrderNo: order?.mchOrderNo });
      assert.equal(answer.status, 409);
      assert.match(answer.body.error?.message ?? '', /pending cannot be refunded/);
    });
  });

  it('answers an unknown page with the shop\'s "page not found" page', async () => {
    const response = await fetch(`${origin}/admin/`);
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  });

  it('answers an unknown API route with a JSON error', async () => {
    const response = await fetch(`${origin}/api/nope`);
    assert.equal(response.status, 404);
    const body = (await response.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'not_found');
  });
});
