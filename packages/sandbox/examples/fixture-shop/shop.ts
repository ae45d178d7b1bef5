// A tiny shop for the sandbox's own end-to-end tests: a Buy form (no script) that opens WPay's
// hosted page, a return page that reads the payment back, and a webhook receiver. It calls the
// API with the sandbox's exported signRequest; a real shop would use @wpay/server-helper.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest, signWebhook } from '@wpay/sandbox';

/** A merchant's WPay settings, as the shop reads them from WPAY_* variables. */
export interface ShopSettings {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  signKey: string;
  /** Prefix of this shop's order numbers (each test worker has its own). */
  orderPrefix: string;
}

/** A running shop. */
export interface Shop {
  url: string;
  /**
   * Event types the shop's webhook URL received, with the order they were for and whether the
   * signature matched this shop's sign key.
   */
  webhooks: Array<{ eventType: string; mchOrderNo: string; signedForMe: boolean }>;
  close(): Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><title>${title}</title><h1>${title}</h1>${body}</html>`;

export async function startShop(settings: ShopSettings): Promise<Shop> {
  let token: string | undefined;
  let orders = 0;
  const webhooks: Shop['webhooks'] = [];

  const call = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    if (!token) {
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        api_key: settings.apiKey,
        api_secret: settings.apiSecret,
      });
      const answer = await fetch(`${settings.baseUrl}/user/auth/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
      });
      token = ((await answer.json()) as { retdata: { access_token: string } }).retdata.access_token;
    }
    const raw = JSON.stringify(body);
    const timestamp = String(Date.now());
    const signature = signRequest(settings.signKey, {
      method: 'POST',
      timestamp,
      path,
      query: '',
      body: raw,
    });
    const answer = await fetch(`${settings.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        SIGNATURE: signature,
        TIMESTAMP: timestamp,
      },
      body: raw,
    });
    const json = (await answer.json()) as { retcode: string; retdata: Record<string, unknown> };
    if (json.retcode !== '200') throw new Error(`${path}: ${JSON.stringify(json)}`);
    return json.retdata;
  };

  const read = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://shop.local');
    const send = (status: number, html: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(html);
    };
    try {
      if (req.method === 'GET' && url.pathname === '/') {
        return send(
          200,
          page('Mug shop', '<form method="post" action="/buy"><button>Buy the mug</button></form>'),
        );
      }
      if (req.method === 'POST' && url.pathname === '/buy') {
        await read(req);
        orders += 1;
        const session = await call('/checkout/w-payment/hpp', {
          mchOrderNo: `${settings.orderPrefix}-${orders}`,
          amount: 12.5,
          currency: 'USD',
          payMode: 'ONETIME',
          successUrl: `${shopUrl}/thanks`,
          cancelUrl: `${shopUrl}/cart`,
          description: 'Mug',
        });
        return send(303, 'See Other', { location: String(session.redirectUrl) });
      }
      if (req.method === 'GET' && (url.pathname === '/thanks' || url.pathname === '/cart')) {
        const trxNo = url.searchParams.get('trxNo') ?? '';
        const payment = await call('/checkout/w-payment/payments/detail', { trxNo });
        return send(
          200,
          page(`Order ${String(payment.mchOrderNo)}: ${String(payment.status)}`, ''),
        );
      }
      if (req.method === 'POST' && url.pathname === '/hooks') {
        const raw = await read(req);
        const event = JSON.parse(raw) as { eventType: string; data: { mchOrderNo?: string } };
        const timestamp = String(req.headers.timestamp ?? '');
        const signedForMe = req.headers.signature === signWebhook(settings.signKey, timestamp, raw);
        webhooks.push({
          eventType: event.eventType,
          mchOrderNo: event.data.mchOrderNo ?? '',
          signedForMe,
        });
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('SUCCESS');
      }
      send(404, page('Not found', ''));
    } catch (error) {
      send(500, page('Shop error', String(error)));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const shopUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: shopUrl,
    webhooks,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
