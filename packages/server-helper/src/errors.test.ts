import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  WPayApiError,
  WPayAuthError,
  WPayConfigError,
  WPayError,
  WPayNetworkError,
  WPaySignatureError,
  WPayTimeoutError,
  WPayValidationError,
  WPayWebhookError,
} from './errors.js';

describe('the error hierarchy', () => {
  it('gives every error a stable name, a code and a hint', () => {
    const errors: [WPayError, string, string][] = [
      [
        new WPayConfigError({ field: 'apiKey', message: 'm', hint: 'h' }),
        'WPayConfigError',
        'config',
      ],
      [
        new WPayValidationError({ what: 'request', issues: [{ path: 'amount', message: 'bad' }] }),
        'WPayValidationError',
        'validation',
      ],
      [
        new WPayApiError({ retcode: '404', retmsg: 'no', httpStatus: 404, path: '/p' }),
        'WPayApiError',
        'api',
      ],
      [
        new WPayAuthError({ retcode: 401, retmsg: 'expired', httpStatus: 401, path: '/p' }),
        'WPayAuthError',
        'auth',
      ],
      [new WPayNetworkError({ path: '/p', notSent: true }), 'WPayNetworkError', 'network'],
      [new WPayTimeoutError({ path: '/p', timeoutMs: 5 }), 'WPayTimeoutError', 'timeout'],
      [
        new WPaySignatureError({ path: '/p', reason: 'signature_mismatch' }),
        'WPaySignatureError',
        'signature',
      ],
      [
        new WPayWebhookError({ reason: 'bad_timestamp', message: 'm', hint: 'h' }),
        'WPayWebhookError',
        'webhook',
      ],
    ];
    for (const [error, name, code] of errors) {
      assert.ok(error instanceof WPayError);
      assert.ok(error instanceof Error);
      assert.equal(error.name, name);
      assert.equal(error.code, code);
      assert.ok(error.hint.length > 0);
      assert.ok(error.message.length > 0);
    }
  });

  it('makes an auth error an API error with code auth', () => {
    const error = new WPayAuthError({ retcode: '401', retmsg: 'x', httpStatus: 401, path: '/p' });
    assert.ok(error instanceof WPayApiError);
    assert.equal(error.retcode, '401');
  });

  it('lists every bad field in a validation message', () => {
    const error = new WPayValidationError({
      what: 'checkout.create request',
      issues: [
        { path: 'amount', message: 'too many decimals' },
        { path: 'currency', message: 'unknown' },
      ],
    });
    assert.equal(
      error.message,
      'Invalid checkout.create request: amount: too many decimals; currency: unknown',
    );
  });

  it('names the retcode and retmsg of an API refusal', () => {
    const error = new WPayApiError({
      retcode: '422',
      retmsg: 'refund above refundable',
      httpStatus: 422,
      path: '/checkout/w-payment/refund',
    });
    assert.match(error.message, /retcode 422/);
    assert.match(error.message, /refund above refundable/);
  });

  it('keeps the cause', () => {
    const cause = new Error('ECONNREFUSED');
    assert.equal(new WPayNetworkError({ path: '/p', notSent: true, cause }).cause, cause);
  });
});
