// No message, log line, hook payload or error property ever carries the api secret, the sign key
// or a token: collect everything the client exposes and search it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inspect } from 'node:util';
import type { WPayOptions } from './options.js';
import { CREDENTIALS, type FakeWPay, ok, refuse, startFakeWPay } from './test/fake-wpay.js';
import { WPay } from './wpay.js';

function walk(value: unknown, seen = new Set<unknown>()): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' && typeof value !== 'function') return [String(value)];
  if (seen.has(value)) return [];
  seen.add(value);
  const out: string[] = [];
  if (value instanceof Error) out.push(value.message, String(value.stack));
  for (const key of Reflect.ownKeys(value)) {
    out.push(String(key));
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (descriptor && 'value' in descriptor) out.push(...walk(descriptor.value, seen));
  }
  return out;
}

describe('secrets', () => {
  let fake: FakeWPay;
  const exposed: unknown[] = [];
  const tokens = new Set<string>();
  let wpay: WPay;

  before(async () => {
    fake = await startFakeWPay();
    const record = (...args: unknown[]) => exposed.push(args);
    const options: WPayOptions = {
      ...CREDENTIALS,
      webhookSignKeys: ['previous-sign-key-1'],
      baseUrl: fake.url,
      sleep: async () => {},
      onRequest: record,
      onResponse: record,
      onRetry: record,
      logger: { debug: record, info: record, warn: record, error: record },
    };
    wpay = new WPay(options);
    const rememberTokens = () => {
      if (fake.currentToken) tokens.add(fake.currentToken);
      if (fake.currentRefreshToken) tokens.add(fake.currentRefreshToken);
    };
    /**
     * A fetch wrapper (an APM agent, a retry library) whose error copies the request: the bearer
     * token or the api secret in its message, its own properties, a nested cause and an
     * AggregateError's `errors`.
     */
    const leakyFetch =
      (failOn: 'api' | 'token'): typeof fetch =>
      async (input, init = {}) => {
        const headers = new Headers(init.headers);
        const isToken = !headers.has('authorization');
        if (isToken !== (failOn === 'token')) return fetch(input, init);
        const auth = headers.get('authorization') ?? '';
        if (auth) tokens.add(auth.replace(/^Bearer /, ''));
        const sent = init.body instanceof FormData ? Object.fromEntries(init.body) : init.body;
        const detail = `POST ${String(input)} Authorization: ${auth} body=${JSON.stringify(sent)}`;
        const inner = Object.assign(new Error(`socket hang up after ${detail}`), {
          code: 'ECONNRESET',
          config: { headers: { Authorization: auth }, data: sent },
        });
        throw Object.assign(
          new TypeError(`fetch failed: ${detail}`, {
            cause: new AggregateError(
              [inner, new Error(`retry 2: ${detail}`)],
              `all failed: ${auth}`,
            ),
          }),
          {
            headers: Object.fromEntries(headers),
            rawHeaders: headers,
            request: new Request(String(input), { method: 'POST', headers }),
            options: { ...init, body: sent },
          },
        );
      };
    let calls = 0;
    fake.routes.set('/checkout/w-payment/payments/detail', () => {
      rememberTokens();
      calls++;
      if (calls === 1) return { status: 503, body: 'busy' };
      // A hostile or careless server echoing secrets in retmsg.
      return refuse(400, '400', `bad call with ${fake.currentToken} and ${CREDENTIALS.apiSecret}`);
    });
    fake.routes.set('/checkout/w-payment/refund', () => {
      rememberTokens();
      return refuse(401, '401', `token ${fake.currentToken} expired`);
    });
    fake.routes.set('/checkout/w-payment/subscriptions/detail', () => ok({ broken: true }));

    const attempts: Promise<unknown>[] = [
      wpay.payments.retrieve({ trxNo: 'TRX1' }),
      wpay.refunds.create({ trxNo: 'TRX1', amount: 1 }),
      wpay.subscriptions.retrieve({ id: 1 }),
      wpay.checkout.create({ mchOrderNo: 'bad no', amount: -1 } as never),
      new WPay({ ...options, apiSecret: 'wrong-secret-000' }).warmUp(),
      new WPay({
        ...options,
        fetch: async () => Promise.reject(new TypeError('fetch failed')),
      }).warmUp(),
      new WPay({ ...options, fetch: leakyFetch('api') }).payments.retrieve({ trxNo: 'TRX1' }),
      new WPay({ ...options, fetch: leakyFetch('token') }).warmUp(),
      wpay.webhooks.verify('{}', { SIGNATURE: 'AAAA', TIMESTAMP: String(Date.now()) }),
      Promise.resolve().then(
        () => new WPay({ ...options, webhookSignKeys: ['previous-sign-key-1', 7] } as never),
      ),
    ];
    await Promise.all(
      attempts.map((attempt) =>
        attempt.then(
          (value) => exposed.push(value),
          (error: unknown) => exposed.push(error),
        ),
      ),
    );
    rememberTokens();
    exposed.push(wpay);
  });
  after(() => fake.close());

  it('collected errors, hook payloads and log lines to search', () => {
    assert.ok(exposed.filter((item) => item instanceof Error).length >= 5);
    assert.ok(tokens.size >= 2);
  });

  it('never exposes the api secret, the sign key or a token', () => {
    const secrets = [
      CREDENTIALS.apiSecret,
      CREDENTIALS.signKey,
      'previous-sign-key-1',
      'wrong-secret-000',
      ...tokens,
    ];
    const haystacks = [
      ...exposed.flatMap((item) => walk(item)),
      ...exposed.map((item) => inspect(item, { depth: 20, showHidden: true })),
      ...exposed.map((item) => {
        try {
          return JSON.stringify(item) ?? '';
        } catch {
          return '';
        }
      }),
    ];
    for (const secret of secrets) {
      for (const text of haystacks) {
        assert.ok(!text.includes(secret), `found a secret in: ${text.slice(0, 300)}`);
      }
    }
  });
});
