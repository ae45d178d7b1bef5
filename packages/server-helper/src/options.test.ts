import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHECKOUT_DEFAULTS, WEBHOOK_DEFAULTS } from './defaults.js';
import { WPayConfigError } from './errors.js';
import { DEFAULTS, resolveOptions, type WPayOptions } from './options.js';
import { WPay } from './wpay.js';

const VALID: WPayOptions = {
  apiKey: 'key',
  apiSecret: 'secret-value-1',
  signKey: 'sign-value-1',
  environment: 'sandbox',
};

function refusedField(options: unknown): string {
  try {
    new WPay(options as WPayOptions);
  } catch (error) {
    assert.ok(error instanceof WPayConfigError, String(error));
    assert.equal(error.code, 'config');
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

  it('names a missing apiKey', () => {
    const { apiKey: _apiKey, ...rest } = VALID;
    assert.equal(refusedField(rest), 'apiKey');
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

  it('refuses neither environment nor baseUrl', () => {
    const { environment: _environment, ...rest } = VALID;
    assert.equal(refusedField(rest), 'environment');
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
      assert.deepEqual(settings.paths, DEFAULTS.paths);
      assert.deepEqual(settings.headers, {
        signature: 'SIGNATURE',
        timestamp: 'TIMESTAMP',
        authorization: 'Authorization',
      });
      assert.deepEqual(settings.authErrorRetcodes, ['401']);
    });

    it('overrides single nested settings and keeps the rest', () => {
      const { settings } = resolveOptions({
        ...VALID,
        paths: { refundCreate: '/v2/refund' },
        headers: { signature: 'D-SIGNATURE' },
        timeoutMs: 5000,
      });
      assert.equal(settings.paths.refundCreate, '/v2/refund');
      assert.equal(settings.paths.checkoutCreate, DEFAULTS.paths.checkoutCreate);
      assert.equal(settings.headers.signature, 'D-SIGNATURE');
      assert.equal(settings.headers.timestamp, 'TIMESTAMP');
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

    it('keeps WEBHOOK_DEFAULTS and CHECKOUT_DEFAULTS as views of DEFAULTS', () => {
      assert.equal(CHECKOUT_DEFAULTS, DEFAULTS.checkout);
      assert.deepEqual(WEBHOOK_DEFAULTS, {
        signatureHeader: DEFAULTS.headers.signature,
        timestampHeader: DEFAULTS.headers.timestamp,
        ...DEFAULTS.webhooks,
      });
    });

    it('keeps the default of a setting given as undefined, at any depth', () => {
      const { settings } = resolveOptions({
        ...VALID,
        timeoutMs: undefined,
        paths: { refundCreate: undefined },
        webhooks: { toleranceMs: undefined },
        status: { scan: { pageSize: undefined } },
      });
      assert.equal(settings.timeoutMs, DEFAULTS.timeoutMs);
      assert.equal(settings.paths.refundCreate, DEFAULTS.paths.refundCreate);
      assert.equal(settings.webhooks.toleranceMs, DEFAULTS.webhooks.toleranceMs);
      assert.equal(settings.status.scan.pageSize, DEFAULTS.status.scan.pageSize);
    });

    it('lets an environment URL be corrected', () => {
      const wpay = new WPay({
        ...VALID,
        environments: { sandbox: 'https://openapi.dev.stablelink.app' },
      });
      assert.equal(wpay.baseUrl, 'https://openapi.dev.stablelink.app');
    });
  });
});
