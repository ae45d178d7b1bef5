// The trivial node:http server the sandbox is compared with: the least a WPay hosted-page
// creation needs to be answered correctly, hand-written, keeping nothing. Per request it
// - reads the body into one Buffer;
// - checks the Bearer token (one fixed token: `Bearer trivial`), the timestamp header against
//   the ±SIGNING.timestampToleranceMs window, and the HMAC-SHA512 signature over
//   POST + TIMESTAMP + PATH + body (node:crypto, constant-time compare), refusing with the
//   documented retcodes;
// - parses the JSON body and checks the fields an answer needs are there with the right JSON
//   types (mchOrderNo, amount, currency, payMode, successUrl, cancelUrl), no schema library;
// - answers the signed success envelope (trxNo, mchOrderNo, status, amount, currency,
//   redirectUrl) with its content-length.
// It has no ledger, idempotency, sessions, faults, webhooks or request log, and validates no
// formats (URLs, currency codes, decimals): the ratio is what the sandbox's faithfulness costs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  HEADERS,
  PATHS,
  PAYMENT_STATUS_CODES,
  REFUSALS,
  SIGNING,
  SUCCESS_RETCODE,
} from '@wpay/protocol';
import { benchServer } from '../../../../bench/harness.mjs';

const SIGN_KEY = process.env.SIGN_KEY ?? 'wpay_test_sign_key';
const BEARER = 'Bearer trivial';
const TIMESTAMP = HEADERS.timestamp.toLowerCase();
const SIGNATURE = HEADERS.signature.toLowerCase();
const hmac = (parts: string[]) => {
  const mac = createHmac('sha512', SIGN_KEY);
  for (const part of parts) mac.update(part);
  return mac.digest('base64');
};
let sequence = 0;
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

function answer(res: ServerResponse, status: number, path: string, envelope: unknown): void {
  const body = JSON.stringify(envelope);
  const now = String(Date.now());
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    [HEADERS.signature]: hmac([`POST${now}${path}`, body]),
    [HEADERS.timestamp]: now,
  });
  res.end(body);
}

function refuse(res: ServerResponse, path: string, refusal: keyof typeof REFUSALS, retmsg: string) {
  const { httpStatus, retcode } = REFUSALS[refusal];
  answer(res, httpStatus, path, { retcode, retmsg, retdata: null });
}

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
    const path = req.url ?? '/';
    if (path !== PATHS.checkoutCreate || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    if (req.headers.authorization !== BEARER) return refuse(res, path, 'auth', 'unknown token');
    const timestamp = String(req.headers[TIMESTAMP] ?? '');
    const signature = String(req.headers[SIGNATURE] ?? '');
    if (!timestamp || !signature) return refuse(res, path, 'missingSignature', 'missing header');
    if (!(Math.abs(Number(timestamp) - Date.now()) <= SIGNING.timestampToleranceMs)) {
      return refuse(res, path, 'timestampSkew', 'timestamp outside the window');
    }
    const received = Buffer.from(signature);
    const expected = Buffer.from(hmac([`POST${timestamp}${path}`, body]));
    if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
      return refuse(res, path, 'signatureMismatch', 'signature mismatch');
    }
    let fields: Record<string, unknown>;
    try {
      fields = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return refuse(res, path, 'invalidField', 'body: not valid JSON');
    }
    const { mchOrderNo, amount, currency, payMode, successUrl, cancelUrl } = fields ?? {};
    if (
      typeof mchOrderNo !== 'string' ||
      typeof amount !== 'number' ||
      typeof currency !== 'string' ||
      typeof payMode !== 'string' ||
      typeof successUrl !== 'string' ||
      typeof cancelUrl !== 'string'
    ) {
      return refuse(res, path, 'invalidField', 'a required field is missing');
    }
    sequence += 1;
    answer(res, 200, path, {
      retcode: SUCCESS_RETCODE,
      retmsg: 'success',
      retdata: {
        trxNo: `TRX${sequence}`,
        mchOrderNo,
        status: PAYMENT_STATUS_CODES.PAYING,
        amount,
        currency,
        redirectUrl: `https://pay.example/hpp/${sequence}`,
      },
    });
  });
});
