import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PATHS } from '@wpay/protocol';
import type { Sandbox } from '../../index.js';
import { sandboxWithClient, TestClient } from '../../test/wpay-client.js';

const CREATED = 260;
const KEPT = 200;

/** What the test itself knows of each payment it made, in creation order. */
interface Made {
  trxNo: string;
  mchOrderNo: string;
  currency: string;
  paid: boolean;
}

describe('when listing many payments with a memory cap', () => {
  let sb: Sandbox;
  let client: TestClient;
  const made: Made[] = [];
  before(async () => {
    ({ sb } = await sandboxWithClient({ maxPayments: KEPT }));
    client = new TestClient(sb, sb.fetch);
    for (let index = 0; index < CREATED; index += 1) {
      const currency = index % 3 === 0 ? 'EUR' : 'USD';
      const fields = { mchOrderNo: `SCALE-${index}`, currency };
      const { trxNo } = await client.checkout(fields);
      const paid = index % 4 === 1;
      if (paid) await sb.pay(String(trxNo));
      made.push({ trxNo: String(trxNo), mchOrderNo: fields.mchOrderNo, currency, paid });
    }
  });
  after(() => sb.close());

  /** The reference: the kept payments (the newest KEPT), newest first, filtered, one page. */
  const expected = (pageNum: number, pageSize: number, keep: (m: Made) => boolean = () => true) => {
    const all = made.slice(-KEPT).reverse().filter(keep);
    const start = (pageNum - 1) * pageSize;
    return { trxNos: all.slice(start, start + pageSize).map((m) => m.trxNo), total: all.length };
  };
  const listed = async (body: Record<string, unknown>) => {
    const answer = await client.call(PATHS.paymentsList, body);
    assert.equal(answer.json.retcode, '200', answer.text);
    const page = answer.json.retdata as { records: Array<{ trxNo: string }>; total: number };
    return { trxNos: page.records.map((r) => r.trxNo), total: page.total };
  };

  it('answers every page as the reference does, newest first', async () => {
    for (const pageNum of [1, 2, 7, 10, 11]) {
      assert.deepEqual(await listed({ pageNum, pageSize: 20 }), expected(pageNum, 20));
    }
    assert.deepEqual(await listed({ pageNum: 3, pageSize: 7 }), expected(3, 7));
  });

  it('answers filtered pages as the reference does', async () => {
    assert.deepEqual(
      await listed({ pageNum: 2, pageSize: 20, status: 2 }),
      expected(2, 20, (m) => m.paid),
    );
    assert.deepEqual(
      await listed({ pageNum: 1, pageSize: 100, currency: 'EUR', status: 1 }),
      expected(1, 100, (m) => m.currency === 'EUR' && !m.paid),
    );
    const kept = made.at(-10);
    assert.ok(kept);
    assert.deepEqual(await listed({ pageNum: 1, pageSize: 10, mchOrderNo: kept.mchOrderNo }), {
      trxNos: [kept.trxNo],
      total: 1,
    });
  });

  it('forgets the oldest payments beyond maxPayments, and only those', async () => {
    const forgotten = made.slice(0, CREATED - KEPT);
    const oldestKept = made[CREATED - KEPT];
    assert.ok(oldestKept);
    for (const payment of [forgotten[0], forgotten.at(-1)]) {
      assert.ok(payment);
      const answer = await client.call(PATHS.paymentsDetail, { trxNo: payment.trxNo });
      assert.equal(answer.status, 404);
      assert.deepEqual(await listed({ mchOrderNo: payment.mchOrderNo }), { trxNos: [], total: 0 });
    }
    const answer = await client.call(PATHS.paymentsDetail, { trxNo: oldestKept.trxNo });
    assert.equal(answer.json.retcode, '200');
    assert.equal(sb.state.payments.length, KEPT);
  });
});
