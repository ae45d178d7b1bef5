/**
 * `wpay.webhooks`: verify (and, for tests, sign) webhooks with the keys of one configuration.
 *
 * @module
 */

import { createSigner } from '../transport/sign.js';
import type { HeadersLike } from './read-header.js';
import { type SignedWebhook, signWebhook } from './sign-webhook.js';
import { signKeysOf, type VerifyWebhookOptions, verifyWithSigners } from './verify-webhook.js';
import type { RawBody } from './webhook-crypto.js';
import type { WebhookEvent } from './webhook-event.js';

/**
 * The webhook tools bound to one configuration.
 *
 * @example
 * ```ts
 * const webhooks: Webhooks = wpay.webhooks;
 * const event = await webhooks.verify(rawBody, request.headers);
 * ```
 */
export interface Webhooks {
  /** Verifies `rawBody` + `headers` and returns the typed event; throws `WPayWebhookError`. */
  verify(rawBody: RawBody, headers: HeadersLike): Promise<WebhookEvent>;
  /** Signs `rawBody` with the first sign key, as WPay would (for tests and sandboxes). */
  sign(rawBody: RawBody, options?: { timestamp?: number }): Promise<SignedWebhook>;
}

/**
 * Binds webhook verification to a set of options; the sign keys are imported once.
 *
 * @example
 * ```ts
 * const webhooks = createWebhooks({ signKeys: [process.env.WPAY_SIGN_KEY!, process.env.WPAY_OLD_SIGN_KEY!] });
 * const event = await webhooks.verify(await request.arrayBuffer(), request.headers);
 * ```
 */
export function createWebhooks(options: VerifyWebhookOptions): Webhooks {
  const keys = signKeysOf(options);
  const signers = keys.map((key) => createSigner(key, options));
  return {
    verify(rawBody, headers) {
      return verifyWithSigners(rawBody, headers, signers, options);
    },
    sign(rawBody, { timestamp } = {}) {
      return signWebhook(rawBody, {
        ...options,
        signKey: keys[0] as string,
        ...(timestamp === undefined ? {} : { timestamp }),
      });
    },
  };
}
