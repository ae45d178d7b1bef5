/**
 * Verifying an incoming WPay webhook: over the raw bytes, before parsing (wpay-api.md §7).
 *
 * Checks, in order: both headers present → the timestamp is a number of ms → it lies within
 * `toleranceMs` of our clock, in either direction → the signature is the one canonical Base64
 * spelling of 64 bytes → it matches one of the sign keys (HMAC over the raw bytes, compared in
 * constant time; `node:crypto` on Node, Web Crypto elsewhere) → the body is UTF-8 JSON → it is a webhook envelope.
 * Each failure is a {@link WPayWebhookError} whose `reason` names the check and whose message and
 * `hint` give the likely cause. No secret ever appears in an error.
 *
 * @module
 */

import { DEFAULTS } from '../defaults.js';
import { WPayConfigError, WPayWebhookError, type WPayWebhookErrorReason } from '../errors.js';
import {
  createSigner,
  isSignatureSpelling,
  type SignedMessage,
  type Signer,
} from '../transport/sign.js';
import { type HeadersLike, readHeader } from './read-header.js';
import { type RawBody, rawBodyBytes } from './webhook-crypto.js';
import { parseWebhookEvent, type WebhookEvent } from './webhook-event.js';

/**
 * Options of {@link verifyWebhook}. Give `signKey`, or `signKeys` during a key rotation.
 *
 * @example
 * ```ts
 * await verifyWebhook(rawBody, headers, { signKeys: [newKey, oldKey], toleranceMs: 60_000 });
 * ```
 */
export interface VerifyWebhookOptions {
  /** The API key's sign key. */
  signKey?: string;
  /** Several sign keys (rotation): a webhook signed with any one of them is accepted. */
  signKeys?: readonly string[];
  /** Accepted clock distance, both ways. Default 120 000 ms (±2 min). */
  toleranceMs?: number;
  /** The clock, in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Header names. Default `SIGNATURE` / `TIMESTAMP` (read in any letter case). */
  signatureHeader?: string;
  timestampHeader?: string;
  /** Web Crypto implementation. Default: `node:crypto` where the runtime has it, else `globalThis.crypto`. */
  crypto?: Pick<Crypto, 'subtle'>;
}

const HINT_PARSED_BODY =
  'Verify the exact raw bytes received (e.g. `await request.arrayBuffer()` or express.raw()), not JSON that a framework parsed and re-serialized.';

function refuse(reason: WPayWebhookErrorReason, message: string, hint: string): never {
  throw new WPayWebhookError({ reason, message, hint });
}

/**
 * The sign keys of `options`, checked: at least one non-empty key.
 *
 * @example
 * ```ts
 * signKeysOf({ signKeys: [newKey, oldKey] }); // [newKey, oldKey]
 * ```
 */
export function signKeysOf(options: Pick<VerifyWebhookOptions, 'signKey' | 'signKeys'>): string[] {
  const keys = [...(options.signKeys ?? []), ...(options.signKey ? [options.signKey] : [])];
  if (keys.length === 0 || keys.some((key) => typeof key !== 'string' || key.length === 0)) {
    throw new WPayConfigError({
      field: 'signKey',
      message: 'Webhook verification needs signKey (or signKeys), each a non-empty string',
      hint: 'Pass the sign key of the API key the webhook URL is configured on, e.g. { signKey: process.env.WPAY_SIGN_KEY }.',
    });
  }
  return keys;
}

function assertRawBody(rawBody: unknown): asserts rawBody is RawBody {
  if (typeof rawBody === 'string' || rawBody instanceof Uint8Array) return;
  if (rawBody instanceof ArrayBuffer) return;
  refuse(
    'malformed_body',
    `The webhook body was given as ${rawBody === null ? 'null' : typeof rawBody}, not as the raw text or bytes`,
    `A body parser probably parsed it already. ${HINT_PARSED_BODY}`,
  );
}

function missingHeader(name: string): never {
  return refuse(
    'missing_header',
    `The webhook has no ${name} header`,
    'Not a WPay delivery, a proxy dropped the header, or the header names differ (signatureHeader / timestampHeader options).',
  );
}

function checkTimestamp(stamp: string, now: number, toleranceMs: number, name: string): void {
  if (!/^\d{1,16}$/.test(stamp)) {
    refuse(
      'bad_timestamp',
      `The ${name} header is not a time in milliseconds since the epoch`,
      'WPay sends milliseconds; a value in seconds or a date string means the sender is not WPay or the header names are misconfigured.',
    );
  }
  const skew = now - Number(stamp);
  if (Math.abs(skew) > toleranceMs && Math.abs(now - Number(stamp) * 1000) <= toleranceMs) {
    refuse(
      'bad_timestamp',
      `The ${name} header is a time in seconds, not milliseconds since the epoch`,
      'WPay signs with milliseconds; the sender is not WPay, or it signs with a seconds clock by mistake.',
    );
  }
  if (skew > toleranceMs) {
    refuse(
      'timestamp_too_old',
      `The webhook was signed ${Math.round(skew / 1000)} s ago, more than the ${toleranceMs / 1000} s allowed`,
      'Either a replay of an old delivery, or this server’s clock runs ahead: check NTP.',
    );
  }
  if (-skew > toleranceMs) {
    refuse(
      'timestamp_in_future',
      `The webhook is signed ${Math.round(-skew / 1000)} s in the future, more than the ${toleranceMs / 1000} s allowed`,
      'This server’s clock is probably behind (check NTP), or the timestamp is forged.',
    );
  }
}

/** Whether every signer verifies synchronously (node:crypto): then no promise per delivery. */
function allSync(signers: readonly Signer[]): boolean {
  for (const signer of signers) if (!signer.verifyNow) return false;
  return true;
}

/** Whether any signer's key signed `message`. Each comparison is constant-time; every key is tried. */
function signatureMatchesNow(
  signers: readonly Signer[],
  message: SignedMessage,
  signature: string,
): boolean {
  let matched = false;
  for (const signer of signers) {
    if (signer.verifyNow?.(message, signature)) matched = true;
  }
  return matched;
}

async function signatureMatchesAsync(
  signers: readonly Signer[],
  message: SignedMessage,
  signature: string,
): Promise<boolean> {
  let matched = false;
  for (const signer of signers) {
    if (await signer.verify(message, signature)) matched = true;
  }
  return matched;
}

const utf8 = new TextDecoder('utf-8', { fatal: true }); // stateless: decode() is never streamed

function decodeJson(body: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return refuse('malformed_body', 'The webhook body is not valid UTF-8', HINT_PARSED_BODY);
  }
  try {
    return JSON.parse(text);
  } catch {
    return refuse(
      'malformed_body',
      'The webhook body is signed correctly but is not JSON',
      'WPay sends JSON; check that the route receives WPay’s webhooks only.',
    );
  }
}

/** A delivery whose headers and timestamp passed: what the signature is checked over. */
interface Signed {
  signature: string;
  message: SignedMessage;
  body: Uint8Array;
  signatureHeader: string;
}

/** The checks before the signature: raw body, both headers, the timestamp window. */
function signedPartsOf(
  rawBody: RawBody,
  headers: HeadersLike,
  options: Omit<VerifyWebhookOptions, 'signKey' | 'signKeys'>,
): Signed {
  const {
    toleranceMs = DEFAULTS.webhooks.toleranceMs,
    now = Date.now,
    signatureHeader = DEFAULTS.protocol.headers.signature,
    timestampHeader = DEFAULTS.protocol.headers.timestamp,
  } = options;
  assertRawBody(rawBody);
  const signature = readHeader(headers, signatureHeader);
  const stamp = readHeader(headers, timestampHeader);
  if (!signature) missingHeader(signatureHeader);
  if (!stamp) missingHeader(timestampHeader);
  checkTimestamp(stamp, now(), toleranceMs, timestampHeader);
  const body = rawBodyBytes(rawBody);
  // TIMESTAMP + raw body, signed without joining them.
  return { signature, message: [stamp, body], body, signatureHeader };
}

/** The checks after the signature was compared: its spelling when it failed, then the event. */
function eventOf(signed: Signed, matched: boolean): WebhookEvent {
  const { signature, signatureHeader, body } = signed;
  // A signer refuses any spelling but the canonical one; which refusal it was is told only then,
  // so a valid delivery checks the spelling once.
  if (!matched) {
    if (!isSignatureSpelling(signature)) {
      refuse(
        'signature_mismatch',
        `The ${signatureHeader} header is not a canonical Base64 HMAC-SHA512 (standard alphabet, padded, no spaces)`,
        'Not a WPay signature: the sender is not WPay, or a proxy altered the header.',
      );
    }
    refuse(
      'signature_mismatch',
      `The ${signatureHeader} header does not match the body and timestamp for any configured sign key`,
      `Likely causes: the body was parsed and re-serialized by a framework (${HINT_PARSED_BODY.replace('Verify', 'verify')}), the signKey belongs to another API key or environment, or the body was altered or forged.`,
    );
  }
  const parsed = parseWebhookEvent(decodeJson(body));
  if (!parsed.success) {
    const list = parsed.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
    refuse(
      'invalid_event',
      `The webhook is signed correctly but is not a WPay event: ${list.join('; ')}`,
      'Check that the route receives WPay’s webhooks only; report the body to WPay if it is theirs.',
    );
  }
  return parsed.event;
}

/**
 * @internal The verification itself, with a signer per accepted key (each imports its key once).
 * Where every signer is synchronous (node:crypto) nothing inside awaits: the promise is settled
 * when it is returned.
 */
export async function verifyWithSigners(
  rawBody: RawBody,
  headers: HeadersLike,
  signers: readonly Signer[],
  options: Omit<VerifyWebhookOptions, 'signKey' | 'signKeys'>,
): Promise<WebhookEvent> {
  const signed = signedPartsOf(rawBody, headers, options);
  const { message, signature } = signed;
  const matched = allSync(signers)
    ? signatureMatchesNow(signers, message, signature)
    : await signatureMatchesAsync(signers, message, signature);
  return eventOf(signed, matched);
}

/**
 * Verifies a WPay webhook over its raw body and returns the typed event. Async; the HMAC is
 * `node:crypto`'s on Node, Bun and Deno, Web Crypto's elsewhere (Workers), chosen automatically. Throws {@link WPayWebhookError} with `reason`.
 *
 * @example
 * ```ts
 * const rawBody = await request.text(); // or new Uint8Array(await request.arrayBuffer())
 * try {
 *   const event = await verifyWebhook(rawBody, request.headers, { signKey: process.env.WPAY_SIGN_KEY });
 *   if (event.eventType === 'credit_card.order.paid') await markPaid(event.data.trxNo);
 * } catch (error) {
 *   if (error instanceof WPayWebhookError) return new Response(error.message, { status: 401 });
 *   throw error;
 * }
 * ```
 */
export async function verifyWebhook(
  rawBody: RawBody,
  headers: HeadersLike,
  options: VerifyWebhookOptions,
): Promise<WebhookEvent> {
  const signers = signKeysOf(options).map((key) => createSigner(key, options));
  return verifyWithSigners(rawBody, headers, signers, options);
}
