import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../index.js';
import { sandboxWithClient, type TestClient } from '../test/wpay-client.js';

const pageStatus = async (sb: Sandbox, url: string) => (await sb.fetch(url)).status;

describe('when a hosted-page session ended long ago', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => {
    ({ sb, client } = await sandboxWithClient({
      sessionTtlSeconds: 60,
      sessionRetentionSeconds: 600,
    }));
  });
  after(() => sb.close());

  it('still answers 410 within sessionRetentionSeconds, then forgets the page (404), keeping the payment', async () => {
    const { redirectUrl, trxNo } = await client.checkout();
    const fresh = await client.checkout(); // created later: expires later, stays known longer
    await sb.clock.advance(61_000);
    assert.equal(await pageStatus(sb, String(redirectUrl)), 410);
    await sb.clock.advance(600_000 - 2_000);
    assert.equal(await pageStatus(sb, String(redirectUrl)), 410);
    await sb.clock.advance(2_000);
    assert.equal(await pageStatus(sb, String(redirectUrl)), 404);
    assert.equal(sb.state.payment(String(trxNo))?.status, 'EXPIRED');
    assert.equal(sb.state.payment(String(fresh.trxNo))?.status, 'EXPIRED');
  });

  it('expires sessions in the order of their deadlines, each with its own event', async () => {
    const trxNos: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      trxNos.push(String((await client.checkout()).trxNo));
      await sb.clock.advance(10_000);
    }
    await sb.clock.advance(35_000); // the first is 65 s old, the second 55 s
    assert.deepEqual(
      trxNos.map((trxNo) => sb.state.payment(trxNo)?.status),
      ['EXPIRED', 'PAYING', 'PAYING'],
    );
    await sb.clock.advance(20_000);
    assert.deepEqual(
      trxNos.map((trxNo) => sb.state.payment(trxNo)?.status),
      ['EXPIRED', 'EXPIRED', 'EXPIRED'],
    );
    const expired = sb
      .events()
      .filter((event) => event.eventType === 'credit_card.order.expired')
      .map((event) => (JSON.parse(event.body) as { data: { trxNo: string } }).data.trxNo);
    assert.deepEqual(expired.slice(-3), trxNos);
  });

  it('plans no expiry any more after a reset', async () => {
    const { trxNo } = await client.checkout();
    sb.reset();
    await sb.clock.advance(120_000);
    assert.equal(sb.state.payment(String(trxNo)), undefined);
    assert.equal(sb.events().length, 0);
  });
});

describe('when more webhook events are made than maxWebhookEvents', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient({ maxWebhookEvents: 3 })));
  after(() => sb.close());

  it('keeps the newest events and their deliveries only', async () => {
    const trxNos: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const { trxNo } = await client.checkout();
      trxNos.push(String(trxNo));
      await sb.pay(String(trxNo));
    }
    const kept = sb
      .events()
      .map((event) => (JSON.parse(event.body) as { data: { trxNo: string } }).data.trxNo);
    assert.deepEqual(kept, trxNos.slice(-3));
    assert.deepEqual(
      sb.deliveries().map((delivery) => delivery.eventId),
      sb.events().map((event) => event.eventId),
    );
  });
});
