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

const section: Section<Record<string, string>> = {
  id: 'checkout',
  title: 'Checkout: checkoutHandler vs a bare handler',
  description:
    'HTTP load on keep-alive sockets from its own process; req/s seen by the load generator, CPU of the merchant server process per checkout.',
  variants: [VARIANTS.bare, VARIANTS.helper],
  figures,
  async setup() {
    const floor = await spawnServer(new URL('./servers/floor-wpay.ts', import.meta.url));
    const env = { FLOOR_URL: floor.url };
    const bare = await spawnServer(new URL('./servers/checkout-bare.ts', import.meta.url), { env });
    const helper = await spawnServer(new URL('./servers/checkout-helper.ts', import.meta.url), {
      env,
    });
    return {
      context: { [VARIANTS.bare]: bare.url, [VARIANTS.helper]: helper.url },
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
      const makeRequest = (i: number) => ({
        path: '/api/checkout',
        headers: {
          origin: 'https://shop.example',
          'content-type': 'application/json',
          'idempotency-key': `bench-${process.pid}-${run}-${concurrency}-${i}`,
        },
        body: '{"sku":"tee"}',
      });
      await loadTest(url, { concurrency, durationMs: quick ? 300 : 800, makeRequest });
      const before = await serverStats(url);
      const load = await loadTest(url, {
        concurrency,
        durationMs: quick ? 1000 : 3000,
        makeRequest,
      });
      const after = await serverStats(url);
      if (load.errors > 0) throw new Error(`${variant}: ${load.errors} failed checkouts`);
      result[`req/s @${concurrency}`] = load.rps;
      result[`CPU µs/checkout @${concurrency}`] =
        (after.cpuMicros - before.cpuMicros) / load.requests;
    }
    return result;
  },
};
export default section;
