/**
 * WPay's answer envelope (§4): `{"retcode":"200","retmsg":…,"retdata":{…}}`. Success is decided by
 * `retcode` only (string or number), whatever the HTTP status.
 *
 * @module
 */

import { englishZodMessages } from '../english-zod-messages.js';
import { WPayApiError, WPayAuthError } from '../errors.js';
import type { WPaySettings } from '../options.js';
import * as z from '../zod.js';
import { parseRetryAfter } from './retry.js';
import type { Answer } from './send.js';

englishZodMessages();

/**
 * The envelope, loosely: unknown keys are kept, `retcode` may be a string or a number.
 *
 * @example
 * ```ts
 * envelopeSchema.parse({ retcode: 200, retmsg: null, retdata: { trxNo: 'TRX1' } });
 * ```
 */
export const envelopeSchema = z.looseObject({
  retcode: z.union([z.string(), z.number()]),
  retmsg: z.nullish(z.string()),
  retdata: z.optional(z.unknown()),
  success: z.optional(z.boolean()),
});

/**
 * A parsed envelope.
 *
 * @example
 * ```ts
 * const envelope: Envelope = envelopeSchema.parse(await response.json());
 * const ok = String(envelope.retcode) === '200';
 * ```
 */
export type Envelope = z.infer<typeof envelopeSchema>;

/** What interpreting an answer needs. */
export interface InterpretOptions {
  path: string;
  settings: WPaySettings;
  now: number;
  scrub: (text: string) => string;
}

/**
 * Parses JSON, or `undefined` when the text is not JSON.
 *
 * @example
 * ```ts
 * parseJson('{"a":1}'); // { a: 1 }
 * ```
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The error for a refused answer: {@link WPayAuthError} for auth retcodes / statuses (except
 * signature refusals, which are {@link WPayApiError} with a sign-key hint), else WPayApiError.
 * Its `retryAfterMs` carries the answer's `Retry-After` for the retry loop.
 *
 * @example
 * ```ts
 * throw refusal({ retcode: '401', retmsg: 'expired' }, answer, options);
 * ```
 */
export function refusal(
  envelope: Pick<Envelope, 'retcode' | 'retmsg'> | undefined,
  answer: Answer,
  { path, settings, now, scrub }: InterpretOptions,
): WPayApiError {
  const retcode = envelope?.retcode;
  const code = retcode === undefined ? undefined : String(retcode);
  const init = {
    retcode,
    retmsg: envelope?.retmsg ? scrub(envelope.retmsg) : envelope?.retmsg,
    httpStatus: answer.status,
    path,
    retryAfterMs: parseRetryAfter(answer.headers.get('retry-after'), now),
  };
  if (code !== undefined && settings.protocol.signatureErrorRetcodes.includes(code)) {
    return new WPayApiError({
      ...init,
      hint: 'WPay refused the signature: check signKey, the signature header names and this server’s clock (±2 min).',
    });
  } else if (
    (code !== undefined && settings.protocol.authErrorRetcodes.includes(code)) ||
    settings.protocol.authErrorHttpStatuses.includes(answer.status)
  ) {
    return new WPayAuthError(init);
  }
  return new WPayApiError(
    code === undefined
      ? { ...init, message: `WPay answered ${path} with HTTP ${answer.status} and no envelope` }
      : init,
  );
}

/**
 * The `retdata` of a successful answer.
 *
 * @throws {WPayApiError} (or {@link WPayAuthError}) for any other answer.
 * @example
 * ```ts
 * const data = interpretEnvelope(answer, { path, settings, now: Date.now(), scrub: (t) => t });
 * ```
 */
export function interpretEnvelope(answer: Answer, options: InterpretOptions): unknown {
  const parsed = envelopeSchema.safeParse(parseJson(answer.text));
  if (!parsed.success) {
    if (answer.status >= 200 && answer.status < 300) {
      throw new WPayApiError({
        retcode: undefined,
        retmsg: undefined,
        httpStatus: answer.status,
        path: options.path,
        message: `WPay answered ${options.path} with a body that is not its JSON envelope`,
        hint: 'Check baseUrl: something other than WPay (a proxy, a login page) may be answering.',
      });
    }
    throw refusal(undefined, answer, options);
  }
  const envelope = parsed.data;
  if (options.settings.protocol.successRetcodes.includes(String(envelope.retcode)))
    return envelope.retdata;
  throw refusal(envelope, answer, options);
}
