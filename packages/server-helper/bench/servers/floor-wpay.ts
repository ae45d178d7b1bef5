// The floor server standing in for WPay in the bench: a trivial node:http server that answers the
// token call and the hosted-page creation with fixed envelopes, and nothing else. It checks
// nothing, so whatever the merchant side costs is measured against the cheapest possible WPay.
// GET /__bench/token-calls counts what it answered: `{ tokenCalls, creates }`.
import { PATHS } from '@wpay/protocol';
import { benchServer } from '../../../../bench/harness.mjs';

const TOKEN_ANSWER = JSON.stringify({
  retcode: 200,
  retdata: { access_token: 'bench-token', token_type: 'bearer', expires_in: 21600 },
  success: true,
});
let sequence = 0;
let tokenCalls = 0;

await benchServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (req.url === PATHS.token) {
      tokenCalls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(TOKEN_ANSWER);
    } else if (req.url === PATHS.checkoutCreate) {
      const { mchOrderNo = 'order', amount = 1 } = JSON.parse(Buffer.concat(chunks).toString());
      sequence++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          retcode: '200',
          retmsg: 'success',
          retdata: {
            trxNo: `TRX${sequence}`,
            mchOrderNo,
            status: 1,
            amount,
            redirectUrl: `https://pay.example/hpp/${sequence}`,
          },
        }),
      );
    } else if (req.url === '/__bench/token-calls') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ tokenCalls, creates: sequence }));
    } else {
      res.writeHead(404).end();
    }
  });
});
