import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../index.js';
import { sandboxWithClient, type TestClient } from '../../test/wpay-client.js';

const LIST = '/checkout/w-payment/payments/list';
const DETAIL = '/checkout/w-payment/payments/detail';

const PAYMENT_FIELDS = [
  'id',
  'trxNo',
  'gatewayOrderNo',
  'channelId',
  'status',
  'payMode',
  'mchOrderNo',
  'mchSubscriptionNo',
  'amount',
  'currency',
  'description',
  'customerEmail',
  'createTime',
  'payTime',
  'processingFee',
  'netAmount',
  'gatewayAvailableOn',
];

describe('when reading a payment', () => {
  let sb: Sandbox;
  let client: TestClient;
  let trxNo: string;
  before(async () => {
    ({ sb, client } = await sandboxWithClient());
    trxNo = String((await client.checkout({ amount: 19.99 })).trxNo);
    await sb.pay(trxNo);
  });
  after(() => sb.close());

  it('answers every documented field', async () => {
    const answer = await client.call(DETAIL, { trxNo });
    assert.equal(answer.json.retcode, '200');
    const payment = answer.json.retdata as Record<string, unknown>;
    for (const field of PAYMENT_FIELDS) assert.ok(field in payment, `missing ${field}`);
    assert.equal(typeof payment.id, 'number');
    assert.equal(payment.status, 'PAID');
    assert.equal(payment.channelId, 'STRIPE');
    assert.equal(payment.mchSubscriptionNo, null);
    assert.match(String(payment.payTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it('computes fee and net amount in minor units', async () => {
    const payment = (await client.call(DETAIL, { trxNo })).json.retdata as Record<string, number>;
    assert.equal(payment.processingFee, 0.88);
    assert.equal(payment.netAmount, 19.11);
  });

  it('refuses an unknown trxNo with 404 naming it', async () => {
    const answer = await client.call(DETAIL, { trxNo: 'TRX404' });
    assert.equal(answer.status, 404);
    assert.equal(answer.json.retcode, '404');
    assert.match(String(answer.json.retmsg), /TRX404/);
  });

  it('refuses a missing trxNo with 400', async () => {
    const answer = await client.call(DETAIL, {});
    assert.equal(answer.json.retcode, '400');
    assert.match(String(answer.json.retmsg), /trxNo: is required/);
  });
});

describe('when listing payments', () => {
  let sb: Sandbox;
  let client: TestClient;
  const created: string[] = [];
  before(async () => {
    ({ sb, client } = await sandboxWithClient());
    for (const amount of [5, 10, 15, 20, 25]) {
      created.push(String((await client.checkout({ amount, currency: 'EUR' })).trxNo));
    }
    await sb.pay(created[0]!);
    await sb.pay(created[1]!);
    await sb.cancel(created[2]!);
  });
  after(() => sb.close());

  const list = async (body: Record<string, unknown>) => {
    const answer = await client.call(LIST, body);
    assert.equal(answer.json.retcode, '200', answer.text);
    return answer.json.retdata as {
      records: Record<string, unknown>[];
      total: number;
      pageSize: number;
      pageNo: number;
    };
  };

  it('pages with pageNum/pageSize and answers records, total, pageSize, pageNo', async () => {
    const page = await list({ pageNum: 2, pageSize: 2 });
    assert.equal(page.total, 5);
    assert.equal(page.pageSize, 2);
    assert.equal(page.pageNo, 2);
    assert.equal(page.records.length, 2);
    assert.equal(page.records[0]?.trxNo, created[2], 'newest first');
  });

  it('answers an empty last page beyond the end', async () => {
    const page = await list({ pageNum: 9, pageSize: 2 });
    assert.equal(page.records.length, 0);
    assert.equal(page.total, 5);
  });

  it('filters by numeric status (2 = PAID)', async () => {
    const page = await list({ pageNum: 1, pageSize: 10, status: 2 });
    assert.deepEqual(
      page.records.map((p) => p.status),
      ['PAID', 'PAID'],
    );
  });

  it('filters by amount range', async () => {
    const page = await list({ pageNum: 1, pageSize: 10, amountMin: 10, amountMax: 20 });
    assert.deepEqual(page.records.map((p) => p.amount).sort(), [10, 15, 20]);
  });

  it('accepts the documented request example with every filter', async () => {
    const page = await list({
      pageNum: 1,
      pageSize: 10,
      status: 2,
      channelId: 'STRIPE',
      startTime: '2000-01-01 00:00:00',
      endTime: '2999-12-31 23:59:59',
      currency: 'EUR',
      amountMin: 1,
      amountMax: 100,
      paymentMethod: 'VISA',
    });
    assert.equal(page.total, 2);
  });

  it('filters out payments created before startTime', async () => {
    const page = await list({ pageNum: 1, pageSize: 10, startTime: '2999-01-01 00:00:00' });
    assert.equal(page.total, 0);
  });

  it('refuses a malformed startTime and a pageSize over 100, naming both', async () => {
    const answer = await client.call(LIST, { pageNum: 1, pageSize: 500, startTime: '2026-04-23' });
    assert.equal(answer.json.retcode, '400');
    assert.match(String(answer.json.retmsg), /pageSize: must be at most 100/);
    assert.match(String(answer.json.retmsg), /startTime: must be yyyy-MM-dd HH:mm:ss/);
  });

  it('defaults to the first page of 10', async () => {
    const page = await list({});
    assert.equal(page.pageNo, 1);
    assert.equal(page.pageSize, 10);
  });
});
