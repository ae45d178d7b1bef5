// The trivial node:http server the sandbox is compared with: it checks a request's signature
// (HMAC-SHA512 with node:crypto, constant-time compare) and answers a hosted-page creation with
// a signed envelope, and keeps nothing. The sandbox does all of that plus tokens, a ledger,
// faults, sessions and webhooks: the ratio is what those cost.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { HEADERS, PATHS } from '@wpay/protocol';
import { benchServer } from '../../../../bench/harness.mjs';

const SIGN_KEY = process.env.SIGN_KEY ?? 'wpay_test_sign_key';
const hmac = (parts: string[]) => {
  const mac = createHmac('sha512', SIGN_KEY);
  for (const part of parts) mac.update(part);
  return mac.digest('base64');
};
let sequence = 0;
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

await benchServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    if (req.url === '/__bench/heap') {
      gc();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ heapUsed: process.memoryUsage().heapUsed, payments: sequence }));
      return;
    }
    if (req.url !== PATHS.checkoutCreate) {
      res.writeHead(404).end();
      return;
    }
    const timestamp = String(req.headers[HEADERS.timestamp.toLowerCase()] ?? '');
    const received = Buffer.from(String(req.headers[HEADERS.signature.toLowerCase()] ?? ''));
    const expected = Buffer.from(hmac([`POST${timestamp}${req.url}`, body]));
    if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"retcode":"00007","retmsg":"signature mismatch"}');
      return;
    }
    const { mchOrderNo } = JSON.parse(body) as { mchOrderNo: string };
    sequence += 1;
    const answer = JSON.stringify({
      retcode: '200',
      retmsg: 'success',
      retdata: {
        trxNo: `TRX${sequence}`,
        mchOrderNo,
        redirectUrl: `https://pay.example/hpp/${sequence}`,
      },
    });
    const now = String(Date.now());
    res.writeHead(200, {
      'content-type': 'application/json',
      [HEADERS.signature]: hmac([now, answer]),
      [HEADERS.timestamp]: now,
    });
    res.end(answer);
  });
});
