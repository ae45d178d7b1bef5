import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { type Demo, startDemo } from './start-demo.js';

// The webhook endpoint under hostile input: forged posts in bulk, and an oversized body.
describe('when anyone posts to the webhook endpoint', { timeout: 120_000 }, () => {
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

  const rows = () =>
    (demo.db.prepare('SELECT COUNT(*) AS n FROM webhook_deliveries').get() as { n: number }).n;
  const pages = () => Number(demo.db.pragma('page_count'));

  const forged = (i: number) =>
    fetch(`${origin}/api/webhooks/wpay`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        SIGNATURE: Buffer.from(`forged ${i}`).toString('base64'),
        TIMESTAMP: String(Date.now()),
      },
      body: JSON.stringify({
        eventId: `evt_forged_${i}_${'x'.repeat(150)}`,
        eventType: 'credit_card.order.paid',
        data: { trxNo: `TRX${i}` },
      }),
    });

  it('does not grow the database with 1 000 forged deliveries, but counts them', async () => {
    const rowsBefore = rows();
    const pagesBefore = pages();
    const refusedBefore = demo.stores.webhookLog.refusals().total;
    for (let batch = 0; batch < 1000; batch += 50) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => forged(batch + i).then((r) => r.status)),
      );
      assert.ok(answers.every((status) => status === 401));
    }
    assert.equal(rows(), rowsBefore);
    assert.ok(pages() <= pagesBefore + 1, `database pages ${pagesBefore} → ${pages()}`);
    assert.equal(demo.stores.webhookLog.refusals().total - refusedBefore, 1000);
    // The admin page still shows the latest refusals, with their reason only.
    const latest = demo.stores.webhookLog.recent(5);
    assert.equal(latest.length, 5);
    for (const delivery of latest) {
      assert.equal(delivery.verified, false);
      assert.equal(delivery.httpStatus, 401);
      assert.equal(delivery.eventId, null);
      assert.ok(delivery.note);
    }
  });

  it('answers an oversized chunked body with 413 instead of hanging', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${origin}/api/webhooks/wpay`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        signal: AbortSignal.timeout(30_000),
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 3 * 1024 * 1024) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
        req.end();
      };
      pump();
    });
    assert.equal(status, 413);
  });
});
