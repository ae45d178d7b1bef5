import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Sandbox } from '../../index.js';
import {
  checkoutBody,
  HPP,
  sandboxWithClient,
  subscriptionBody,
  type TestClient,
} from '../../test/wpay-client.js';

describe('when creating a hosted payment page', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('answers trxNo, mchOrderNo, numeric status, amount and redirectUrl', async () => {
    const body = checkoutBody();
    const answer = await client.call(HPP, body);
    assert.equal(answer.status, 200);
    assert.equal(answer.json.retcode, '200');
    const data = answer.json.retdata as Record<string, unknown>;
    assert.match(String(data.trxNo), /^TRX\d+$/);
    assert.equal(data.mchOrderNo, body.mchOrderNo);
    assert.equal(data.status, 1);
    assert.equal(data.amount, 19.99);
    assert.match(String(data.redirectUrl), new RegExp(`^${sb.url}/hpp/hpp_[0-9a-f]+$`));
  });

  it('accepts the documented request example (required fields only)', async () => {
    const answer = await client.call(HPP, {
      mchOrderNo: 'M20260423001',
      amount: 99.99,
      currency: 'USD',
      payMode: 'ONETIME',
      successUrl: 'https://merchant.example.com/success',
      cancelUrl: 'https://merchant.example.com/cancel',
    });
    assert.equal(answer.json.retcode, '200');
  });

  it('keeps amounts free of float artifacts', async () => {
    const data = await client.checkout({ amount: 0.3 });
    const answer = await client.call('/checkout/w-payment/payments/detail', { trxNo: data.trxNo });
    assert.match(answer.text, /"amount":0.3[,}]/);
    assert.doesNotMatch(answer.text, /0000000000/);
  });

  it('accepts a JPY amount without decimals', async () => {
    const data = await client.checkout({ amount: 500, currency: 'JPY' });
    assert.equal(data.amount, 500);
  });

  it('uses the publicUrl option in redirectUrl', async () => {
    const other = await sandboxWithClient({ publicUrl: 'https://pay.sandbox.test/' });
    try {
      const data = await other.client.checkout();
      assert.match(String(data.redirectUrl), /^https:\/\/pay\.sandbox\.test\/hpp\/hpp_/);
    } finally {
      await other.sb.close();
    }
  });
});

describe('when the checkout fields are invalid', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  const refusal = async (fields: Record<string, unknown>) => {
    const answer = await client.call(HPP, checkoutBody(fields));
    return {
      status: answer.status,
      retcode: answer.json.retcode,
      retmsg: String(answer.json.retmsg),
    };
  };

  it('names every bad field in one 400', async () => {
    const r = await refusal({ amount: -1, currency: 'usd', successUrl: 'not a url' });
    assert.equal(r.status, 400);
    assert.equal(r.retcode, '400');
    assert.match(r.retmsg, /amount: /);
    assert.match(r.retmsg, /currency: /);
    assert.match(r.retmsg, /successUrl: /);
    assert.doesNotMatch(r.retmsg, /cancelUrl/);
  });

  it('refuses an amount with more decimals than the currency has', async () => {
    const r = await refusal({ amount: 19.999 });
    assert.equal(r.retcode, '400');
    assert.match(r.retmsg, /amount: 19.999 has more than 2 decimal places for USD/);
  });

  it('refuses decimals for JPY', async () => {
    const r = await refusal({ amount: 500.5, currency: 'JPY' });
    assert.match(r.retmsg, /amount: .*0 decimal places for JPY/);
  });

  it('refuses an amount sent as a string', async () => {
    const r = await refusal({ amount: '19.99' });
    assert.match(r.retmsg, /amount: must be a JSON number/);
  });

  it('refuses zero', async () => {
    const r = await refusal({ amount: 0 });
    assert.match(r.retmsg, /amount: must be greater than 0/);
  });

  it('refuses an unknown currency', async () => {
    const r = await refusal({ currency: 'XXX' });
    assert.match(r.retmsg, /currency: is not a supported currency/);
  });

  it('refuses a payMode other than ONETIME or SUBSCRIPTION', async () => {
    const r = await refusal({ payMode: 'ONCE' });
    assert.match(r.retmsg, /payMode: /);
  });

  it('refuses a missing cancelUrl', async () => {
    const r = await refusal({ cancelUrl: undefined });
    assert.match(r.retmsg, /cancelUrl: is required/);
  });

  it('refuses a bad customerEmail', async () => {
    const r = await refusal({ customerEmail: 'ada' });
    assert.match(r.retmsg, /customerEmail: /);
  });

  it('refuses a mchOrderNo with spaces with 00008', async () => {
    const r = await refusal({ mchOrderNo: 'order 1' });
    assert.equal(r.status, 400);
    assert.equal(r.retcode, '00008');
    assert.match(r.retmsg, /mchOrderNo/);
  });

  it('refuses a mchOrderNo of 65 characters with 00008', async () => {
    const r = await refusal({ mchOrderNo: 'A'.repeat(65) });
    assert.equal(r.retcode, '00008');
  });

  it('refuses an empty mchOrderNo with 00008', async () => {
    const r = await refusal({ mchOrderNo: '' });
    assert.equal(r.retcode, '00008');
  });

  it('refuses a missing mchOrderNo with 400', async () => {
    const r = await refusal({ mchOrderNo: undefined });
    assert.equal(r.retcode, '400');
    assert.match(r.retmsg, /mchOrderNo: is required/);
  });

  it('refuses a subscription without its interval fields, naming each', async () => {
    const answer = await client.call(
      HPP,
      subscriptionBody({
        mchSubscriptionNo: undefined,
        intervalUnit: 'fortnight',
        intervalCount: 0,
      }),
    );
    const retmsg = String(answer.json.retmsg);
    assert.equal(answer.json.retcode, '400');
    assert.match(retmsg, /mchSubscriptionNo: is required/);
    assert.match(retmsg, /intervalUnit: /);
    assert.match(retmsg, /intervalCount: /);
  });
});

describe('when a mchOrderNo is re-used', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('returns the same session for the same content', async () => {
    const body = checkoutBody();
    const first = await client.call(HPP, body);
    const second = await client.call(HPP, { ...body });
    assert.deepEqual(second.json.retdata, first.json.retdata);
    assert.equal(sb.state.payments.filter((p) => p.mchOrderNo === body.mchOrderNo).length, 1);
  });

  it('refuses different content with 409 naming the field', async () => {
    const body = checkoutBody();
    await client.call(HPP, body);
    const answer = await client.call(HPP, { ...body, amount: 20 });
    assert.equal(answer.status, 409);
    assert.equal(answer.json.retcode, '409');
    assert.match(String(answer.json.retmsg), /mchOrderNo: .*different content \(amount\)/);
  });

  it('counts one checkout for the two calls', async () => {
    const before = sb.stats().checkouts;
    const body = checkoutBody();
    await client.call(HPP, body);
    await client.call(HPP, body);
    assert.equal(sb.stats().checkouts, before + 1);
  });
});

describe('when a mchSubscriptionNo is re-used by another order', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  /** A first subscription checkout, and a second order for the same mchSubscriptionNo. */
  const twice = async (
    change: Record<string, unknown> = {},
    between?: (trxNo: string) => unknown,
  ) => {
    const first = subscriptionBody();
    const { trxNo } = await client.checkout(first);
    await between?.(String(trxNo));
    const second = subscriptionBody({ mchSubscriptionNo: first.mchSubscriptionNo, ...change });
    const answer = await client.call(HPP, second);
    return {
      answer,
      retmsg: String(answer.json.retmsg),
      mchSubscriptionNo: first.mchSubscriptionNo,
    };
  };

  it('accepts it with the same terms once the first checkout was cancelled, for one subscription', async () => {
    const { answer, mchSubscriptionNo } = await twice({}, (trxNo) => sb.cancel(trxNo));
    assert.equal(answer.json.retcode, '200', answer.text);
    await sb.pay(String((answer.json.retdata as Record<string, unknown>).trxNo));
    const subs = sb.state.subscriptions.filter((s) => s.mchSubscriptionNo === mchSubscriptionNo);
    assert.equal(subs.length, 1);
  });

  it('accepts it after the first checkout was declined', async () => {
    const { answer } = await twice({}, (trxNo) => sb.pay(trxNo, { card: 'declined' }));
    assert.equal(answer.json.retcode, '200', answer.text);
  });

  it('refuses other terms with 409 naming the field', async () => {
    const { answer, retmsg } = await twice({ amount: 19.99 }, (trxNo) => sb.cancel(trxNo));
    assert.equal(answer.status, 409);
    assert.equal(answer.json.retcode, '409');
    assert.match(retmsg, /mchSubscriptionNo: .*different content \(amount\)/);
  });

  it('refuses another interval with 409 naming it', async () => {
    const { retmsg } = await twice({ intervalUnit: 'year' }, (trxNo) => sb.cancel(trxNo));
    assert.match(retmsg, /mchSubscriptionNo: .*different content \(intervalUnit\)/);
  });

  it('refuses it while the first checkout is still open, with 409', async () => {
    const { answer, retmsg } = await twice();
    assert.equal(answer.status, 409);
    assert.match(retmsg, /mchSubscriptionNo: .* open checkout/);
  });

  it('refuses it once the subscription exists, with 409', async () => {
    const { answer, retmsg } = await twice({}, (trxNo) => sb.pay(trxNo));
    assert.equal(answer.status, 409);
    assert.match(retmsg, /mchSubscriptionNo: .* a subscription/);
  });
});

describe('when creating a subscription checkout', () => {
  let sb: Sandbox;
  let client: TestClient;
  before(async () => ({ sb, client } = await sandboxWithClient()));
  after(() => sb.close());

  it('accepts payMode SUBSCRIPTION with mchSubscriptionNo, intervalUnit and intervalCount', async () => {
    const data = await client.checkout(subscriptionBody());
    assert.equal(data.status, 1);
    const payment = sb.state.payment(String(data.trxNo));
    assert.equal(payment?.payMode, 'SUBSCRIPTION');
    assert.equal(payment?.intervalUnit, 'month');
  });
});
