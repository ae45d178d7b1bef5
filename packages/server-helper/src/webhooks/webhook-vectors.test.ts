// The webhook known-answer vectors of @wpay/protocol, read by every implementation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WebhookSignatureVector } from '@wpay/protocol';
import webhooks from '@wpay/protocol/vectors/webhooks.json' with { type: 'json' };
import { WPayWebhookError } from '../errors.js';
import { signWebhook } from './sign-webhook.js';
import { verifyWebhook } from './verify-webhook.js';

const VECTORS: WebhookSignatureVector[] = webhooks.vectors;

describe('when signing and verifying the webhook vectors', () => {
  it('signWebhook produces each published signature', async () => {
    for (const v of VECTORS) {
      const signed = await signWebhook(v.body, {
        signKey: v.signKey,
        timestamp: Number(v.timestamp),
      });
      assert.equal(signed.signature, v.signature, v.name);
    }
  });

  it('verifyWebhook accepts each one at its own time', async () => {
    for (const v of VECTORS) {
      const headers = { SIGNATURE: v.signature, TIMESTAMP: v.timestamp };
      const now = () => Number(v.timestamp);
      const event = await verifyWebhook(v.body, headers, { signKey: v.signKey, now });
      assert.equal(event.raw.eventId, JSON.parse(v.body).eventId, v.name);
    }
  });

  it('verifyWebhook refuses each one with a byte of the body changed', async () => {
    for (const v of VECTORS) {
      const headers = { SIGNATURE: v.signature, TIMESTAMP: v.timestamp };
      const now = () => Number(v.timestamp);
      await assert.rejects(
        verifyWebhook(`${v.body} `, headers, { signKey: v.signKey, now }),
        (error) => error instanceof WPayWebhookError && error.reason === 'signature_mismatch',
        v.name,
      );
    }
  });
});
