import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signWebhook } from './api/signature.js';
import { type Sandbox, startSandbox } from './index.js';
import {
  checkoutBody,
  closeAll,
  HPP,
  type Receiver,
  startReceiver,
  TestClient,
} from './test/wpay-client.js';

const DETAIL = '/checkout/w-payment/payments/detail';
const LIST = '/checkout/w-payment/payments/list';

/** A sandbox with the default merchant and `north`, each with its own webhook receiver. */
async function twoMerchants(): Promise<{
  sb: Sandbox;
  hooks: { default: Receiver; north: Receiver };
  clients: { default: TestClient; north: TestClient };
}> {
  const hooks = { default: await startReceiver(), north: await startReceiver() };
  const sb = await startSandbox({
    timeScale: 1000,
    webhookUrl: hooks.default.url,
    merchants: [{ id: 'north', merchantName: 'North Mugs', webhookUrl: hooks.north.url }],
  });
  const clients = { default: new TestClient(sb), north: new TestClient(sb.merchant('north')) };
  return { sb, hooks, clients };
}

describe('when one sandbox holds several merchants', () => {
  it('gives each its own credentials, with defaults derived from the id', async () => {
    const sb = await startSandbox({
      merchants: [{ id: 'north' }, { id: 'south', credentials: { apiKey: 'sk' } }],
    });
    try {
      assert.deepEqual(
        sb.merchants.map((m) => m.id),
        ['default', 'north', 'south'],
      );
      assert.deepEqual(sb.merchant('north').credentials, {
        apiKey: 'wpay_test_north_api_key',
        apiSecret: 'wpay_test_north_api_secret',
        signKey: 'wpay_test_north_sign_key',
      });
      assert.equal(sb.merchant('south').credentials.apiKey, 'sk');
      assert.equal(sb.merchant('north').env.WPAY_API_KEY, 'wpay_test_north_api_key');
      assert.equal(sb.merchant('north').env.WPAY_BASE_URL, sb.url);
      assert.equal(sb.merchant('north').controlUrl, `${sb.url}/__sandbox/merchants/north`);
      assert.equal(sb.merchant('default').credentials.apiKey, sb.credentials.apiKey);
      assert.throws(() => sb.merchant('west'), /no merchant "west" .*default, north, south/);
    } finally {
      await sb.close();
    }
  });

  it('refuses two merchants with one id or one api key, and the id default', async () => {
    await assert.rejects(
      startSandbox({ merchants: [{ id: 'a' }, { id: 'a' }] }),
      /merchants\.1\.id: id "a" is used twice/,
    );
    await assert.rejects(
      startSandbox({ merchants: [{ id: 'a', credentials: { apiKey: 'wpay_test_api_key' } }] }),
      /merchants\.0\.credentials\.apiKey: the api key of merchant "default"/,
    );
    await assert.rejects(startSandbox({ merchants: [{ id: 'default' }] }), /merchants\.0\.id: /);
    await assert.rejects(startSandbox({ merchants: [{ id: 'no spaces' }] }), /merchants\.0\.id: /);
  });

  it("keeps each merchant's payments to itself: its token cannot read another's", async () => {
    const { sb, hooks, clients } = await twoMerchants();
    try {
      const mine = await clients.default.checkout();
      const theirs = await clients.north.checkout();
      assert.notEqual(mine.trxNo, theirs.trxNo, 'one trxNo names one payment in the sandbox');
      const read = await clients.default.call(DETAIL, { trxNo: theirs.trxNo });
      assert.equal(read.status, 404);
      assert.equal(read.json.retcode, '404');
      const own = await clients.north.call(DETAIL, { trxNo: theirs.trxNo });
      assert.equal(own.json.retcode, '200');
      const listed = await clients.north.call(LIST, { pageNum: 1, pageSize: 10 });
      const records = (listed.json.retdata as { records: Array<{ trxNo: string }> }).records;
      assert.deepEqual(
        records.map((r) => r.trxNo),
        [theirs.trxNo],
      );
      assert.deepEqual(
        sb.state.payments.map((p) => p.trxNo),
        [mine.trxNo],
      );
      assert.deepEqual(
        sb.merchant('north').state.payments.map((p) => p.trxNo),
        [theirs.trxNo],
      );
    } finally {
      await closeAll(sb, hooks.default, hooks.north);
    }
  });

  it("refuses a call made with one merchant's token and another's sign key", async () => {
    const { sb, hooks, clients } = await twoMerchants();
    try {
      await clients.north.token();
      const answer = await clients.north.call(HPP, checkoutBody(), {
        token: clients.north.accessToken ?? '',
        signKey: sb.credentials.signKey,
      });
      assert.equal(answer.status, 401);
      assert.equal(answer.json.retcode, '00007');
      assert.equal(sb.merchant('north').state.payments.length, 0);
      assert.equal(sb.state.payments.length, 0);
    } finally {
      await closeAll(sb, hooks.default, hooks.north);
    }
  });

  it("lets each merchant hold its own active token (one's token never retires another's)", async () => {
    const { sb, hooks, clients } = await twoMerchants();
    try {
      await clients.default.token();
      const first = clients.default.accessToken;
      await clients.north.token();
      await clients.north.refresh();
      const answer = await clients.default.call(HPP, checkoutBody(), { token: first ?? '' });
      assert.equal(answer.json.retcode, '200');
      assert.equal(sb.stats().tokenRequests, 1);
      assert.equal(sb.merchant('north').stats().tokenRequests, 2);
    } finally {
      await closeAll(sb, hooks.default, hooks.north);
    }
  });

  it("signs each merchant's webhooks with its own key and sends them to its own URL", async () => {
    const { sb, hooks, clients } = await twoMerchants();
    try {
      const mine = await clients.default.checkout();
      const theirs = await clients.north.checkout();
      await sb.pay(String(mine.trxNo));
      await sb.merchant('north').pay(String(theirs.trxNo), { card: 'declined' });
      await sb.idle();
      await sb.merchant('north').idle();
      const check = (receiver: Receiver, signKey: string, trxNo: unknown, eventType: string) => {
        assert.equal(receiver.received.length, 1);
        const [hook] = receiver.received;
        assert.ok(hook);
        assert.equal(hook.json.eventType, eventType);
        assert.equal((hook.json.data as { trxNo: string }).trxNo, trxNo);
        const timestamp = String(hook.headers.timestamp);
        assert.equal(hook.headers.signature, signWebhook(signKey, timestamp, hook.body));
      };
      check(hooks.default, sb.credentials.signKey, mine.trxNo, 'credit_card.order.paid');
      check(
        hooks.north,
        sb.merchant('north').credentials.signKey,
        theirs.trxNo,
        'credit_card.order.failed',
      );
    } finally {
      await closeAll(sb, hooks.default, hooks.north);
    }
  });

  it("shows each merchant's name on its hosted page and settles the page in its state", async () => {
    const { sb, hooks, clients } = await twoMerchants();
    try {
      const theirs = await clients.north.checkout();
      const page = await fetch(String(theirs.redirectUrl));
      assert.match(await page.text(), /North Mugs/);
      const paid = await fetch(String(theirs.redirectUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'action=pay&card=success',
        redirect: 'manual',
      });
      assert.equal(paid.status, 303);
      assert.equal(sb.merchant('north').state.payment(String(theirs.trxNo))?.status, 'PAID');
      assert.equal(sb.state.payments.length, 0);
    } finally {
      await closeAll(sb, hooks.default, hooks.north);
    }
  });

  it('resets one merchant alone, or all of them with sb.reset()', async () => {
    const { sb, hooks, clients } = await twoMerchants();
    try {
      await clients.default.checkout();
      await clients.north.checkout();
      sb.merchant('north').reset();
      assert.equal(sb.merchant('north').state.payments.length, 0);
      assert.equal(sb.state.payments.length, 1);
      await clients.north.checkout();
      sb.reset();
      assert.equal(sb.state.payments.length, 0);
      assert.equal(sb.merchant('north').state.payments.length, 0);
    } finally {
      await closeAll(sb, hooks.default, hooks.north);
    }
  });

  it("keeps a merchant's renewals scheduled when another merchant resets", async () => {
    const { sb, hooks, clients } = await twoMerchants();
    try {
      const north = sb.merchant('north');
      const subscriptionId = await clients.north.subscribe();
      await clients.default.subscribe();
      sb.merchant('default').reset();
      await sb.clock.advanceBy({ months: 1 });
      const bills = north.state.bills.filter((b) => b.subscriptionId === subscriptionId);
      assert.equal(bills.length, 2, 'the first bill and the renewal');
      assert.equal(sb.state.bills.length, 0);
    } finally {
      await closeAll(sb, hooks.default, hooks.north);
    }
  });

  it("answers each merchant's own control API under /__sandbox/merchants/{id}/", async () => {
    const { sb, hooks, clients } = await twoMerchants();
    try {
      await clients.default.checkout();
      const theirs = await clients.north.checkout();
      const control = (path: string, init?: RequestInit) =>
        fetch(`${sb.merchant('north').controlUrl}/${path}`, init);
      const state = (await (await control('state')).json()) as {
        payments: Array<{ trxNo: string }>;
      };
      assert.deepEqual(
        state.payments.map((p) => p.trxNo),
        [theirs.trxNo],
      );
      const paid = await control(`payments/${String(theirs.trxNo)}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"card":"success"}',
      });
      assert.equal(paid.status, 200);
      assert.equal(sb.merchant('north').state.payment(String(theirs.trxNo))?.status, 'PAID');
      const unknown = await fetch(`${sb.url}/__sandbox/payments/${String(theirs.trxNo)}/pay`, {
        method: 'POST',
      });
      assert.equal(unknown.status, 404, "the default merchant's control API does not see it");

      assert.equal((await control('reset', { method: 'POST' })).status, 200);
      assert.equal(sb.merchant('north').state.payments.length, 0);
      assert.equal(sb.state.payments.length, 1, 'a merchant-scoped reset resets that one only');
      await clients.north.checkout();
      await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' });
      assert.equal(sb.state.payments.length, 0);
      assert.equal(sb.merchant('north').state.payments.length, 0, '/__sandbox/reset resets all');

      const missing = await fetch(`${sb.url}/__sandbox/merchants/west/state`);
      assert.equal(missing.status, 404);
    } finally {
      await closeAll(sb, hooks.default, hooks.north);
    }
  });

  it("keeps each merchant's faults to itself", async () => {
    const hooks = await startReceiver();
    const sb = await startSandbox({
      timeScale: 1000,
      merchants: [{ id: 'north', faults: [{ kind: 'http-5xx', path: HPP }] }],
    });
    try {
      assert.equal((await new TestClient(sb).call(HPP, checkoutBody())).json.retcode, '200');
      assert.equal(
        (await new TestClient(sb.merchant('north')).call(HPP, checkoutBody())).status,
        503,
      );
      assert.equal(sb.faults.list().length, 0);
      assert.equal(sb.merchant('north').faults.list().length, 1);
    } finally {
      await closeAll(sb, hooks);
    }
  });

  it('runs in-process with sb.fetch for every merchant', async () => {
    const sb = await startSandbox({ merchants: [{ id: 'north' }] });
    try {
      const north = new TestClient(sb.merchant('north'), sb.fetch);
      const { trxNo } = await north.checkout();
      assert.ok(sb.merchant('north').state.payment(String(trxNo)));
      assert.equal(sb.state.payments.length, 0);
    } finally {
      await sb.close();
    }
  });
});
