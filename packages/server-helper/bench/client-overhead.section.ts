// Section: CPU per call of wpay.checkout.create against a bare signed fetch (node:crypto
// HMAC-SHA512, one fetch with a cached token, JSON.parse) to the same floor server, which runs in
// its own process. Sequential calls; the CPU is this (client) process's. A second pair of figures
// gives both the same in-memory `fetch` (a canned Response, no socket): the client's own cost
// without the milliseconds of HTTP that hide it on a loaded machine.
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

const MEMORY_URL = 'http://floor.invalid';
const TOKEN_ANSWER = JSON.stringify({
  retcode: 200,
  retdata: { access_token: 'bench-token', token_type: 'bearer', expires_in: 21600 },
  success: true,
});
let memorySequence = 0;

/** The floor server's answers, without the network: what both variants call in memory. */
const memoryFetch: typeof fetch = async (input, init) => {
  if (String(input).endsWith(PATHS.token)) return new Response(TOKEN_ANSWER);
  const { mchOrderNo = 'order', amount = 1 } = JSON.parse(String(init?.body));
  memorySequence++;
  return new Response(
    JSON.stringify({
      retcode: '200',
      retmsg: 'success',
      retdata: {
        trxNo: `TRX${memorySequence}`,
        mchOrderNo,
        status: 1,
        amount,
        redirectUrl: `https://pay.example/hpp/${memorySequence}`,
      },
    }),
  );
};

async function bareClient(baseUrl: string, fetch: typeof globalThis.fetch = globalThis.fetch) {
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
    'CPU µs/call, in-memory fetch': {
      unit: 'µs',
      better: 'lower',
      target: { delta: ['<=', 60] },
    },
  },
  async setup() {
    const floor = await spawnServer(new URL('./servers/floor-wpay.ts', import.meta.url));
    return { context: { url: floor.url }, teardown: () => floor.stop() };
  },
  async measure(variant, { quick, context }) {
    const clientOf = async (baseUrl: string, fetch?: typeof globalThis.fetch) => {
      if (variant === 'bare signed fetch') return bareClient(baseUrl, fetch);
      const wpay = new WPay({ apiKey: 'k', apiSecret: 's', signKey, baseUrl, fetch });
      return (i: number) => wpay.checkout.create({ ...order(i), amount: '19.99' });
    };
    const durationMs = quick ? 700 : 1500;
    // Both loops warm up on CPU time, for both variants alike, until V8 has compiled the code
    // (its background compiles count as this process's CPU) — the figure is the steady per-call
    // cost of a long-running server. Measured in one process, alternating 1.5 s blocks: a signed
    // fetch over HTTP costs ~3 000 µs at first and settles at ~650 µs only after ~4 s of CPU
    // (a 500 ms warm-up counted ~200-600 µs of compiling as the client's overhead); without
    // sockets a call settles after ~1 s.
    const result = await timeLoop(await clientOf(context.url), {
      durationMs,
      warmup: 300,
      warmupMs: 4000,
    });
    const memory = await timeLoop(await clientOf(MEMORY_URL, memoryFetch), {
      durationMs,
      warmup: 300,
      warmupMs: 1500,
    });
    return {
      'CPU µs/call': result.cpuMicrosPerOp,
      'wall µs/call': result.wallMicrosPerOp,
      'CPU µs/call, in-memory fetch': memory.cpuMicrosPerOp,
    };
  },
};
export default section;
