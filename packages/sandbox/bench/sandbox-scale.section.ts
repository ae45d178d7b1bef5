// Section: the sandbox at 100 000 payments: heap after the creations against a trivial
// node:http server that keeps nothing, heap per payment kept (maxPayments bounds it), and the
// time of one payments/list page at 1 000 and at 100 000 payments. Servers in their own
// processes; the creations come from the measuring process.
import { Agent, request } from 'node:http';
import type { Section } from '../../../bench/harness.mjs';
import {
  checkoutPayload,
  signedCall,
  startTargets,
  type Target,
  tokenFor,
} from './signed-create.js';

const VARIANTS = { trivial: 'trivial node:http', sandbox: 'sandbox' } as const;
const CONCURRENCY = 16;
const LIST_CALLS = 25;

const section: Section<Record<string, Target>> = {
  id: 'sandbox-scale',
  title: 'Sandbox: memory and list pages at 100 000 payments',
  description:
    '100 000 signed creates (10 000 with --quick) at concurrency 16; heap after a full GC in the server process; median time of payments/list page 1 (20 rows) seen by the client.',
  variants: [VARIANTS.trivial, VARIANTS.sandbox],
  once: true,
  figures: {
    'heap MB after the creates': { unit: 'MB', better: 'lower' },
    'heap B/payment kept': { unit: 'B', better: 'lower' },
    'payments kept': { unit: '', better: 'lower' },
    'list ms @1k': { unit: 'ms', better: 'lower' },
    'list ms @all': { unit: 'ms', better: 'lower' },
  },
  async setup() {
    const { targets, teardown } = await startTargets();
    return {
      context: { [VARIANTS.trivial]: targets.trivial, [VARIANTS.sandbox]: targets.sandbox },
      teardown,
    };
  },
  async measure(variant, { quick, context }) {
    const target = context[variant];
    if (!target) throw new Error(`no target for ${variant}`);
    const total = quick ? 10_000 : 100_000;
    const token = await tokenFor(target);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const { hostname, port } = new URL(target.apiUrl);
    const send = (path: string, payload: unknown) =>
      new Promise<string>((resolve, reject) => {
        const call = signedCall(target, token, path, payload);
        const req = request(
          { agent, hostname, port, method: 'POST', path, headers: call.headers },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => {
              text += chunk;
            });
            res.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
        req.end(call.body);
      });
    const heap = async () =>
      (await (await fetch(`${target.statsUrl}/__bench/heap`)).json()) as {
        heapUsed: number;
        payments: number;
      };
    const listMs = async () => {
      const times: number[] = [];
      for (let i = 0; i < LIST_CALLS; i++) {
        const started = performance.now();
        await send('/checkout/w-payment/payments/list', { pageNum: 1, pageSize: 20 });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)] ?? 0;
    };
    let next = 0;
    const createUntil = async (count: number) => {
      const worker = async () => {
        while (next < count) {
          next += 1;
          const text = await send(
            '/checkout/w-payment/hpp',
            checkoutPayload(`S-${process.pid}-${next}`),
          );
          if (!text.includes('"retcode":"200"')) throw new Error(`create failed: ${text}`);
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    };
    const result: Record<string, number> = {};
    const start = await heap();
    await createUntil(1_000);
    if (target.credentials) result['list ms @1k'] = await listMs();
    await createUntil(total);
    const end = await heap();
    result['heap MB after the creates'] = end.heapUsed / 1_048_576;
    if (target.credentials) {
      result['list ms @all'] = await listMs();
      const kept = Math.min(total, end.payments);
      const list = JSON.parse(
        await send('/checkout/w-payment/payments/list', { pageNum: 1, pageSize: 1 }),
      ) as { retdata: { total: number } };
      result['payments kept'] = list.retdata.total;
      result['heap B/payment kept'] =
        (end.heapUsed - start.heapUsed) / Math.max(1, Math.min(kept, list.retdata.total));
    }
    agent.destroy();
    return result;
  },
};
export default section;
