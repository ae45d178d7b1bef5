// Section: checkout throughput and server CPU per checkout, wpay.checkoutHandler (with an
// Idempotency-Key, as the widget sends) against a bare hand-written handler, at concurrency 1, 10
// and 100. Three processes besides this load generator: the floor server standing in for WPay,
// the helper's merchant server and the bare one (servers/*.ts).
import type { Section } from '../../../bench/harness.mjs';
import { loadTest, serverStats, spawnServer } from '../../../bench/harness.mjs';

const CONCURRENCY = [1, 10, 100] as const;
const VARIANTS = { bare: 'bare handler', helper: 'checkoutHandler' } as const;

const figures: Section['figures'] = {};
for (const c of CONCURRENCY) {
  figures[`req/s @${c}`] = { unit: 'req/s', better: 'higher', target: { ratio: ['>=', 0.9] } };
  figures[`CPU µs/checkout @${c}`] = {
    unit: 'µs',
    better: 'lower',
    target: { ratio: ['<=', 1.15] },
  };
}

/** How many hosted pages the floor server has created. */
async function floorCreates(floorUrl: string): Promise<number> {
  const answer = await fetch(`${floorUrl}/__bench/token-calls`);
  return ((await answer.json()) as { creates: number }).creates;
}

/** The widget's checkout call, a fresh Idempotency-Key each time. */
const checkoutRequest = (tag: string) => (i: number) => ({
  path: '/api/checkout',
  headers: {
    origin: 'https://shop.example',
    'content-type': 'application/json',
    'idempotency-key': `bench-${process.pid}-${tag}-${i}`,
  },
  body: '{"sku":"tee"}',
});

const section: Section<Record<string, string>> = {
  id: 'checkout',
  title: 'Checkout: checkoutHandler vs a bare handler',
  description:
    'HTTP load on keep-alive sockets from its own process; req/s seen by the load generator, CPU of the merchant server process per checkout.',
  variants: [VARIANTS.bare, VARIANTS.helper],
  figures,
  async setup({ quick }) {
    const floor = await spawnServer(new URL('./servers/floor-wpay.ts', import.meta.url));
    const env = { FLOOR_URL: floor.url };
    const bare = await spawnServer(new URL('./servers/checkout-bare.ts', import.meta.url), { env });
    const helper = await spawnServer(new URL('./servers/checkout-helper.ts', import.meta.url), {
      env,
    });
    // Each server warms up once before the first run, alike: V8 takes seconds of CPU to compile a
    // server's path (a signed fetch settles only after ~4 s of CPU), and the figures are the
    // steady cost of a long-running server, not the first run's compiling.
    for (const url of [bare.url, helper.url]) {
      await loadTest(url, {
        concurrency: 10,
        durationMs: quick ? 2000 : 4000,
        makeRequest: checkoutRequest('warmup'),
      });
    }
    return {
      context: { [VARIANTS.bare]: bare.url, [VARIANTS.helper]: helper.url, floor: floor.url },
      teardown: async () => {
        await Promise.all([bare.stop(), helper.stop()]);
        await floor.stop();
      },
    };
  },
  async measure(variant, { quick, run, context }) {
    const url = context[variant] ?? '';
    const result: Record<string, number> = {};
    for (const concurrency of CONCURRENCY) {
      // Keys never repeat across loads: a repeated key is answered from the idempotency record,
      // without WPay, which would flatter the helper.
      await loadTest(url, {
        concurrency,
        durationMs: quick ? 300 : 800,
        makeRequest: checkoutRequest(`${run}-${concurrency}-warm`),
      });
      const makeRequest = checkoutRequest(`${run}-${concurrency}`);
      const createsBefore = await floorCreates(context.floor ?? '');
      const before = await serverStats(url);
      const load = await loadTest(url, {
        concurrency,
        durationMs: quick ? 1000 : 3000,
        makeRequest,
      });
      const after = await serverStats(url);
      if (load.errors > 0) throw new Error(`${variant}: ${load.errors} failed checkouts`);
      const creates = (await floorCreates(context.floor ?? '')) - createsBefore;
      if (creates !== load.requests) {
        throw new Error(`${variant}: ${load.requests} checkouts but ${creates} reached WPay`);
      }
      result[`req/s @${concurrency}`] = load.rps;
      result[`CPU µs/checkout @${concurrency}`] =
        (after.cpuMicros - before.cpuMicros) / load.requests;
    }
    return result;
  },
};
export default section;
