import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DB_PATH, DEFAULT_RECONCILE_EVERY_MS, readConfig } from './config.js';

const REAL = {
  WPAY_API_KEY: 'key_1',
  WPAY_API_SECRET: 'secret-do-not-print',
  WPAY_SIGN_KEY: 'sign-do-not-print',
  WPAY_ENV: 'sandbox',
};

describe('the demo settings', () => {
  describe('when nothing is set', () => {
    it('uses the embedded sandbox on port 3000 and the default database file', () => {
      const config = readConfig({});
      assert.deepEqual(config.wpay, { kind: 'sandbox' });
      assert.equal(config.port, 3000);
      assert.equal(config.dbPath, DEFAULT_DB_PATH);
      assert.match(config.dbPath, /demo[/\\]\.data[/\\]demo\.db$/);
    });
  });

  describe('when the reconciliation and recovery settings are given', () => {
    it('sweeps every 5 minutes by default, at RECONCILE_EVERY_MS when set, never with 0', () => {
      assert.equal(readConfig({}).reconcileEveryMs, DEFAULT_RECONCILE_EVERY_MS);
      assert.equal(DEFAULT_RECONCILE_EVERY_MS, 300_000);
      assert.equal(readConfig({ RECONCILE_EVERY_MS: '60000' }).reconcileEveryMs, 60_000);
      assert.equal(readConfig({ RECONCILE_EVERY_MS: '0' }).reconcileEveryMs, 0);
    });

    it('refuses a RECONCILE_EVERY_MS that is not a whole number of milliseconds', () => {
      assert.throws(() => readConfig({ RECONCILE_EVERY_MS: 'often' }), /RECONCILE_EVERY_MS/);
      assert.throws(() => readConfig({ RECONCILE_EVERY_MS: '-1' }), /RECONCILE_EVERY_MS/);
    });

    it('refuses a short RECOVERY_SECRET without echoing it', () => {
      assert.throws(
        () => readConfig({ RECOVERY_SECRET: 'short-do-not-print' }),
        (error: Error) =>
          /RECOVERY_SECRET: must be at least 32/.test(error.message) &&
          !error.message.includes('short-do-not-print'),
      );
      const secret = 'x'.repeat(32);
      assert.equal(readConfig({ RECOVERY_SECRET: secret }).recoverySecret, secret);
    });
  });

  describe('when the three credentials and WPAY_ENV are set', () => {
    it('uses real WPay in that environment', () => {
      const config = readConfig(REAL);
      assert.equal(config.wpay.kind, 'real');
      assert.deepEqual(config.wpay.kind === 'real' && config.wpay.endpoint, {
        environment: 'sandbox',
      });
    });

    it('prefers WPAY_BASE_URL', () => {
      const config = readConfig({ ...REAL, WPAY_BASE_URL: 'https://openapi.dev.stablelink.app' });
      assert.deepEqual(config.wpay.kind === 'real' && config.wpay.endpoint, {
        baseUrl: 'https://openapi.dev.stablelink.app',
      });
    });
  });

  it('refuses a partial set of credentials, naming what is missing but no secret', () => {
    const { WPAY_SIGN_KEY: _, ...partial } = REAL;
    assert.throws(
      () => readConfig(partial),
      (error: Error) => {
        assert.match(error.message, /missing WPAY_SIGN_KEY/);
        assert.doesNotMatch(error.message, /do-not-print/);
        return true;
      },
    );
  });

  it('refuses credentials without an environment or base URL', () => {
    const { WPAY_ENV: _, ...noEnv } = REAL;
    assert.throws(() => readConfig(noEnv), /WPAY_ENV/);
  });

  it('refuses a port that is not a number, saying what a port is', () => {
    assert.throws(
      () => readConfig({ PORT: 'eighty' }),
      /PORT: must be a port number from 0 to 65535/,
    );
  });

  it('refuses a port out of range', () => {
    assert.throws(() => readConfig({ PORT: '70000' }), /PORT: must be a port number/);
  });

  it('refuses an unknown WPAY_ENV, naming the two it knows', () => {
    assert.throws(
      () => readConfig({ ...REAL, WPAY_ENV: 'prod' }),
      /WPAY_ENV: must be production or sandbox/,
    );
  });

  it('refuses a WPAY_BASE_URL that is not an http(s) URL, without echoing it', () => {
    assert.throws(
      () => readConfig({ ...REAL, WPAY_BASE_URL: 'ftp://do-not-print.example' }),
      (error: Error) => {
        assert.match(error.message, /WPAY_BASE_URL: must be an http\(s\) URL/);
        assert.doesNotMatch(error.message, /do-not-print/);
        return true;
      },
    );
  });

  it('refuses WPAY_ENV without credentials rather than quietly using the embedded sandbox', () => {
    assert.throws(
      () => readConfig({ WPAY_ENV: 'sandbox' }),
      /WPAY_ENV is set, but real WPay also needs WPAY_API_KEY, WPAY_API_SECRET, WPAY_SIGN_KEY/,
    );
  });

  it('reads PUBLIC_URL, the shop’s public base URL (unset: the address it listens on)', () => {
    assert.equal(readConfig({}).publicUrl, undefined);
    assert.equal(
      readConfig({ PUBLIC_URL: 'https://shop.example' }).publicUrl,
      'https://shop.example',
    );
    assert.throws(
      () => readConfig({ PUBLIC_URL: 'ftp://shop.example' }),
      /PUBLIC_URL: must be an http\(s\) URL/,
    );
  });

  it('treats an empty variable as unset', () => {
    assert.equal(readConfig({ PORT: '', WPAY_API_KEY: '' }).wpay.kind, 'sandbox');
  });
});
