/**
 * Property-based hostile input for webhook verification and the webhook handler (fast-check),
 * shared by the quick runs in the normal suite and the large runs of `pnpm test:soak`.
 *
 * Each property starts from a genuine delivery signed by an independent HMAC (node:crypto) and
 * breaks one thing: the body, the timestamp, the signature's spelling, a header, the key.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { WPayWebhookError } from '../errors.js';
import { createWebhookHandler } from '../handlers/webhook-handler.js';
import { createWebhooks } from '../webhooks/create-webhooks.js';
import { verifyWebhook } from '../webhooks/verify-webhook.js';

export const SIGN_KEY = 'whsec_property_key_0123456789';
export const NOW = 1_760_000_000_000;
const TOLERANCE_MS = 120_000;
const now = () => NOW;

/** An independent signer, so the verifier and the test cannot share a mistake. */
export function nodeSign(key: string, timestamp: string, body: Uint8Array): string {
  return createHmac('sha512', key).update(timestamp, 'utf8').update(body).digest('base64');
}

/** A genuine delivery. */
export interface Delivery {
  body: Uint8Array;
  timestamp: string;
  signature: string;
}

const eventTypes = fc.constantFrom(
  'credit_card.order.paid',
  'credit_card.order.failed',
  'credit_card.order.cancelled',
  'credit_card.order.expired',
  'credit_card.subscription.expired',
  'credit_card.something.new',
);

/** A WPay event body as text (random ids, types, extra fields, any Unicode). */
export const eventText = fc
  .record({
    eventId: fc.string({ minLength: 1, maxLength: 40 }),
    eventType: eventTypes,
    createTime: fc.constant('2026-04-23T10:00:00'),
    data: fc.record({
      id: fc.integer({ min: 1 }),
      trxNo: fc.stringMatching(/^TRX\d{1,18}$/),
      mchOrderNo: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      mchSubscriptionNo: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
      status: fc.constantFrom('PAID', 'FAILED', 'PAYING', 'EXPIRED'),
      note: fc.string({ unit: 'grapheme', maxLength: 30 }),
    }),
  })
  .map((event) => JSON.stringify(event));

/** A genuine delivery, signed at a time within the window. */
export const delivery: fc.Arbitrary<Delivery> = fc
  .tuple(eventText, fc.integer({ min: -TOLERANCE_MS, max: TOLERANCE_MS }))
  .map(([text, skew]) => {
    const body = new TextEncoder().encode(text);
    const timestamp = String(NOW + skew);
    return { body, timestamp, signature: nodeSign(SIGN_KEY, timestamp, body) };
  });

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Other spellings and near misses of a signature (never the genuine string itself). */
function respell(signature: string, kind: number, at: number, char: number): string {
  const i = at % signature.length;
  switch (kind % 9) {
    case 0: {
      // The last data character with other unused bits: the same bytes to a lenient decoder.
      const last = signature.length - 3;
      const value = BASE64.indexOf(signature.charAt(last));
      const flipped = BASE64.charAt(value ^ ((char % 15) + 1));
      return `${signature.slice(0, last)}${flipped}${signature.slice(last + 1)}`;
    }
    case 1:
      return `${signature.slice(0, i)}${BASE64.charAt(char % 64)}${signature.slice(i + 1)}`;
    case 2:
      return signature.replace(/=+$/, '');
    case 3:
      return signature.replaceAll('+', '-').replaceAll('/', '_');
    case 4:
      return `${signature.slice(0, i)}${[' ', '\t', '\n', '\r'][char % 4]}${signature.slice(i)}`;
    case 5:
      return signature.slice(0, i);
    case 6:
      return `${signature}${BASE64.charAt(char % 64).repeat(4)}`;
    case 7:
      return signature.toLowerCase();
    default:
      return `${signature.slice(i)}${signature.slice(0, i)}`;
  }
}

/** A mutation of one part of a genuine delivery. */
export type Mutation =
  | { part: 'body'; kind: number; at: number; byte: number }
  | { part: 'timestamp'; kind: number; delta: number }
  | { part: 'signature'; kind: number; at: number; char: number }
  | { part: 'key'; key: string }
  | { part: 'header'; drop: 'signature' | 'timestamp' };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    part: fc.constant('body' as const),
    kind: fc.nat(3),
    at: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({
    part: fc.constant('timestamp' as const),
    kind: fc.nat(4),
    delta: fc.integer({ min: -TOLERANCE_MS, max: TOLERANCE_MS }).filter((d) => d !== 0),
  }),
  fc.record({
    part: fc.constant('signature' as const),
    kind: fc.nat(8),
    at: fc.nat(),
    char: fc.nat(),
  }),
  fc.record({
    part: fc.constant('key' as const),
    key: fc.string({ minLength: 1, maxLength: 40 }).filter((key) => key !== SIGN_KEY),
  }),
  fc.record({
    part: fc.constant('header' as const),
    drop: fc.constantFrom('signature' as const, 'timestamp' as const),
  }),
);

function mutateBody(body: Uint8Array, kind: number, at: number, byte: number): Uint8Array {
  const i = body.length === 0 ? 0 : at % body.length;
  const out = [...body];
  if (kind === 0) out[i] = (out[i] ?? 0) ^ (byte === 0 ? 1 : byte);
  else if (kind === 1) out.splice(i, 0, byte);
  else if (kind === 2) out.splice(i, 1);
  else out.push(0x20); // trailing whitespace, as a re-serializing framework adds
  return Uint8Array.from(out);
}

function mutateTimestamp(timestamp: string, kind: number, delta: number): string {
  if (kind === 0) return String(Number(timestamp) + delta);
  if (kind === 1) return `0${timestamp}`;
  if (kind === 2) return ` ${timestamp}`;
  if (kind === 3) return String(Math.floor(Number(timestamp) / 1000));
  return `${timestamp}.0`;
}

/**
 * The headers (and body) a mutated delivery arrives with, as a plain object (as from Node's
 * `IncomingHttpHeaders`, which may hold whitespace a `Headers` object would trim or refuse).
 */
export function mutated(
  d: Delivery,
  m: Mutation,
): { body: Uint8Array; headers: Record<string, string> } {
  let { body, timestamp, signature } = d;
  if (m.part === 'body') body = mutateBody(body, m.kind, m.at, m.byte);
  if (m.part === 'timestamp') timestamp = mutateTimestamp(timestamp, m.kind, m.delta);
  if (m.part === 'signature') signature = respell(signature, m.kind, m.at, m.char);
  if (m.part === 'key') signature = nodeSign(m.key, timestamp, body);
  const headers: Record<string, string> = {};
  if (!(m.part === 'header' && m.drop === 'signature')) headers.signature = signature;
  if (!(m.part === 'header' && m.drop === 'timestamp')) headers.timestamp = timestamp;
  return { body, headers };
}

/** Whether a mutation left the delivery exactly as it was (then it must still verify). */
export function unchanged(
  d: Delivery,
  after: { body: Uint8Array; headers: Record<string, string> },
): boolean {
  return (
    Buffer.from(after.body).equals(Buffer.from(d.body)) &&
    after.headers.signature === d.signature &&
    after.headers.timestamp === d.timestamp
  );
}

/** Counts of a run, printed by the soak suite. */
export interface Figures {
  genuine: number;
  mutated: number;
  accepted: number;
}

/** Property: every genuine delivery verifies, every mutated one is refused with a typed error. */
export async function checkVerification(numRuns: number): Promise<Figures> {
  const figures: Figures = { genuine: 0, mutated: 0, accepted: 0 };
  const options = { signKey: SIGN_KEY, now, toleranceMs: TOLERANCE_MS };
  await fc.assert(
    fc.asyncProperty(delivery, mutation, async (d, m) => {
      const genuine = new Headers({ SIGNATURE: d.signature, TIMESTAMP: d.timestamp });
      const event = await verifyWebhook(d.body, genuine, options);
      figures.genuine++;
      assert.equal(typeof event.eventId, 'string');
      const attack = mutated(d, m);
      if (unchanged(d, attack)) return;
      figures.mutated++;
      try {
        await verifyWebhook(attack.body, attack.headers, options);
        figures.accepted++;
      } catch (error) {
        assert.ok(error instanceof WPayWebhookError, `untyped refusal: ${String(error)}`);
        return;
      }
      assert.fail(`a mutated delivery verified: ${JSON.stringify(m)}`);
    }),
    { numRuns },
  );
  return figures;
}

/** Anything at all, as a request to the webhook endpoint. */
const hostileRequest = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  signature: fc.option(
    fc.oneof(fc.string({ maxLength: 100 }), fc.base64String({ minLength: 88, maxLength: 88 })),
  ),
  timestamp: fc.option(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.integer({ min: NOW - 10 * TOLERANCE_MS, max: NOW + 10 * TOLERANCE_MS }).map(String),
    ),
  ),
  body: fc.oneof(
    eventText,
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.json({ maxDepth: 6 }),
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
    fc.nat(3000).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  ),
  contentType: fc.constantFrom('application/json', 'text/plain', '', 'multipart/form-data'),
});

function headerSafe(value: string): string {
  return value.replace(/[^\t\x20-\x7e]/g, '').trim();
}

/**
 * Property: the handler answers hostile input (random methods, headers, bodies, forged or mangled
 * signatures, valid signatures over junk) with a 4xx, never runs the merchant's code for it, and
 * answers a genuine delivery 200 once — 5xx only when the merchant's code throws.
 */
export async function checkHandler(numRuns: number): Promise<Figures> {
  const figures: Figures = { genuine: 0, mutated: 0, accepted: 0 };
  let runs = 0;
  const handler = createWebhookHandler(createWebhooks({ signKey: SIGN_KEY, now }), {
    pollIntervalMs: 1,
    duplicateWaitMs: 10,
    on: {
      'credit_card.order.paid': () => void runs++,
      'credit_card.order.failed': () => {
        throw new Error('merchant code fails');
      },
    },
  });
  const url = 'https://shop.example/api/wpay/webhook';
  await fc.assert(
    fc.asyncProperty(hostileRequest, fc.boolean(), async (h, signValidly) => {
      const headers = new Headers();
      if (h.contentType) headers.set('content-type', h.contentType);
      const timestamp = h.timestamp === null ? null : headerSafe(h.timestamp);
      if (timestamp) headers.set('TIMESTAMP', timestamp);
      const body = new TextEncoder().encode(h.body);
      const signature =
        signValidly && timestamp
          ? nodeSign(SIGN_KEY, timestamp, body)
          : h.signature === null
            ? null
            : headerSafe(h.signature);
      if (signature) headers.set('SIGNATURE', signature);
      const before = runs;
      const withBody = h.method !== 'GET';
      const res = await handler(
        new Request(url, { method: h.method, headers, ...(withBody ? { body } : {}) }),
      );
      figures.mutated++;
      if (res.status === 200) figures.accepted++;
      if (res.status >= 500) {
        // Only the merchant's own failure may cause a 5xx.
        assert.equal(res.status, 500);
        assert.equal((await res.json()).error.code, 'handler_failed');
        assert.match(h.body, /credit_card\.order\.failed/);
        return;
      }
      assert.ok([200, 400, 401, 405, 409, 413].includes(res.status), `status ${res.status}`);
      if (res.status !== 200) assert.equal(runs, before, 'ran the merchant code for a refusal');
    }),
    { numRuns },
  );
  await fc.assert(
    fc.asyncProperty(delivery, async (d) => {
      // A fresh eventId per delivery (fast-check repeats small strings; WPay's ids are unique).
      const event = JSON.parse(new TextDecoder().decode(d.body));
      event.eventId = `evt_${figures.genuine}_${event.eventId}`;
      const body = new TextEncoder().encode(JSON.stringify(event));
      const signature = nodeSign(SIGN_KEY, d.timestamp, body);
      const before = runs;
      const res = await handler(
        new Request(url, {
          method: 'POST',
          headers: { SIGNATURE: signature, TIMESTAMP: d.timestamp },
          body,
        }),
      );
      figures.genuine++;
      if (event.eventType === 'credit_card.order.failed') {
        assert.equal(res.status, 500);
        return;
      }
      assert.equal(res.status, 200);
      assert.equal(runs - before, event.eventType === 'credit_card.order.paid' ? 1 : 0);
    }),
    { numRuns: Math.max(50, Math.floor(numRuns / 4)) },
  );
  return figures;
}
