// Client bench (run by `pnpm bench` through bench/run.ts): signing throughput, money parsing and
// per-request overhead of the client against a local server, printed as a small table. Numbers
// depend on the (shared) machine; the HTTP rows take the best of 5 interleaved rounds.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAmount, WPay } from '../src/index.js';
import { bytesToSign, createSigner } from '../src/transport/sign.js';

interface Row {
  name: string;
  ops: number;
  ms: number;
}

async function measure(name: string, ops: number, run: (i: number) => unknown): Promise<Row> {
  for (let i = 0; i < Math.min(ops, 200); i++) await run(i); // warm-up
  const start = performance.now();
  for (let i = 0; i < ops; i++) await run(i);
  return { name, ops, ms: performance.now() - start };
}

async function startServer() {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const isToken = req.url?.endsWith('/oauth2/token');
      const body = isToken
        ? { retcode: 200, retdata: { access_token: 'bench', expires_in: 21600 } }
        : {
            retcode: '200',
            retmsg: 'success',
            retdata: {
              id: 1,
              trxNo: 'TRX1',
              status: 'PAID',
              mchOrderNo: 'o',
              amount: 1,
              currency: 'USD',
            },
          };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const signer = createSigner('aR2822Y6XbehWMclnB0Y2NJK');
const body = JSON.stringify({
  mchOrderNo: 'order_1',
  amount: 19.99,
  currency: 'USD',
  payMode: 'ONETIME',
});
const amounts = ['19.99', 0.1 + 0.2, '1234567.89', 42, '0.05'];

const { server, url } = await startServer();
const wpay = new WPay({ apiKey: 'k', apiSecret: 's', signKey: 'x', baseUrl: url });
const detail = `${url}/checkout/w-payment/payments/detail`;

const rows: Row[] = [
  await measure('sign (HMAC-SHA512, Web Crypto)', 20_000, (i) =>
    signer.sign(
      bytesToSign({ method: 'POST', timestamp: i, path: '/checkout/w-payment/hpp', body }),
    ),
  ),
  await measure('parseAmount (string/number)', 200_000, (i) =>
    parseAmount(amounts[i % amounts.length], 2),
  ),
];
const best = (a: Row | undefined, b: Row) => (a && a.ms <= b.ms ? a : b);
let raw: Row | undefined;
let client: Row | undefined;
for (let round = 0; round < 5; round++) {
  raw = best(
    raw,
    await measure('raw fetch, local server', 500, () =>
      fetch(detail, { method: 'POST', body: '{"trxNo":"TRX1"}' }).then((r) => r.text()),
    ),
  );
  client = best(
    client,
    await measure('wpay.payments.retrieve, local server', 500, () =>
      wpay.payments.retrieve({ trxNo: 'TRX1' }),
    ),
  );
}
if (raw && client) rows.push(raw, client);
server.close();

const pad = (text: string, width: number) => text.padEnd(width);
console.log(
  `${pad('benchmark', 40)}${pad('ops', 10)}${pad('total ms', 12)}${pad('µs/op', 10)}ops/s`,
);
for (const row of rows) {
  const perOp = (row.ms * 1000) / row.ops;
  console.log(
    `${pad(row.name, 40)}${pad(String(row.ops), 10)}${pad(row.ms.toFixed(0), 12)}${pad(perOp.toFixed(1), 10)}${Math.round(row.ops / (row.ms / 1000))}`,
  );
}
if (raw && client) {
  console.log(
    `client overhead per call (validation, signing, envelope, zod): ~${(((client.ms - raw.ms) * 1000) / client.ops).toFixed(0)} µs`,
  );
}
