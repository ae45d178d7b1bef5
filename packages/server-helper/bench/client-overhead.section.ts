// Section: CPU per call of wpay.checkout.create against a bare signed fetch (node:crypto
// HMAC-SHA512, one fetch with a cached token, JSON.parse) to the same floor server, which runs in
// its own process. Sequential calls; the CPU is this (client) process's.
import { createHmac } from 'node:crypto';
import { HEADERS, PATHS } from '@wpay/protocol';
import type { Section } from '../../../bench/harness.mjs';
import { spawnServer, timeLoop } from '../../../bench/harness.mjs';
import { WPay } from '../src/index.js';

const signKey = 'bench-sign-key';
const order = (i: number) => ({
  mchOrderNo: `order_${i}`,
  currency: 'USD',
  payMode: 'ONETIME' as const,
  successUrl: 'https://shop.example/ok',
  cancelUrl: 'https://shop.example/cancel',
});

async function bareClient(baseUrl: string) {
  const form = new FormData();
  form.set('grant_type', 'client_credentials');
  form.set('api_key', 'k');
  form.set('api_secret', 's');
  const tokenAnswer = await fetch(`${baseUrl}${PATHS.token}`, { method: 'POST', body: form });
  const token = ((await tokenAnswer.json()) as { retdata: { access_token: string } }).retdata
    .access_token;
  return async (i: number) => {
    const body = JSON.stringify({ ...order(i), amount: 19.99 });
    const timestamp = Date.now();
    const signature = createHmac('sha512', signKey)
      .update(`POST${timestamp}${PATHS.checkoutCreate}${body}`)
      .digest('base64');
    const response = await fetch(`${baseUrl}${PATHS.checkoutCreate}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        [HEADERS.signature]: signature,
        [HEADERS.timestamp]: String(timestamp),
      },
      body,
    });
    const envelope = (await response.json()) as {
      retcode: unknown;
      retdata: { redirectUrl: string };
    };
    if (String(envelope.retcode) !== '200') throw new Error('refused');
    return envelope.retdata.redirectUrl;
  };
}

const section: Section<{ url: string }> = {
  id: 'client-overhead',
  title: 'Client per-call CPU: wpay.checkout.create vs a bare signed fetch',
  description: 'CPU µs of the calling process per sequential call, against the floor server.',
  variants: ['bare signed fetch', 'wpay.checkout.create'],
  figures: {
    'CPU µs/call': { unit: 'µs', better: 'lower', target: { delta: ['<=', 60] } },
    'wall µs/call': { unit: 'µs', better: 'lower' },
  },
  async setup() {
    const floor = await spawnServer(new URL('./servers/floor-wpay.ts', import.meta.url));
    return { context: { url: floor.url }, teardown: () => floor.stop() };
  },
  async measure(variant, { quick, context }) {
    const call =
      variant === 'bare signed fetch'
        ? await bareClient(context.url)
        : (() => {
            const wpay = new WPay({ apiKey: 'k', apiSecret: 's', signKey, baseUrl: context.url });
            return (i: number) => wpay.checkout.create({ ...order(i), amount: '19.99' });
          })();
    const result = await timeLoop(call, { durationMs: quick ? 700 : 1500, warmup: 300 });
    return { 'CPU µs/call': result.cpuMicrosPerOp, 'wall µs/call': result.wallMicrosPerOp };
  },
};
export default section;
