import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SANDBOX_DEFAULTS } from '../../defaults.js';
import type { Sandbox } from '../../index.js';
import {
  closeAll,
  type Receiver,
  sandboxWithClient,
  sandboxWithReceiver,
  type TestClient,
} from '../../test/wpay-client.js';

const LIST = '/checkout/w-payment/subscriptions/list';
const DETAIL = '/checkout/w-payment/subscriptions/detail';
const CANCEL = '/checkout/w-payment/subscriptions/cancel';
const BILLS = '/checkout/w-payment/subscriptions/bills';

type Page = { records: Record<string, unknown>[]; total: number; pageSize: number; pageNo: number };

describe('when a subscription checkout is paid', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  let id: number;
  before(async () => {
    ({ sb, client, receiver } = await sandboxWithReceiver());
    id = await client.subscribe({ intervalUnit: 'month', intervalCount: 1, amount: 9.99 });
  });
  after(() => closeAll(sb, receiver));

  const bills = async (page = 1, size = 10) => {
    const answer = await client.call(BILLS, { subscriptionId: id, page, size });
    assert.equal(answer.json.retcode, '200', answer.text);
    return answer.json.retdata as Page;
  };

  it('creates an ACTIVE subscription with the documented fields', async () => {
    const answer = await client.call(DETAIL, { id });
    assert.equal(answer.json.retcode, '200');
    const sub = answer.json.retdata as Record<string, unknown>;
    for (const field of [
      'id',
      'mchSubscriptionNo',
      'status',
      'amount',
      'currency',
      'intervalUnit',
      'intervalCount',
      'createdTime',
    ]) {
      assert.ok(field in sub, `missing ${field}`);
    }
    assert.equal(sub.status, 'ACTIVE');
    assert.equal(sub.amount, 9.99);
    assert.equal(sub.intervalUnit, 'month');
  });

  it('makes the first payment the first bill', async () => {
    const page = await bills();
    assert.equal(page.total, 1);
    assert.equal(page.records[0]?.status, 'PAID');
    assert.match(String(page.records[0]?.createdTime), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('adds a bill each time the clock passes an interval, with a bill.paid webhook', async () => {
    await sb.clock.advanceBy({ months: 1 });
    assert.equal((await bills()).total, 2);
    await sb.clock.advanceBy({ months: 2 });
    assert.equal((await bills()).total, 4);
    await sb.idle();
    const billEvents = receiver.received.filter(
      (r) => r.json.eventType === 'credit_card.subscription.bill.paid',
    );
    assert.equal(billEvents.length, 3);
    const data = billEvents[0]?.json.data as {
      subscription: { id: number };
      bill: { status: string };
    };
    assert.equal(data.subscription.id, id);
    assert.equal(data.bill.status, 'PAID');
  });

  it('pages bills with page/size', async () => {
    const page = await bills(2, 3);
    assert.equal(page.total, 4);
    assert.equal(page.pageNo, 2);
    assert.equal(page.pageSize, 3);
    assert.equal(page.records.length, 1);
  });

  it('records a failed bill and PAST_DUE when the renewal card is declined', async () => {
    sb.setRenewalCard(id, 'declined');
    await sb.clock.advanceBy({ months: 1 });
    const page = await bills(1, 10);
    assert.equal(page.records.at(-1)?.status, 'FAILED');
    const sub = (await client.call(DETAIL, { id })).json.retdata as Record<string, unknown>;
    assert.equal(sub.status, 'PAST_DUE');
    await sb.idle();
    const failed = receiver.received.at(-1)?.json;
    assert.equal(failed?.eventType, 'credit_card.subscription.bill.failed');
    const data = failed?.data as { subscription: { status: string }; bill: { status: string } };
    assert.equal(data.subscription.status, 'PAST_DUE');
    assert.equal(data.bill.status, 'FAILED');
    sb.setRenewalCard(id, 'success');
    await sb.clock.advanceBy({ months: 1 });
    const back = (await client.call(DETAIL, { id })).json.retdata as Record<string, unknown>;
    assert.equal(back.status, 'ACTIVE');
  });

  it('cancels: status CANCELLED, no more bills, a cancelled webhook', async () => {
    const answer = await client.call(CANCEL, { id, reason: 'too expensive' });
    assert.equal(answer.json.retcode, '200', answer.text);
    const sub = answer.json.retdata as Record<string, unknown>;
    assert.equal(sub.status, 'CANCELLED');
    const before = (await bills(1, 100)).total;
    await sb.clock.advanceBy({ months: 3 });
    assert.equal((await bills(1, 100)).total, before);
    await sb.idle();
    assert.ok(
      receiver.received.some((r) => r.json.eventType === 'credit_card.subscription.cancelled'),
    );
  });

  it('answers the same subscription when cancelling twice', async () => {
    const answer = await client.call(CANCEL, { id });
    assert.equal(answer.json.retcode, '200');
    assert.equal((answer.json.retdata as Record<string, unknown>).status, 'CANCELLED');
  });
});

describe('when listing subscriptions', () => {
  let sb: Sandbox;
  let client: TestClient;
  const ids: number[] = [];
  before(async () => {
    ({ sb, client } = await sandboxWithClient());
    for (let i = 0; i < 3; i += 1) ids.push(await client.subscribe({ intervalUnit: 'week' }));
    await client.call(CANCEL, { id: ids[0] });
  });
  after(() => sb.close());

  it('pages with page/size and answers records, total, pageSize, pageNo', async () => {
    const answer = await client.call(LIST, { page: 1, size: 2 });
    const page = answer.json.retdata as Page;
    assert.equal(page.total, 3);
    assert.equal(page.pageSize, 2);
    assert.equal(page.pageNo, 1);
    assert.equal(page.records.length, 2);
  });

  it('filters by status (the documented example)', async () => {
    const answer = await client.call(LIST, { page: 1, size: 10, status: 'ACTIVE' });
    const page = answer.json.retdata as Page;
    assert.equal(page.total, 2);
    assert.ok(page.records.every((s) => s.status === 'ACTIVE'));
  });

  it('refuses a size of 0 with 400 naming it', async () => {
    const answer = await client.call(LIST, { page: 1, size: 0 });
    assert.equal(answer.json.retcode, '400');
    assert.match(String(answer.json.retmsg), /size: /);
  });

  it('bills weekly subscriptions every week', async () => {
    await sb.clock.advanceBy({ days: 7 });
    const answer = await client.call(BILLS, { subscriptionId: ids[1], page: 1, size: 10 });
    assert.equal((answer.json.retdata as Page).total, 2);
  });
});

describe('when a subscription id is unknown or wrong', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  for (const [path, body, field] of [
    [DETAIL, { id: 999_999 }, 'id'],
    [CANCEL, { id: 999_999 }, 'id'],
    [BILLS, { subscriptionId: 999_999, page: 1, size: 10 }, 'subscriptionId'],
  ] as const) {
    it(`answers 404 naming ${field} on ${path}`, async () => {
      const answer = await client.call(path, body);
      assert.equal(answer.status, 404);
      assert.equal(answer.json.retcode, '404');
      assert.match(String(answer.json.retmsg), new RegExp(`${field}: .*999999`));
    });
  }

  it('refuses an id that is not a number with 400', async () => {
    const answer = await client.call(DETAIL, { id: 'abc' });
    assert.equal(answer.json.retcode, '400');
    assert.match(String(answer.json.retmsg), /id: /);
  });
});

describe('when renewals keep failing', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  before(async () => ({ sb, client, receiver } = await sandboxWithReceiver()));
  after(() => closeAll(sb, receiver));

  const statusOf = async (id: number) =>
    ((await client.call(DETAIL, { id })).json.retdata as Record<string, unknown>).status;
  const billCount = async (id: number) =>
    ((await client.call(BILLS, { subscriptionId: id, page: 1, size: 100 })).json.retdata as Page)
      .total;
  const failMonths = async (id: number, months: number) => {
    sb.setRenewalCard(id, 'declined');
    for (let i = 0; i < months; i += 1) await sb.clock.advanceBy({ months: 1 });
  };

  it(`stays PAST_DUE for ${SANDBOX_DEFAULTS.maxFailedRenewals - 1} failed renewals in a row`, async () => {
    const id = await client.subscribe();
    await failMonths(id, SANDBOX_DEFAULTS.maxFailedRenewals - 1);
    assert.equal(await statusOf(id), 'PAST_DUE');
  });

  it(`ends EXPIRED after ${SANDBOX_DEFAULTS.maxFailedRenewals}, with credit_card.subscription.expired and no more bills`, async () => {
    const id = await client.subscribe();
    await failMonths(id, SANDBOX_DEFAULTS.maxFailedRenewals);
    assert.equal(await statusOf(id), 'EXPIRED');
    await sb.idle();
    const hook = receiver.received.find(
      (r) =>
        r.json.eventType === 'credit_card.subscription.expired' &&
        (r.json.data as { id: number }).id === id,
    );
    const data = hook?.json.data as Record<string, unknown> | undefined;
    assert.equal(data?.status, 'EXPIRED');
    assert.equal(data?.nextBillTime, null);
    assert.match(String(data?.expireTime), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const bills = await billCount(id);
    await sb.clock.advanceBy({ months: 2 });
    assert.equal(await billCount(id), bills);
  });

  it('counts only failures in a row: a paid renewal starts the count again', async () => {
    const id = await client.subscribe();
    await failMonths(id, SANDBOX_DEFAULTS.maxFailedRenewals - 1);
    sb.setRenewalCard(id, 'success');
    await sb.clock.advanceBy({ months: 1 });
    await failMonths(id, SANDBOX_DEFAULTS.maxFailedRenewals - 1);
    assert.equal(await statusOf(id), 'PAST_DUE');
  });

  it('answers an expired subscription unchanged when asked to cancel it', async () => {
    const id = await client.subscribe();
    await failMonths(id, SANDBOX_DEFAULTS.maxFailedRenewals);
    const answer = await client.call(CANCEL, { id });
    assert.equal((answer.json.retdata as Record<string, unknown>).status, 'EXPIRED');
  });
});

describe('when maxFailedRenewals is 1', () => {
  it('ends the subscription at the first failed renewal', async () => {
    const { sb, client } = await sandboxWithClient({ maxFailedRenewals: 1 });
    try {
      const id = await client.subscribe();
      sb.setRenewalCard(id, 'insufficient_funds');
      await sb.clock.advanceBy({ months: 1 });
      const sub = (await client.call(DETAIL, { id })).json.retdata as Record<string, unknown>;
      assert.equal(sub.status, 'EXPIRED');
    } finally {
      await sb.close();
    }
  });
});

describe('when a subscription is ended on demand', () => {
  let sb: Sandbox;
  let client: TestClient;
  let receiver: Receiver;
  before(async () => ({ sb, client, receiver } = await sandboxWithReceiver()));
  after(() => closeAll(sb, receiver));

  it('expires it through the JS API: EXPIRED, a webhook, no more bills', async () => {
    const id = await client.subscribe();
    assert.equal(sb.expireSubscription(id).status, 'EXPIRED');
    await sb.idle();
    assert.equal(receiver.received.at(-1)?.json.eventType, 'credit_card.subscription.expired');
    await sb.clock.advanceBy({ months: 1 });
    assert.equal(sb.state.bills.filter((b) => b.subscriptionId === id).length, 1);
  });

  it('expires it through the control API, and answers it unchanged the second time', async () => {
    const id = await client.subscribe();
    const expire = () =>
      fetch(`${sb.url}/__sandbox/subscriptions/${id}/expire`, { method: 'POST' });
    assert.equal(((await (await expire()).json()) as { status: string }).status, 'EXPIRED');
    await sb.idle();
    const sent = receiver.received.length;
    assert.equal((await expire()).status, 200);
    await sb.idle();
    assert.equal(receiver.received.length, sent, 'no second webhook');
  });

  it('answers 404 for an unknown subscription', async () => {
    const answer = await fetch(`${sb.url}/__sandbox/subscriptions/999999/expire`, {
      method: 'POST',
    });
    assert.equal(answer.status, 404);
  });
});
