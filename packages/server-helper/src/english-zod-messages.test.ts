// This file imports no zod classic (which would install English itself): the helper alone must.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { config } from 'zod/mini';
import { englishZodMessages } from './english-zod-messages.js';
import { WPayConfigError, WPayValidationError } from './errors.js';
import { resolveOptions } from './options.js';
import { paymentSchema } from './schemas/payments.js';
import { validateAnswer } from './validate.js';

const OPTIONS = { apiKey: 'k', apiSecret: 's', signKey: 'g', environment: 'sandbox' } as const;

describe('when no zod classic is loaded and the app chose no zod locale', () => {
  it('reports a bad option in zod’s English words', () => {
    assert.throws(
      () => resolveOptions({ ...OPTIONS, timeoutMs: 'soon' as never }),
      (error: unknown) =>
        error instanceof WPayConfigError &&
        error.message ===
          'Invalid WPay options: timeoutMs: Invalid input: expected number, received string',
    );
  });

  it('reports a bad answer in zod’s English words', () => {
    assert.throws(
      () => validateAnswer(paymentSchema, { id: 1 }, 'answer of payments.retrieve'),
      (error: unknown) =>
        error instanceof WPayValidationError &&
        error.issues[0]?.message === 'Invalid input: expected string, received undefined',
    );
  });
});

describe('when the app chose a zod locale', () => {
  it('keeps it', () => {
    const chosen = config().localeError;
    const french = () => 'Entrée invalide';
    config({ localeError: french });
    try {
      englishZodMessages();
      assert.equal(config().localeError, french);
    } finally {
      config({ localeError: chosen });
    }
  });
});
