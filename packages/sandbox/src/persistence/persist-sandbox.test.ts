import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PATHS } from '@wpay/protocol';
import { type Sandbox, SandboxDataError, type SandboxOptions, startSandbox } from '../index.js';
import { type Receiver, startReceiver, TestClient } from '../test/wpay-client.js';

const DAY = 86_400_000;

describe('when a sandbox restarts with the same data file', () => {
  let dir: string;
  let file: string;
  let receiver: Receiver;
  let failing = true;
  const started: Sandbox[] = [];
  const start = async (options: SandboxOptions = {}) => {
    const sb = await startSandbox({
      data: file,
      webhookUrl: receiver.url,
      merchants: [{ id: 'north' }],
      ...options,
    });
    started.push(sb);
    return sb;
  };
  const before_ = {
    trxNo: '',
    refundNo: '',
    subscriptionId: 0,
    nextBillTime: '',
    offsetMs: 0,
    northTrxNo: '',
    pendingDeliveryId: 0,
    nextAttemptAt: 0,
    accessToken: '',
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wpay-sandbox-data-'));
    file = join(dir, 'state.json');
    receiver = await startReceiver(() => (failing ? 500 : 200));
    const sb = await start();
    const client = new TestClient(sb, sb.fetch);
    before_.trxNo = String((await client.checkout({ amount: 30 })).trxNo);
    await sb.pay(before_.trxNo);
    const refund = await client.call(PATHS.refundCreate, { trxNo: before_.trxNo, amount: 10 });
    before_.refundNo = String((refund.json.retdata as { refundNo: string }).refundNo);
    before_.subscriptionId = await client.subscribe();
    await sb.clock.advance(DAY);
    before_.nextBillTime = String(
      sb.state.subscriptions.find((s) => s.id === before_.subscriptionId)?.nextBillTime,
    );
    before_.offsetMs = sb.clock.now() - Date.now();
    const north = sb.merchant('north');
    const northClient = new TestClient(north, sb.fetch);
    before_.northTrxNo = String((await northClient.checkout()).trxNo);
    await sb.idle({ retries: false }); // every first attempt failed: each waits for a retry
    const pending = sb.deliveries().find((d) => d.state === 'pending');
    assert.ok(pending?.nextAttemptAt, 'a delivery waits for its retry');
    before_.pendingDeliveryId = pending.deliveryId;
    before_.nextAttemptAt = pending.nextAttemptAt;
    before_.accessToken = String(client.accessToken);
    await sb.close();
  });
  after(async () => {
    for (const sb of started) await sb.close();
    await receiver.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps the payment, its refund and the subscription with its next bill', async () => {
    const sb = await start();
    assert.equal(sb.state.payment(before_.trxNo)?.status, 'PARTIAL_REFUNDED');
    assert.deepEqual(
      sb.state.refunds.map((r) => r.refundNo),
      [before_.refundNo],
    );
    const sub = sb.state.subscriptions.find((s) => s.id === before_.subscriptionId);
    assert.equal(sub?.status, 'ACTIVE');
    assert.equal(sub?.nextBillTime, before_.nextBillTime);
    assert.ok(sb.clock.now() - Date.now() >= before_.offsetMs - 1, 'the clock offset is kept');
    assert.equal(sb.merchant('north').state.payment(before_.northTrxNo)?.status, 'PAYING');
    assert.equal(sb.state.payment(before_.northTrxNo), undefined, 'no cross-talk');
    await sb.close();
  });

  it('re-issues access tokens: an old one gets a 401, a new one works', async () => {
    const sb = await start();
    const client = new TestClient(sb, sb.fetch);
    const old = await client.call(
      PATHS.paymentsDetail,
      { trxNo: before_.trxNo },
      { token: before_.accessToken },
    );
    assert.equal(old.json.retcode, '401');
    const fresh = await client.call(PATHS.paymentsDetail, { trxNo: before_.trxNo });
    assert.equal(fresh.json.retcode, '200');
    await sb.close();
  });

  it('keeps the webhook schedule and the bill schedule, and goes on from them', async () => {
    const sb = await start();
    const pending = sb.deliveries().find((d) => d.deliveryId === before_.pendingDeliveryId);
    assert.equal(pending?.state, 'pending');
    assert.equal(pending?.nextAttemptAt, before_.nextAttemptAt);
    failing = false;
    await sb.clock.advance(Math.max(0, before_.nextAttemptAt - sb.clock.now()) + 1);
    await sb.idle({ retries: false });
    const retried = sb.deliveries().find((d) => d.deliveryId === before_.pendingDeliveryId);
    assert.equal(retried?.state, 'delivered');
    assert.equal(retried?.attempts.length, 2);
    await sb.clock.advanceBy({ months: 1 });
    const bills = sb.state.bills.filter((b) => b.subscriptionId === before_.subscriptionId);
    assert.deepEqual(
      bills.map((b) => b.period),
      [1, 2],
    );
    const sb2Trx = String((await new TestClient(sb, sb.fetch).checkout()).trxNo);
    assert.notEqual(sb2Trx, before_.trxNo);
    await sb.close();
    const again = await start();
    assert.equal(again.state.payment(sb2Trx)?.status, 'PAYING', 'written on close');
    assert.equal(
      again.state.bills.filter((b) => b.subscriptionId === before_.subscriptionId).length,
      2,
    );
    await again.close();
  });
});

describe('when the data file is not sandbox state', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'wpay-sandbox-bad-data-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const refused = async (name: string, content: string, options: SandboxOptions = {}) => {
    const file = join(dir, name);
    await writeFile(file, content);
    await assert.rejects(startSandbox({ data: file, ...options }), (error: unknown) => {
      assert.ok(error instanceof SandboxDataError);
      assert.equal(error.code, 'SANDBOX_DATA_INVALID');
      assert.equal(error.file, file);
      assert.match(error.message, new RegExp(file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      assert.match(error.fix, /another file|delete/);
      return true;
    });
    assert.equal(await readFile(file, 'utf8'), content, 'the file is left as it was');
    return file;
  };

  it('refuses a torn (not JSON) file, naming it and the fix', async () => {
    await refused('torn.json', '{"format":"wpay-sandbox-data","vers');
  });

  it('refuses a foreign JSON file', async () => {
    await refused('package.json', JSON.stringify({ name: 'shop', version: '1.0.0' }));
  });

  it('refuses a data file with records that do not fit the format', async () => {
    const content = JSON.stringify({
      format: 'wpay-sandbox-data',
      version: 1,
      savedAt: new Date().toISOString(),
      clockOffsetMs: 0,
      ids: { seq: 1, payment: 10_001, subscription: 500, bill: 9_000 },
      merchants: { default: { payments: [{ trxNo: 42 }] } },
    });
    await refused('bad-records.json', content);
  });

  it('refuses a data file with a merchant the sandbox is not configured with', async () => {
    const dataDir = await mkdtemp(join(dir, 'two-'));
    const file = join(dataDir, 'state.json');
    const sb = await startSandbox({ data: file, merchants: [{ id: 'north' }] });
    await sb.close();
    const content = await readFile(file, 'utf8');
    await assert.rejects(startSandbox({ data: file }), (error: unknown) => {
      assert.ok(error instanceof SandboxDataError);
      assert.match(error.message, /"north"/);
      assert.match(error.fix, /--merchant id=north/);
      return true;
    });
    assert.equal(await readFile(file, 'utf8'), content);
  });
});
