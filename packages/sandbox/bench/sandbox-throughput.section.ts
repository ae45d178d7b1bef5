// Section: signed hosted-page creations per second, the sandbox against a trivial node:http server
// that does the least a create needs (servers/trivial-wpay.ts says exactly what: token, window
// and signature checks, JSON parse, field presence, a signed answer; no state). Each server in
// its own process, the load generator in the measuring process.
import type { Section } from '../../../bench/harness.mjs';
import { loadTest, serverStats } from '../../../bench/harness.mjs';
import {
  checkoutPayload,
  signedCall,
  startTargets,
  type Target,
  tokenFor,
} from './signed-create.js';

const CONCURRENCY = [1, 10] as const;
const VARIANTS = { trivial: 'trivial node:http', sandbox: 'sandbox' } as const;

const figures: Section['figures'] = {};
for (const c of CONCURRENCY) {
  figures[`signed creates/s @${c}`] = {
    unit: 'req/s',
    better: 'higher',
    target: { ratio: ['>=', 0.7] },
  };
  figures[`server CPU µs/create @${c}`] = { unit: 'µs', better: 'lower' };
}

const section: Section<Record<string, Target>> = {
  id: 'sandbox-throughput',
  title: 'Sandbox: signed creates vs a trivial node:http server',
  description:
    'POST /checkout/w-payment/hpp, signed, keep-alive, from the measuring process; each server in its own process; CPU of the server process per create. The trivial server checks token, timestamp window and signature, parses the body, checks the fields are there and signs its answer; it keeps nothing and validates no formats.',
  variants: [VARIANTS.trivial, VARIANTS.sandbox],
  figures,
  async setup({ quick }) {
    const { targets, teardown } = await startTargets();
    // Each server warms up once before the first run, alike (as the checkout section's do): V8
    // takes seconds of CPU to compile a server's path, and the first run of the sandbox was cold
    // (~480 µs per create against ~280 µs after). The figures are a long-running server's.
    for (const target of [targets.trivial, targets.sandbox]) {
      const token = await tokenFor(target);
      await loadTest(target.apiUrl, {
        concurrency: 10,
        durationMs: quick ? 2000 : 4000,
        makeRequest: (i) =>
          signedCall(
            target,
            token,
            '/checkout/w-payment/hpp',
            checkoutPayload(`W-${process.pid}-${i}`),
          ),
      });
    }
    return {
      context: { [VARIANTS.trivial]: targets.trivial, [VARIANTS.sandbox]: targets.sandbox },
      teardown,
    };
  },
  async measure(variant, { quick, run, context }) {
    const target = context[variant];
    if (!target) throw new Error(`no target for ${variant}`);
    const token = await tokenFor(target);
    const result: Record<string, number> = {};
    for (const concurrency of CONCURRENCY) {
      const makeRequest = (i: number) =>
        signedCall(target, token, '/checkout/w-payment/hpp', {
          ...checkoutPayload(`B-${process.pid}-${run}-${concurrency}-${i}`),
        });
      await loadTest(target.apiUrl, { concurrency, durationMs: quick ? 300 : 800, makeRequest });
      const before = await serverStats(target.statsUrl);
      const load = await loadTest(target.apiUrl, {
        concurrency,
        durationMs: quick ? 1000 : 3000,
        makeRequest: (i) => makeRequest(i + 1_000_000),
      });
      const after = await serverStats(target.statsUrl);
      if (load.errors > 0) throw new Error(`${variant}: ${load.errors} failed creates`);
      result[`signed creates/s @${concurrency}`] = load.rps;
      result[`server CPU µs/create @${concurrency}`] =
        (after.cpuMicros - before.cpuMicros) / load.requests;
    }
    return result;
  },
};
export default section;
