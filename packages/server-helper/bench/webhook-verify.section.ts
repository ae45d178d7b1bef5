// Section: webhooks.verify against a hand-written node:crypto verification (HMAC-SHA512 +
// timingSafeEqual + JSON.parse, the same timestamp window), at 1 kB and 64 kB bodies.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HEADERS } from '@wpay/protocol';
import type { Section } from '../../../bench/harness.mjs';
import { timeLoop } from '../../../bench/harness.mjs';
import { createWebhooks } from '../src/webhooks/create-webhooks.js';
import { signWebhook } from '../src/webhooks/sign-webhook.js';

const signKey = 'bench-sign-key';
const SIZES = { '1 kB': 1024, '64 kB': 64 * 1024 } as const;

function bodyOf(bytes: number): Buffer {
  const event = {
    eventId: 'evt_1',
    eventType: 'credit_card.order.paid',
    data: { trxNo: 'TRX1', description: '' },
  };
  const padding = bytes - JSON.stringify(event).length;
  event.data.description = 'x'.repeat(Math.max(0, padding));
  return Buffer.from(JSON.stringify(event));
}

function bareVerify(body: Buffer, headers: Headers): unknown {
  const signature = headers.get(HEADERS.signature);
  const stamp = headers.get(HEADERS.timestamp);
  if (!signature || !stamp || !/^\d{1,16}$/.test(stamp)) throw new Error('missing header');
  if (Math.abs(Date.now() - Number(stamp)) > 120_000) throw new Error('stale');
  const expected = createHmac('sha512', signKey).update(stamp).update(body).digest();
  const given = Buffer.from(signature, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('bad');
  return JSON.parse(body.toString('utf8'));
}

const section: Section = {
  id: 'webhook-verify',
  title: 'Webhook verification: webhooks.verify vs node:crypto',
  description: 'Verifications per CPU second of one process, sequential, raw body as a Buffer.',
  variants: ['node:crypto', 'webhooks.verify'],
  figures: Object.fromEntries(
    Object.keys(SIZES).map((size) => [
      `verify/CPU-s ${size}`,
      { unit: '/s', better: 'higher', target: { ratio: ['>=', 0.8] } },
    ]),
  ),
  async measure(variant, { quick }) {
    const webhooks = createWebhooks({ signKey });
    const figures: Record<string, number> = {};
    for (const [size, bytes] of Object.entries(SIZES)) {
      const body = bodyOf(bytes);
      const headers = new Headers((await signWebhook(body.toString(), { signKey })).headers);
      const verify =
        variant === 'node:crypto'
          ? () => bareVerify(body, headers)
          : () => webhooks.verify(body, headers);
      const result = await timeLoop(verify, { durationMs: quick ? 400 : 1000 });
      // Per CPU second of this process: wall-clock rates on a shared machine measure the neighbours.
      figures[`verify/CPU-s ${size}`] = 1e6 / result.cpuMicrosPerOp;
    }
    return figures;
  },
};
export default section;
