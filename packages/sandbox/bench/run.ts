// Benchmark: requests per second of the sandbox on loopback for the token endpoint and
// hosted-page creation. Bounded: each scenario stops after MAX_REQUESTS or MAX_SECONDS.
// Run with `pnpm --filter @wpay/sandbox bench`.
import { HEADERS, PATHS } from '@wpay/protocol';
import { signRequest, startSandbox } from '../src/index.js';

const MAX_REQUESTS = 2_000;
const MAX_SECONDS = 5;
const HPP = PATHS.checkoutCreate;
const TOKEN = PATHS.token;

const sb = await startSandbox({ timeScale: 1000 });
const { apiKey, apiSecret, signKey } = sb.credentials;
let orderSeq = 0;

async function getToken(): Promise<string> {
  const form = new FormData();
  form.set('grant_type', 'client_credentials');
  form.set('api_key', apiKey);
  form.set('api_secret', apiSecret);
  const response = await fetch(`${sb.url}${TOKEN}`, { method: 'POST', body: form });
  const json = (await response.json()) as { retdata: { access_token: string } };
  return json.retdata.access_token;
}

async function createHpp(token: string): Promise<void> {
  orderSeq += 1;
  const body = JSON.stringify({
    mchOrderNo: `BENCH-${orderSeq}`,
    amount: 19.99,
    currency: 'USD',
    payMode: 'ONETIME',
    successUrl: 'https://shop.example/ok',
    cancelUrl: 'https://shop.example/cancel',
  });
  const timestamp = String(Date.now());
  const response = await fetch(`${sb.url}${HPP}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      [HEADERS.signature]: signRequest(signKey, {
        method: 'POST',
        timestamp,
        path: HPP,
        query: '',
        body,
      }),
      [HEADERS.timestamp]: timestamp,
    },
    body,
  });
  const json = (await response.json()) as { retcode: string };
  if (json.retcode !== '200') throw new Error(`hpp create failed: ${JSON.stringify(json)}`);
}

interface Row {
  scenario: string;
  concurrency: number;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

async function measure(
  scenario: string,
  concurrency: number,
  requestsPerOp: number,
  op: () => Promise<void>,
): Promise<Row> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + MAX_SECONDS * 1000;
  let ops = 0;
  const worker = async () => {
    while (ops * requestsPerOp < MAX_REQUESTS && performance.now() < deadline) {
      ops += 1;
      const t = performance.now();
      await op();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const requests = latencies.length * requestsPerOp;
  return {
    scenario,
    concurrency,
    requests,
    seconds,
    perSecond: requests / seconds,
    p50: at(0.5),
    p99: at(0.99),
  };
}

try {
  await measure('warm-up', 1, 2, async () => createHpp(await getToken()));
  const rows: Row[] = [];
  rows.push(await measure('token (client_credentials)', 1, 1, async () => void (await getToken())));
  const token = await getToken();
  rows.push(await measure('hpp create (signed)', 1, 1, () => createHpp(token)));
  rows.push(await measure('hpp create (signed)', 8, 1, () => createHpp(token)));
  rows.push(await measure('token + hpp create', 1, 2, async () => createHpp(await getToken())));

  const header = ['scenario', 'conc.', 'requests', 'seconds', 'req/s', 'p50 ms', 'p99 ms'];
  const lines = rows.map((r) => [
    r.scenario,
    String(r.concurrency),
    String(r.requests),
    r.seconds.toFixed(2),
    r.perSecond.toFixed(0),
    r.p50.toFixed(2),
    r.p99.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]?.length ?? 0)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(
    `@wpay/sandbox on loopback (Node ${process.version}; ≤${MAX_REQUESTS} requests or ${MAX_SECONDS} s per row)`,
  );
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
} finally {
  await sb.close();
}
