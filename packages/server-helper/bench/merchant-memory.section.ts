// Section: merchant memory. A fresh merchant server per run (servers/checkout-*.ts, with
// --expose-gc) takes 10 000 checkouts (each with its own Idempotency-Key, as the widget sends)
// then 10 000 signed webhooks (each a new eventId); its heap is read after full GCs before,
// between and after. The bare server remembers nothing, so what the helper retains per operation
// is its idempotency and dedupe records (bounded by MemoryClaimStore's maxEntries).
import type { LoadRequest, Section } from '../../../bench/harness.mjs';
import { loadTest, serverHeap, spawnServer } from '../../../bench/harness.mjs';
import { signWebhook } from '../src/webhooks/sign-webhook.js';

const VARIANTS = { bare: 'bare handlers', helper: 'helper handlers' } as const;
const SERVERS: Record<string, string> = {
  [VARIANTS.bare]: './servers/checkout-bare.ts',
  [VARIANTS.helper]: './servers/checkout-helper.ts',
};
const OPS = 10_000;
const WARMUP = 300;
/** Webhooks are signed just before their batch is sent: the timestamp window is ±2 min. */
const BATCH = 1_000;
const CONCURRENCY = 10;
const signKey = 'bench-sign-key';
const MB = 1024 * 1024;

const checkoutRequest =
  (tag: string) =>
  (i: number): LoadRequest => ({
    path: '/api/checkout',
    headers: {
      origin: 'https://shop.example',
      'content-type': 'application/json',
      'idempotency-key': `mem-${tag}-${i}`,
    },
    body: '{"sku":"tee"}',
  });

async function signedWebhooks(from: number, count: number): Promise<LoadRequest[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const body = JSON.stringify({
        eventId: `evt_${from + i}`,
        eventType: 'credit_card.order.paid',
        createTime: '2026-12-02T08:00:00Z',
        data: { trxNo: `TRX${from + i}`, mchOrderNo: `order_${from + i}`, status: 'PAID' },
      });
      const { headers } = await signWebhook(body, { signKey });
      return {
        path: '/api/webhook',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      };
    }),
  );
}

async function checkouts(url: string, tag: string, count: number): Promise<void> {
  const load = await loadTest(url, {
    concurrency: CONCURRENCY,
    requests: count,
    makeRequest: checkoutRequest(tag),
  });
  if (load.errors > 0) throw new Error(`${load.errors} of ${count} checkouts failed`);
}

async function webhooks(url: string, from: number, count: number): Promise<void> {
  for (let done = 0; done < count; done += BATCH) {
    const batch = await signedWebhooks(from + done, Math.min(BATCH, count - done));
    const load = await loadTest(url, {
      concurrency: CONCURRENCY,
      requests: batch.length,
      makeRequest: (i) => batch[i] as LoadRequest,
    });
    if (load.errors > 0) throw new Error(`${load.errors} of ${batch.length} webhooks failed`);
  }
}

const section: Section<{ floorUrl: string }> = {
  id: 'merchant-memory',
  title: 'Merchant memory: 10 000 checkouts and 10 000 webhooks',
  description:
    'A fresh merchant server per run; heap after full GCs (after a warm-up, after the checkouts, after the webhooks) and heap retained per operation.',
  variants: [VARIANTS.bare, VARIANTS.helper],
  // Heap figures vary little between runs, and each run sends 20 600 requests.
  runs: 3,
  figures: {
    'heap MB after warm-up': { unit: 'MB', better: 'lower' },
    'heap MB after 10k + 10k': { unit: 'MB', better: 'lower' },
    'retained B/checkout': { unit: 'B', better: 'lower' },
    'retained B/webhook': { unit: 'B', better: 'lower' },
  },
  async setup() {
    const floor = await spawnServer(new URL('./servers/floor-wpay.ts', import.meta.url));
    return { context: { floorUrl: floor.url }, teardown: () => floor.stop() };
  },
  async measure(variant, { context }) {
    const file = SERVERS[variant] ?? '';
    const server = await spawnServer(new URL(file, import.meta.url), {
      env: { FLOOR_URL: context.floorUrl },
      nodeArgs: ['--expose-gc'],
    });
    try {
      const { url } = server;
      await checkouts(url, 'warm', WARMUP);
      await webhooks(url, 1_000_000, WARMUP);
      const warm = await serverHeap(url);
      await checkouts(url, 'run', OPS);
      const afterCheckouts = await serverHeap(url);
      await webhooks(url, 0, OPS);
      const afterWebhooks = await serverHeap(url);
      return {
        'heap MB after warm-up': warm.heapUsed / MB,
        'heap MB after 10k + 10k': afterWebhooks.heapUsed / MB,
        'retained B/checkout': (afterCheckouts.heapUsed - warm.heapUsed) / OPS,
        'retained B/webhook': (afterWebhooks.heapUsed - afterCheckouts.heapUsed) / OPS,
      };
    } finally {
      await server.stop();
    }
  },
};
export default section;
