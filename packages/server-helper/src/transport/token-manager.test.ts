import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEFAULTS } from '../defaults.js';
import { WPayAuthError } from '../errors.js';
import { MemoryTokenStore } from '../stores/token-store.js';
import {
  CREDENTIALS,
  type FakeWPay,
  noSleep,
  ok,
  refuse,
  startFakeWPay,
} from '../test/fake-wpay.js';
import { WPay } from '../wpay.js';

const DETAIL = '/checkout/w-payment/payments/detail';
const PAYMENT = {
  id: 1,
  trxNo: 'TRX1',
  status: 'PAID',
  mchOrderNo: 'o1',
  amount: 19.99,
  currency: 'USD',
};

describe('access tokens', () => {
  let fake: FakeWPay;
  let now: number;
  const client = (extra: Partial<ConstructorParameters<typeof WPay>[0]> = {}) =>
    new WPay({ ...CREDENTIALS, baseUrl: fake.url, now: () => now, sleep: noSleep, ...extra });

  before(async () => {
    fake = await startFakeWPay();
  });
  after(() => fake.close());
  beforeEach(() => {
    now = 1_800_000_000_000;
    fake.requests.length = 0;
    fake.tokenRequests.length = 0;
    fake.apiRequests.length = 0;
    fake.tokenHandler = undefined;
    fake.refreshShape = 'bare';
    fake.expiresIn = 21600;
    fake.routes.set(DETAIL, () => ok(PAYMENT));
  });

  it('fetches one token for 100 concurrent calls on a cold client', async () => {
    const wpay = client();
    const results = await Promise.all(
      Array.from({ length: 100 }, () => wpay.payments.retrieve({ trxNo: 'TRX1' })),
    );
    assert.equal(results.length, 100);
    assert.equal(fake.tokenRequests.length, 1);
    assert.equal(fake.apiRequests.length, 100);
  });

  it('sends the token request unsigned as multipart/form-data with the client credentials', async () => {
    await client().payments.retrieve({ trxNo: 'TRX1' });
    const [request] = fake.tokenRequests;
    assert.ok(request);
    assert.match(request.contentType, /^multipart\/form-data; boundary=/);
    assert.equal(request.query, '');
    assert.deepEqual(request.form, {
      grant_type: 'client_credentials',
      api_key: CREDENTIALS.apiKey,
      api_secret: CREDENTIALS.apiSecret,
    });
    assert.equal(request.headers.signature, undefined);
    assert.equal(request.headers.authorization, undefined);
  });

  it('sends Authorization: Bearer with the token on business calls', async () => {
    await client().payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(fake.apiRequests[0]?.headers.authorization, `Bearer ${fake.currentToken}`);
  });

  it('reuses the token until shortly before it expires', async () => {
    const wpay = client();
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    now += (21600 - 301) * 1000;
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(fake.tokenRequests.length, 1);
  });

  it('refreshes the token within the margin before expiry, with the refresh token', async () => {
    const wpay = client();
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    const refreshToken = fake.currentRefreshToken;
    now += (21600 - 299) * 1000;
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(fake.tokenRequests.length, 2);
    assert.deepEqual(fake.tokenRequests[1]?.form, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
  });

  it('shrinks the margin to half the lifetime of a short-lived token', async () => {
    fake.expiresIn = 60;
    const wpay = client();
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    now += 29_000;
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(fake.tokenRequests.length, 1);
    now += 2_000;
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(fake.tokenRequests.length, 2);
  });

  it('accepts the enveloped shape of the refresh answer too', async () => {
    fake.refreshShape = 'envelope';
    const wpay = client();
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    now += 21600 * 1000;
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(fake.tokenRequests[1]?.form.grant_type, 'refresh_token');
    assert.equal(fake.apiRequests.at(-1)?.headers.authorization, `Bearer ${fake.currentToken}`);
  });

  it('accepts a retcode given as the number 200 or the string "200"', async () => {
    fake.tokenHandler = (_request, f) => {
      f.currentToken = 'at-number';
      return { body: { retcode: 200, retdata: { access_token: 'at-number', expires_in: 60 } } };
    };
    fake.routes.set(DETAIL, () => ({ body: { retcode: 200, retmsg: null, retdata: PAYMENT } }));
    assert.equal((await client().payments.retrieve({ trxNo: 'TRX1' })).trxNo, 'TRX1');
  });

  it('falls back to a new token when the refresh fails', async () => {
    const wpay = client();
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    fake.currentRefreshToken = 'rotated-elsewhere';
    now += 21600 * 1000;
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.deepEqual(
      fake.tokenRequests.map((request) => request.form.grant_type),
      ['client_credentials', 'refresh_token', 'client_credentials'],
    );
  });

  it('fetches a new token when the refresh token itself expired', async () => {
    const wpay = client();
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    now += 21600 * 2 * 1000;
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.deepEqual(
      fake.tokenRequests.map((request) => request.form.grant_type),
      ['client_credentials', 'client_credentials'],
    );
  });

  it('drops a refused token and retries the call once with a new one', async () => {
    const wpay = client();
    await wpay.payments.retrieve({ trxNo: 'TRX1' });
    fake.currentToken = 'superseded-by-someone-else';
    const payment = await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(payment.trxNo, 'TRX1');
    assert.equal(fake.tokenRequests.length, 2);
    assert.equal(fake.tokenRequests[1]?.form.grant_type, 'client_credentials');
    assert.equal(fake.apiRequests.length, 3);
  });

  it('gives up with WPayAuthError when the new token is refused too', async () => {
    fake.routes.set(DETAIL, () => refuse(401, '401', 'token expired'));
    await assert.rejects(client().payments.retrieve({ trxNo: 'TRX1' }), (error: unknown) => {
      assert.ok(error instanceof WPayAuthError);
      assert.equal(error.code, 'auth');
      assert.equal(error.retcode, '401');
      return true;
    });
    assert.equal(fake.apiRequests.length, 2);
    assert.equal(fake.tokenRequests.length, 2);
  });

  it('retries again when the token that had worked is revoked and its replacement is refused once', async () => {
    const wpay = client();
    await wpay.payments.retrieve({ trxNo: 'TRX1' }); // token 1 works
    fake.currentToken = 'revoked-by-wpay'; // token 1 revoked: an explained refusal
    let calls = 0;
    fake.routes.set(DETAIL, (_request, f) => {
      // the replacement (token 2) is refused too (unexplained: it never worked); token 3 works
      if (++calls === 1) {
        f.currentToken = 'revoked-again';
        return refuse(401, '401', 'revoked');
      }
      return ok(PAYMENT);
    });
    const payment = await wpay.payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(payment.trxNo, 'TRX1');
    assert.equal(fake.tokenRequests.length, 3);
  });

  it('never retries an auth failure with authRetryLimit: 0', async () => {
    fake.routes.set(DETAIL, () => refuse(401, '401', 'token expired'));
    await assert.rejects(
      client({ authRetryLimit: 0 }).payments.retrieve({ trxNo: 'TRX1' }),
      WPayAuthError,
    );
    assert.equal(fake.apiRequests.length, 1);
  });

  it('treats retcode 401 under HTTP 200 as an auth failure', async () => {
    let calls = 0;
    fake.routes.set(DETAIL, () => (++calls === 1 ? refuse(200, '401', 'expired') : ok(PAYMENT)));
    await client().payments.retrieve({ trxNo: 'TRX1' });
    assert.equal(fake.tokenRequests.length, 2);
  });

  it('refuses bad credentials with WPayAuthError and no retry', async () => {
    const wpay = new WPay({
      ...CREDENTIALS,
      apiSecret: 'wrong-secret',
      baseUrl: fake.url,
      sleep: noSleep,
    });
    await assert.rejects(wpay.payments.retrieve({ trxNo: 'TRX1' }), WPayAuthError);
    assert.equal(fake.tokenRequests.length, 1);
    assert.equal(fake.apiRequests.length, 0);
  });

  it('can send the token fields urlencoded instead', async () => {
    await client({ protocol: { tokenRequestEncoding: 'urlencoded' } }).payments.retrieve({
      trxNo: 'TRX1',
    });
    assert.match(fake.tokenRequests[0]?.contentType ?? '', /^application\/x-www-form-urlencoded/);
  });

  describe('when instances share a token store', () => {
    it('uses the token another instance stored', async () => {
      const tokenStore = new MemoryTokenStore({ now: () => now });
      await client({ tokenStore }).payments.retrieve({ trxNo: 'TRX1' });
      await client({ tokenStore }).payments.retrieve({ trxNo: 'TRX1' });
      assert.equal(fake.tokenRequests.length, 1);
    });

    it('fetches one token for many cold instances at once (lock, then re-read)', async () => {
      const tokenStore = new MemoryTokenStore({ now: () => now });
      const sleep = () => new Promise<void>((resolve) => setImmediate(resolve));
      const clients = Array.from({ length: 5 }, () => client({ tokenStore, sleep }));
      await Promise.all(clients.map((wpay) => wpay.payments.retrieve({ trxNo: 'TRX1' })));
      assert.equal(fake.tokenRequests.length, 1);
    });

    it('waits for the lock holder and fetches anyway when it never stores a token', async () => {
      const tokenStore = new MemoryTokenStore({ now: () => now });
      await tokenStore.lock(`wpay:token:${CREDENTIALS.apiKey}`, 60_000);
      const slept: number[] = [];
      const wpay = client({
        tokenStore,
        tokenLockWaitMs: 300,
        tokenLockPollMs: 100,
        sleep: async (ms) => {
          slept.push(ms);
        },
      });
      await wpay.payments.retrieve({ trxNo: 'TRX1' });
      assert.deepEqual(slept, [100, 100, 100]);
      assert.equal(fake.tokenRequests.length, 1);
    });

    it('keeps waiting while another instance holds the lock, and uses the token it stores', async () => {
      const tokenStore = new MemoryTokenStore({ now: () => now });
      const key = `wpay:token:${CREDENTIALS.apiKey}`;
      const release = await tokenStore.lock(key, DEFAULTS.tokenLockTtlMs);
      const holder = client({ tokenStore: new MemoryTokenStore({ now: () => now }) });
      await holder.payments.retrieve({ trxNo: 'TRX1' }); // the holder's own token, 1 request
      const heldForMs = 60_000; // a slow WPay: longer than the old 10 s wait and 30 s lock
      const waiter = client({
        tokenStore,
        sleep: async (ms) => {
          now += ms;
          if (now - start >= heldForMs && release) {
            await tokenStore.set(
              key,
              { accessToken: fake.currentToken as string, expiresAt: now + 3_600_000 },
              3600,
            );
            await release();
          }
        },
      });
      const start = now;
      await waiter.payments.retrieve({ trxNo: 'TRX1' });
      assert.equal(fake.tokenRequests.length, 1); // the waiter fetched none of its own
    });

    it('keeps a newer token in the store when an old one is refused', async () => {
      const tokenStore = new MemoryTokenStore({ now: () => now });
      const a = client({ tokenStore });
      const b = client({ tokenStore });
      await a.payments.retrieve({ trxNo: 'TRX1' });
      await tokenStore.delete(`wpay:token:${CREDENTIALS.apiKey}`);
      await b.payments.retrieve({ trxNo: 'TRX1' }); // b fetches a new token: a's is superseded
      await a.payments.retrieve({ trxNo: 'TRX1' }); // a is refused, re-reads the store
      assert.equal(fake.tokenRequests.length, 2);
    });
  });
});
