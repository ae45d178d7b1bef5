import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULTS } from './defaults.js';
import { WPayConfigError } from './errors.js';
import { resolveOptions, type WPayOptions } from './options.js';
import { CREDENTIALS, type FakeWPay, ok, startFakeWPay } from './test/fake-wpay.js';
import { WPay } from './wpay.js';

const VALID: WPayOptions = {
  apiKey: 'key',
  apiSecret: 'secret-value-1',
  signKey: 'sign-value-1',
  environment: 'sandbox',
};

function refusal(options: unknown): WPayConfigError {
  try {
    new WPay(options as WPayOptions);
  } catch (error) {
    assert.ok(error instanceof WPayConfigError, String(error));
    assert.equal(error.code, 'config');
    return error;
  }
  assert.fail('expected a WPayConfigError');
}

function refusedField(options: unknown): string {
  return refusal(options).field;
}

/** The field of the WPayConfigError that `validate()` (first use) throws for absent values. */
function laterRefusedField(options: unknown): string {
  const wpay = new WPay(options as WPayOptions);
  try {
    wpay.validate();
  } catch (error) {
    assert.ok(error instanceof WPayConfigError, String(error));
    return error.field;
  }
  assert.fail('expected a WPayConfigError');
}

describe('WPay options', () => {
  it('accepts credentials and an environment', () => {
    assert.equal(new WPay(VALID).baseUrl, 'https://openapi.stg.stablelink.app');
    assert.equal(
      new WPay({ ...VALID, environment: 'production' }).baseUrl,
      'https://openapi.stablelink.app',
    );
  });

  it('accepts a baseUrl instead, without its trailing slash', () => {
    const { environment: _environment, ...rest } = VALID;
    assert.equal(
      new WPay({ ...rest, baseUrl: 'http://127.0.0.1:4010/' }).baseUrl,
      'http://127.0.0.1:4010',
    );
  });

  it('names a missing apiKey at first use (absent credentials wait for it)', () => {
    const { apiKey: _apiKey, ...rest } = VALID;
    assert.equal(laterRefusedField(rest), 'apiKey');
  });

  it('names an empty apiSecret and signKey', () => {
    assert.equal(refusedField({ ...VALID, apiSecret: '' }), 'apiSecret');
    assert.equal(refusedField({ ...VALID, signKey: '' }), 'signKey');
  });

  it('refuses a baseUrl that is not an http(s) URL', () => {
    const { environment: _environment, ...rest } = VALID;
    assert.equal(refusedField({ ...rest, baseUrl: 'not a url' }), 'baseUrl');
    assert.equal(refusedField({ ...rest, baseUrl: 'ftp://example.com' }), 'baseUrl');
  });

  it('refuses both environment and baseUrl', () => {
    assert.equal(refusedField({ ...VALID, baseUrl: 'https://example.com' }), 'baseUrl');
  });

  it('refuses neither environment nor baseUrl, at first use', () => {
    const { environment: _environment, ...rest } = VALID;
    assert.equal(laterRefusedField(rest), 'environment');
  });

  it('refuses an unknown environment', () => {
    assert.equal(refusedField({ ...VALID, environment: 'staging' }), 'environment');
  });

  it('refuses unknown options (typos)', () => {
    assert.equal(refusedField({ ...VALID, timeoutMS: 5 }), 'timeoutMS');
  });

  it('refuses a non-object', () => {
    assert.equal(refusedField(undefined), 'options');
  });

  it('refuses a tokenStore without get/set/delete', () => {
    assert.equal(refusedField({ ...VALID, tokenStore: { get() {} } }), 'tokenStore');
  });

  it('refuses a negative timeout and too many retries', () => {
    assert.equal(refusedField({ ...VALID, timeoutMs: -1 }), 'timeoutMs');
    assert.equal(refusedField({ ...VALID, maxRetries: 99 }), 'maxRetries');
  });

  it('never puts a secret in the message', () => {
    try {
      new WPay({ ...VALID, apiKey: '', timeoutMs: 'x' } as unknown as WPayOptions);
    } catch (error) {
      assert.ok(error instanceof WPayConfigError);
      assert.doesNotMatch(error.message, /secret-value-1|sign-value-1/);
      return;
    }
    assert.fail('expected a WPayConfigError');
  });

  describe('when merging settings', () => {
    it('uses every default of DEFAULTS', () => {
      const { settings } = resolveOptions(VALID);
      assert.equal(settings.timeoutMs, 30_000);
      assert.equal(settings.maxRetries, 2);
      assert.equal(settings.tokenRefreshMarginSeconds, 300);
      assert.deepEqual(settings.protocol.paths, DEFAULTS.protocol.paths);
      assert.deepEqual(settings.protocol.headers, {
        signature: 'SIGNATURE',
        timestamp: 'TIMESTAMP',
        authorization: 'Authorization',
      });
      assert.deepEqual(settings.protocol.authErrorRetcodes, ['401']);
    });

    it('overrides single nested settings and keeps the rest', () => {
      const { settings } = resolveOptions({
        ...VALID,
        protocol: { paths: { refundCreate: '/v2/refund' }, headers: { signature: 'D-SIGNATURE' } },
        timeoutMs: 5000,
      });
      assert.equal(settings.protocol.paths.refundCreate, '/v2/refund');
      assert.equal(settings.protocol.paths.checkoutCreate, DEFAULTS.protocol.paths.checkoutCreate);
      assert.equal(settings.protocol.headers.signature, 'D-SIGNATURE');
      assert.equal(settings.protocol.headers.timestamp, 'TIMESTAMP');
      assert.equal(settings.timeoutMs, 5000);
    });

    it('holds the webhook, checkout and status handler defaults too', () => {
      const { settings } = resolveOptions(VALID);
      assert.deepEqual(settings.webhooks, DEFAULTS.webhooks);
      assert.equal(settings.webhooks.ackBody, 'SUCCESS');
      assert.equal(settings.webhooks.toleranceMs, 120_000);
      assert.equal(settings.webhooks.dedupeTtlMs, 48 * 3600_000);
      assert.equal(settings.checkout.idempotencyTtlMs, 24 * 3600_000);
      assert.equal(settings.checkout.payMode, 'ONETIME');
      assert.deepEqual(settings.status.scan, { maxPages: 5, pageSize: 50 });
    });

    it('overrides one handler setting and keeps the rest of its group', () => {
      const { settings } = resolveOptions({
        ...VALID,
        webhooks: { dedupeTtlMs: 1000 },
        checkout: { payMode: 'SUBSCRIPTION' },
        status: { scan: { maxPages: 1 } },
      });
      assert.equal(settings.webhooks.dedupeTtlMs, 1000);
      assert.equal(settings.webhooks.ackBody, 'SUCCESS');
      assert.equal(settings.checkout.payMode, 'SUBSCRIPTION');
      assert.equal(settings.checkout.maxBodyBytes, DEFAULTS.checkout.maxBodyBytes);
      assert.deepEqual(settings.status.scan, { maxPages: 1, pageSize: 50 });
    });

    it('refuses an unknown handler setting, naming it', () => {
      assert.equal(
        refusedField({ ...VALID, webhooks: { toleranceMS: 1 } }),
        'webhooks.toleranceMS',
      );
    });

    it('keeps the default of a setting given as undefined, at any depth', () => {
      const { settings } = resolveOptions({
        ...VALID,
        timeoutMs: undefined,
        protocol: { paths: { refundCreate: undefined } },
        webhooks: { toleranceMs: undefined },
        status: { scan: { pageSize: undefined } },
      });
      assert.equal(settings.timeoutMs, DEFAULTS.timeoutMs);
      assert.equal(settings.protocol.paths.refundCreate, DEFAULTS.protocol.paths.refundCreate);
      assert.equal(settings.webhooks.toleranceMs, DEFAULTS.webhooks.toleranceMs);
      assert.equal(settings.status.scan.pageSize, DEFAULTS.status.scan.pageSize);
    });

    it('lets an environment URL be corrected', () => {
      const wpay = new WPay({
        ...VALID,
        protocol: { environments: { sandbox: 'https://openapi.dev.stablelink.app' } },
      });
      assert.equal(wpay.baseUrl, 'https://openapi.dev.stablelink.app');
    });
  });

  describe('when a protocol fact is overridden', () => {
    let fake: FakeWPay;
    before(async () => {
      fake = await startFakeWPay();
    });
    after(() => fake.close());

    it('sends the call to the overridden path', async () => {
      fake.routes.set('/v2/payments/detail', () =>
        ok({ id: 1, trxNo: 'TRX1', status: 'PAID', mchOrderNo: 'o1', amount: 1, currency: 'USD' }),
      );
      const wpay = new WPay({
        ...CREDENTIALS,
        baseUrl: fake.url,
        protocol: { paths: { paymentsDetail: '/v2/payments/detail' } },
      });
      assert.equal((await wpay.payments.retrieve({ trxNo: 'TRX1' })).trxNo, 'TRX1');
      assert.deepEqual(
        fake.apiRequests.map((request) => request.path),
        ['/v2/payments/detail'],
      );
    });

    it('points a protocol override given at the top level to protocol', () => {
      const error = refusal({ ...VALID, paths: { refundCreate: '/v2/refund' } });
      assert.equal(error.field, 'paths');
      assert.match(error.hint ?? '', /protocol: \{ paths: … \}/);
    });

    it('names a bad or unknown protocol setting by its path, with the fix', () => {
      const bad = refusal({ ...VALID, protocol: { headers: { signature: '' } } });
      assert.equal(bad.field, 'protocol.headers.signature');
      assert.match(bad.hint ?? '', /^Correct protocol\.headers\.signature/);
      const unknown = refusal({ ...VALID, protocol: { pathz: {} } });
      assert.equal(unknown.field, 'protocol.pathz');
      assert.match(unknown.hint ?? '', /Remove protocol\.pathz or correct its spelling/);
    });
  });
});
