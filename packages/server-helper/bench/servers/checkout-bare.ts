// The hand-written merchant server the checkout and memory benches compare with. POST
// /api/checkout: parse the body, price it, sign with node:crypto HMAC-SHA512, one fetch to the
// floor server at FLOOR_URL with a cached token, answer { redirectUrl, trxNo }. POST /api/webhook:
// node:crypto HMAC + timingSafeEqual, the timestamp window, JSON.parse, answer SUCCESS. The bare
// minimum; no checks beyond it, nothing remembered.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HEADERS, PATHS, SIGNING } from '@wpay/protocol';
import { benchServer } from '../../../../bench/harness.mjs';

const floor = process.env.FLOOR_URL ?? '';
const signKey = 'bench-sign-key';
let token: Promise<string> | undefined;
const getToken = () => {
  token ??= (async () => {
    const form = new FormData();
    form.set('grant_type', 'client_credentials');
    form.set('api_key', 'k');
    form.set('api_secret', 's');
    const answer = await fetch(`${floor}${PATHS.token}`, { method: 'POST', body: form });
    return ((await answer.json()) as { retdata: { access_token: string } }).retdata.access_token;
  })();
  return token;
};
let sequence = 0;

function webhook(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const signature = req.headers[HEADERS.signature.toLowerCase()];
  const stamp = req.headers[HEADERS.timestamp.toLowerCase()];
  const expected =
    typeof stamp === 'string' && /^\d{1,16}$/.test(stamp)
      ? createHmac('sha512', signKey).update(stamp).update(body).digest()
      : undefined;
  const given = typeof signature === 'string' ? Buffer.from(signature, 'base64') : undefined;
  const ok =
    expected !== undefined &&
    given !== undefined &&
    given.length === expected.length &&
    timingSafeEqual(given, expected) &&
    Math.abs(Date.now() - Number(stamp)) <= SIGNING.timestampToleranceMs;
  if (!ok) {
    res.writeHead(401).end();
    return;
  }
  JSON.parse(body.toString('utf8'));
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('SUCCESS');
}

await benchServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', async () => {
    if (req.url === '/api/webhook') {
      webhook(req, res, Buffer.concat(chunks));
      return;
    }
    try {
      const { sku } = JSON.parse(Buffer.concat(chunks).toString()) as { sku: string };
      const mchOrderNo = `order_${process.pid}_${++sequence}`;
      const body = JSON.stringify({
        mchOrderNo,
        amount: sku === 'tee' ? 19.99 : 5,
        currency: 'USD',
        payMode: 'ONETIME',
        successUrl: `https://shop.example/thanks?mchOrderNo=${mchOrderNo}`,
        cancelUrl: `https://shop.example/cart?mchOrderNo=${mchOrderNo}`,
      });
      const timestamp = Date.now();
      const signature = createHmac('sha512', signKey)
        .update(`POST${timestamp}${PATHS.checkoutCreate}${body}`)
        .digest('base64');
      const answer = await fetch(`${floor}${PATHS.checkoutCreate}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await getToken()}`,
          [HEADERS.signature]: signature,
          [HEADERS.timestamp]: String(timestamp),
        },
        body,
      });
      const envelope = (await answer.json()) as {
        retcode: unknown;
        retdata: { redirectUrl: string; trxNo: string };
      };
      if (String(envelope.retcode) !== '200') throw new Error('refused');
      const { redirectUrl, trxNo } = envelope.retdata;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ redirectUrl, trxNo }));
    } catch {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"payment_provider_error"}}');
    }
  });
});
