import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  WPayApiError,
  WPayNetworkError,
  WPaySignatureError,
  WPayTimeoutError,
  WPayValidationError,
} from '../errors.js';
import type { WPayOptions, WPayRetryEvent } from '../options.js';
import { MemoryTokenStore } from '../stores/token-store.js';
import {
  CREDENTIALS,
  type FakeWPay,
  noSleep,
  ok,
  refuse,
  sign,
  startFakeWPay,
} from '../test/fake-wpay.js';
import { WPay } from '../wpay.js';

const DETAIL = '/checkout/w-payment/payments/detail';
const REFUND = '/checkout/w-payment/refund';
const HPP = '/checkout/w-payment/hpp';
const PAYMENT = {
  id: 1,
  trxNo: 'TRX1',
  status: 'PAID',
  mchOrderNo: 'o1',
  amount: 1,
  currency: 'USD',
};
const ORDER = {
  mchOrderNo: 'order_1',
  amount: '19.99',
  currency: 'USD',
  payMode: 'ONETIME',
  successUrl: 'https://shop.example/ok',
  cancelUrl: 'https://shop.example/cancel',
} as const;

function connectionRefused(): TypeError {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
    code: 'ECONNREFUSED',
  });
  return new TypeError('fetch failed', { cause });
}

describe('signed business calls', () => {
  let fake: FakeWPay;
  let clock: number;
  let slept: number[];
  let retries: WPayRetryEvent[];
  // Counted by path: a request a timed-out test abandoned may reach the fake server late.
  const requestsTo = (path: string) => fake.apiRequests.filter((r) => r.path === path).length;
  const client = (extra: Partial<WPayOptions> = {}) =>
    new WPay({
      ...CREDENTIALS,
      baseUrl: fake.url,
      now: () => clock++,
      random: () => 0.5,
      sleep: async (ms) => {
        slept.push(ms);
      },
      onRetry: (event) => retries.push(event),
      ...extra,
    });
  /** A client whose token is already fetched (with the default timeout): only calls can time out. */
  const warmClient = async (extra: Partial<WPayOptions>) => {
    const tokenStore = new MemoryTokenStore();
    await client({ tokenStore }).warmUp();
    return client({ ...extra, tokenStore });
  };

  before(async () => {
    fake = await startFakeWPay();
  });
  after(() => fake.close());
  beforeEach(() => {
    clock = 1_800_000_000_000;
    slept = [];
    retries = [];
    fake.requests.length = 0;
    fake.apiRequests.length = 0;
    fake.tokenRequests.length = 0;
    fake.signResponses = false;
    fake.now = Date.now;
    fake.routes.clear();
    fake.routes.set(DETAIL, () => ok(PAYMENT));
  });

  describe('when signing', () => {
    it('signs METHOD + TIMESTAMP + PATH + BODY over exactly the bytes sent', async () => {
      await client().payments.retrieve({ trxNo: 'TRX1' });
      const [request] = fake.apiRequests;
      assert.ok(request);
      assert.equal(request.raw, '{"trxNo":"TRX1"}');
      assert.equal(request.headers['content-type'], 'application/json');
      const expected = sign(
        CREDENTIALS.signKey,
        `POST${request.headers.timestamp}${DETAIL}${request.raw}`,
      );
      assert.equal(request.headers.signature, expected);
      assert.match(String(request.headers.timestamp), /^\d{13}$/);
    });

    it('signs non-ASCII bodies over their UTF-8 bytes', async () => {
      fake.routes.set(REFUND, () => ok({ refundNo: 'R1' }));
      await client().refunds.create({ trxNo: 'TRX1', amount: '1.00', reason: 'café ☕ 退款' });
      assert.equal(fake.apiRequests[0]?.raw, '{"trxNo":"TRX1","amount":1,"reason":"café ☕ 退款"}');
    });

    it('includes the path prefix of baseUrl and the query in what it signs', async () => {
      const wpay = client({ baseUrl: `${fake.url}/api/` });
      fake.routes.set(`/api${DETAIL}`, () => ok(PAYMENT));
      await wpay.request(`${DETAIL}?lang=en`, { trxNo: 'TRX1' });
      const [request] = fake.apiRequests;
      assert.equal(request?.path, `/api${DETAIL}`);
      assert.equal(request?.query, 'lang=en');
    });

    it('signs every retry again with a fresh timestamp', async () => {
      let calls = 0;
      fake.routes.set(DETAIL, () => (++calls < 3 ? { status: 503, body: 'busy' } : ok(PAYMENT)));
      await client().payments.retrieve({ trxNo: 'TRX1' });
      const stamps = fake.apiRequests.map((request) => request.headers.timestamp);
      assert.equal(new Set(stamps).size, 3);
    });

    it('uses the configured header names', async () => {
      const wpay = client({
        protocol: { headers: { signature: 'D-SIGNATURE', timestamp: 'D-TIMESTAMP' } },
      });
      fake.routes.set(DETAIL, (request) => {
        assert.ok(request.headers['d-signature']);
        assert.ok(request.headers['d-timestamp']);
        return ok(PAYMENT);
      });
      // The fake checks SIGNATURE, so it refuses with 00006; the request carried the new names.
      await assert.rejects(wpay.payments.retrieve({ trxNo: 'TRX1' }), (error: unknown) => {
        assert.ok(error instanceof WPayApiError);
        assert.equal(error.retcode, '00006');
        return true;
      });
      assert.ok(fake.apiRequests[0]?.headers['d-signature']);
    });
  });

  describe('when WPay refuses', () => {
    it('throws WPayApiError with retcode, retmsg, HTTP status and path', async () => {
      fake.routes.set(DETAIL, () => refuse(404, '404', 'unknown trxNo TRX9'));
      await assert.rejects(client().payments.retrieve({ trxNo: 'TRX9' }), (error: unknown) => {
        assert.ok(error instanceof WPayApiError);
        assert.equal(error.retcode, '404');
        assert.equal(error.retmsg, 'unknown trxNo TRX9');
        assert.equal(error.httpStatus, 404);
        assert.equal(error.path, DETAIL);
        return true;
      });
      assert.equal(fake.apiRequests.length, 1);
    });

    it('decides by retcode even under HTTP 200', async () => {
      fake.routes.set(DETAIL, () => refuse(200, '422', 'nope'));
      await assert.rejects(client().payments.retrieve({ trxNo: 'TRX1' }), WPayApiError);
    });

    it('accepts success under a non-2xx HTTP status when retcode is 200', async () => {
      fake.routes.set(DETAIL, () => ({ ...ok(PAYMENT), status: 202 }));
      assert.equal((await client().payments.retrieve({ trxNo: 'TRX1' })).trxNo, 'TRX1');
    });

    it('says so when a 2xx body is not the envelope', async () => {
      fake.routes.set(DETAIL, () => ({ body: '<html>login</html>' }));
      await assert.rejects(client().payments.retrieve({ trxNo: 'TRX1' }), /not its JSON envelope/);
    });

    it('refuses an answer that does not match the schema, naming the field', async () => {
      fake.routes.set(DETAIL, () => ok({ ...PAYMENT, amount: 'lots' }));
      await assert.rejects(client().payments.retrieve({ trxNo: 'TRX1' }), (error: unknown) => {
        assert.ok(error instanceof WPayValidationError);
        assert.deepEqual(
          error.issues.map((issue) => issue.path),
          ['amount'],
        );
        return true;
      });
    });
  });

  describe('when retrying reads', () => {
    it('retries HTTP 500 and succeeds', async () => {
      let calls = 0;
      fake.routes.set(DETAIL, () => (++calls === 1 ? refuse(500, '500', 'oops') : ok(PAYMENT)));
      await client().payments.retrieve({ trxNo: 'TRX1' });
      assert.equal(fake.apiRequests.length, 2);
      assert.equal(retries.length, 1);
      assert.equal(retries[0]?.attempt, 1);
    });

    it('backs off exponentially with full jitter', async () => {
      fake.routes.set(DETAIL, () => ({ status: 502, body: 'bad gateway' }));
      await assert.rejects(
        client({ maxRetries: 3 }).payments.retrieve({ trxNo: 'TRX1' }),
        WPayApiError,
      );
      assert.deepEqual(slept, [250, 500, 1000]);
      assert.equal(fake.apiRequests.length, 4);
    });

    it('stops after maxRetries', async () => {
      fake.routes.set(DETAIL, () => ({ status: 503, body: 'x' }));
      await assert.rejects(client().payments.retrieve({ trxNo: 'TRX1' }), (error: unknown) => {
        assert.ok(error instanceof WPayApiError);
        assert.equal(error.httpStatus, 503);
        return true;
      });
      assert.equal(fake.apiRequests.length, 3);
    });

    it('honours Retry-After on 429', async () => {
      let calls = 0;
      fake.routes.set(DETAIL, () =>
        ++calls === 1
          ? { ...refuse(429, '429', 'slow down'), headers: { 'retry-after': '3' } }
          : ok(PAYMENT),
      );
      await client().payments.retrieve({ trxNo: 'TRX1' });
      assert.deepEqual(slept, [3000]);
    });

    it('carries the Retry-After delay on the refusal it throws', async () => {
      fake.routes.set(DETAIL, () => ({
        ...refuse(429, '429', 'slow down'),
        headers: { 'retry-after': '3' },
      }));
      const refusal = await client({ maxRetries: 0 })
        .payments.retrieve({ trxNo: 'TRX1' })
        .then(
          () => assert.fail('expected a refusal'),
          (error: unknown) => error,
        );
      assert.ok(refusal instanceof WPayApiError);
      assert.equal(refusal.retryAfterMs, 3000);
    });

    it('caps a huge Retry-After', async () => {
      let calls = 0;
      fake.routes.set(DETAIL, () =>
        ++calls === 1
          ? { status: 429, body: 'x', headers: { 'retry-after': '86400' } }
          : ok(PAYMENT),
      );
      await client().payments.retrieve({ trxNo: 'TRX1' });
      assert.deepEqual(slept, [60_000]);
    });

    it('does not retry a 4xx refusal', async () => {
      fake.routes.set(DETAIL, () => refuse(400, '400', 'trxNo: bad'));
      await assert.rejects(client().payments.retrieve({ trxNo: 'TRX1' }), WPayApiError);
      assert.equal(fake.apiRequests.length, 1);
    });

    it('retries a dropped connection', async () => {
      let calls = 0;
      fake.routes.set(DETAIL, () => (++calls === 1 ? { destroy: true } : ok(PAYMENT)));
      await client().payments.retrieve({ trxNo: 'TRX1' });
      assert.equal(fake.apiRequests.length, 2);
    });

    it('retries checkout.create after a timeout (idempotent by mchOrderNo)', async () => {
      let calls = 0;
      fake.routes.set(HPP, () =>
        ++calls === 1
          ? { hang: true }
          : ok({
              trxNo: 'TRX1',
              mchOrderNo: 'order_1',
              status: 1,
              amount: 19.99,
              redirectUrl: 'https://pay',
            }),
      );
      // Long enough that the answered retry never times out too on a loaded machine.
      const session = await (await warmClient({ timeoutMs: 1000 })).checkout.create(ORDER);
      assert.equal(session.trxNo, 'TRX1');
      assert.equal(requestsTo(HPP), 2);
    });
  });

  describe('when a call times out', () => {
    it('throws WPayTimeoutError after timeoutMs', async () => {
      fake.routes.set(DETAIL, () => ({ hang: true }));
      await assert.rejects(
        (await warmClient({ timeoutMs: 50, maxRetries: 0 })).payments.retrieve({ trxNo: 'TRX1' }),
        (error: unknown) => {
          assert.ok(error instanceof WPayTimeoutError);
          assert.equal(error.timeoutMs, 50);
          assert.equal(error.path, DETAIL);
          return true;
        },
      );
    });

    it('lets a per-call timeout override the option', async () => {
      fake.routes.set(DETAIL, () => ({ hang: true }));
      await assert.rejects(
        client().payments.retrieve({ trxNo: 'TRX1' }, { timeoutMs: 30, maxRetries: 0 }),
        WPayTimeoutError,
      );
    });

    it('stops at once when the caller aborts', async () => {
      fake.routes.set(DETAIL, () => ({ hang: true }));
      const controller = new AbortController();
      const call = client().payments.retrieve({ trxNo: 'TRX1' }, { signal: controller.signal });
      setTimeout(() => controller.abort(new Error('user left')), 20);
      await assert.rejects(call, /user left/);
      assert.equal(retries.length, 0);
    });
  });

  describe('when refunding (not idempotent)', () => {
    it('does not retry after a 5xx', async () => {
      fake.routes.set(REFUND, () => refuse(500, '500', 'oops'));
      await assert.rejects(
        client().refunds.create({ trxNo: 'TRX1', amount: '1.00' }),
        WPayApiError,
      );
      assert.equal(requestsTo(REFUND), 1);
    });

    it('does not retry after a timeout', async () => {
      fake.routes.set(REFUND, () => ({ hang: true }));
      await assert.rejects(
        (await warmClient({ timeoutMs: 50 })).refunds.create({ trxNo: 'TRX1', amount: '1.00' }),
        WPayTimeoutError,
      );
      assert.equal(requestsTo(REFUND), 1);
    });

    it('does not retry after the connection dropped mid-request', async () => {
      fake.routes.set(REFUND, () => ({ destroy: true }));
      await assert.rejects(
        client().refunds.create({ trxNo: 'TRX1', amount: '1.00' }),
        (error: unknown) => {
          assert.ok(error instanceof WPayNetworkError);
          assert.equal(error.notSent, false);
          return true;
        },
      );
      assert.equal(requestsTo(REFUND), 1);
    });

    it('retries when the connection was refused (provably never sent)', async () => {
      let refusedOnce = false;
      const wpay = client({
        fetch: async (input, init) => {
          if (String(input).endsWith(REFUND) && !refusedOnce) {
            refusedOnce = true;
            throw connectionRefused();
          }
          return fetch(input, init);
        },
      });
      fake.routes.set(REFUND, () => ok({ refundNo: 'R1' }));
      const refund = await wpay.refunds.create({ trxNo: 'TRX1', amount: '1.00' });
      assert.equal(refund.refundNo, 'R1');
      assert.equal(requestsTo(REFUND), 1);
      assert.equal(retries.length, 1);
    });

    it('reports a refused connection as a network error that was not sent', async () => {
      const wpay = client({
        fetch: async () => Promise.reject(connectionRefused()),
        maxRetries: 0,
      });
      await assert.rejects(wpay.payments.retrieve({ trxNo: 'TRX1' }), (error: unknown) => {
        assert.ok(error instanceof WPayNetworkError);
        assert.equal(error.notSent, true);
        assert.match(error.message, /ECONNREFUSED/);
        return true;
      });
    });

    it('does not retry a subscription cancel after a 5xx either', async () => {
      fake.routes.set('/checkout/w-payment/subscriptions/cancel', () => ({
        status: 503,
        body: 'x',
      }));
      await assert.rejects(client().subscriptions.cancel({ id: 1 }), WPayApiError);
      assert.equal(requestsTo('/checkout/w-payment/subscriptions/cancel'), 1);
    });
  });

  describe('when verifying signed responses', () => {
    it('accepts a correctly signed answer', async () => {
      fake.signResponses = true;
      fake.now = () => clock;
      const payment = await client({ verifyResponses: true }).payments.retrieve({ trxNo: 'TRX1' });
      assert.equal(payment.trxNo, 'TRX1');
    });

    it('refuses an answer with no signature', async () => {
      await assert.rejects(
        client({ verifyResponses: true }).payments.retrieve({ trxNo: 'TRX1' }),
        (error: unknown) => {
          assert.ok(error instanceof WPaySignatureError);
          assert.equal(error.reason, 'missing_header');
          return true;
        },
      );
    });

    it('refuses an answer signed with another key', async () => {
      fake.now = () => clock;
      fake.routes.set(DETAIL, () => {
        const body = JSON.stringify(ok(PAYMENT).body);
        const timestamp = String(clock);
        return {
          body,
          headers: {
            SIGNATURE: sign('other-key', `POST${timestamp}${DETAIL}${body}`),
            TIMESTAMP: timestamp,
          },
        };
      });
      await assert.rejects(
        client({ verifyResponses: true }).payments.retrieve({ trxNo: 'TRX1' }),
        (error: unknown) => {
          assert.ok(error instanceof WPaySignatureError);
          assert.equal(error.reason, 'signature_mismatch');
          return true;
        },
      );
    });

    it('refuses an answer signed too long ago', async () => {
      fake.signResponses = true;
      fake.now = () => clock - 10 * 60_000;
      await assert.rejects(
        client({ verifyResponses: true }).payments.retrieve({ trxNo: 'TRX1' }),
        (error: unknown) => error instanceof WPaySignatureError && error.reason === 'bad_timestamp',
      );
    });

    it('ignores response signatures when verifyResponses is off', async () => {
      const payment = await client().payments.retrieve({ trxNo: 'TRX1' });
      assert.equal(payment.trxNo, 'TRX1');
    });
  });

  it('retries a token request that failed with a 5xx', async () => {
    let calls = 0;
    const standard = fake.tokenHandler;
    fake.tokenHandler = (_request, f) => {
      if (++calls === 1) return { status: 503, body: 'x' };
      fake.tokenHandler = standard;
      f.currentToken = 'at-after-503';
      return {
        body: { retcode: '200', retdata: { access_token: 'at-after-503', expires_in: 600 } },
      };
    };
    await client().payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(fake.tokenRequests.length, 2);
    fake.tokenHandler = undefined;
  });

  it('runs with no retries and a real sleep when nothing is injected', async () => {
    const wpay = new WPay({ ...CREDENTIALS, baseUrl: fake.url, sleep: noSleep });
    assert.equal((await wpay.payments.retrieve({ trxNo: 'TRX1' })).trxNo, 'TRX1');
  });
});
