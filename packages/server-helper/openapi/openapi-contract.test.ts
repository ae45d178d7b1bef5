// Both directions of the contract: every request @wpay/server-helper sends and every answer and
// webhook @wpay/sandbox sends, in a realistic flow, validate against the OpenAPI document the
// sandbox serves at GET /openapi.json (generated from the helper's zod schemas).
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { HEADERS, PATHS } from '@wpay/protocol';
import { type Sandbox, startSandbox } from '@wpay/sandbox';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { WPayApiError } from '../src/errors.js';
import { WPay } from '../src/wpay.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const URLS = { successUrl: 'https://shop.example/ok', cancelUrl: 'https://shop.example/cancel' };

/** One call the helper made, and the sandbox's answer. */
interface Recorded {
  path: string;
  contentType: string;
  headers: Headers;
  body: unknown;
  status: number;
  answer: unknown;
}

/** A JSON pointer segment. */
const segment = (text: string) => text.replaceAll('~', '~0').replaceAll('/', '~1');

describe('when the helper talks to the sandbox, against the OpenAPI document', () => {
  let sb: Sandbox;
  let receiver: Server;
  let ajv: Ajv2020;
  const recorded: Recorded[] = [];
  const webhooks: string[] = [];

  const validator = (...pointer: string[]): ValidateFunction => {
    const found = ajv.getSchema(`wpay#/${pointer.map(segment).join('/')}`);
    assert.ok(found, `no schema at ${pointer.join(' / ')}`);
    return found;
  };
  const check = (validate: ValidateFunction, value: unknown, what: string) => {
    assert.ok(
      validate(value),
      `${what}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(value)}`,
    );
  };

  before(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('end', () => {
        webhooks.push(body);
        res.writeHead(200, { 'content-type': 'text/plain' }).end('SUCCESS');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.address() as AddressInfo;
    sb = await startSandbox({ timeScale: 1000, webhookUrl: `http://127.0.0.1:${port}/hooks` });
    const document: unknown = await (await fetch(`${sb.url}/openapi.json`)).json();
    ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(document as object, 'wpay');

    const recording: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const copy = request.clone();
      const response = await sb.fetch(request);
      const contentType = request.headers.get('content-type') ?? '';
      const body = contentType.includes('json')
        ? await copy.json()
        : Object.fromEntries(
            [...(await copy.formData()).entries()].map(([k, v]) => [k, String(v)]),
          );
      recorded.push({
        path: new URL(request.url).pathname,
        contentType: contentType.split(';')[0] ?? '',
        headers: request.headers,
        body,
        status: response.status,
        answer: await response.clone().json(),
      });
      return response;
    };
    const wpay = new WPay({
      ...sb.credentials,
      baseUrl: sb.url,
      fetch: recording,
      sleep: async () => {},
    });

    const once = await wpay.checkout.create({
      mchOrderNo: `oa_${Date.now()}`,
      amount: '30.00',
      currency: 'USD',
      payMode: 'ONETIME',
      description: 'Blue mug',
      customerEmail: 'ada@example.com',
      ...URLS,
    });
    await sb.pay(once.trxNo);
    await wpay.payments.retrieve({ trxNo: once.trxNo });
    await wpay.payments.list({ pageNum: 1, pageSize: 5, status: 'PAID' });
    await wpay.refunds.create({ trxNo: once.trxNo, amount: '5.00', reason: 'damaged' });
    const sub = await wpay.checkout.create({
      mchOrderNo: `oas_${Date.now()}`,
      amount: '9.99',
      currency: 'USD',
      payMode: 'SUBSCRIPTION',
      mchSubscriptionNo: `sub_${Date.now()}`,
      intervalUnit: 'month',
      intervalCount: 1,
      ...URLS,
    });
    const paid = await sb.pay(sub.trxNo);
    const id = Number(paid.subscriptionId);
    await sb.clock.advanceBy({ months: 1 });
    await wpay.subscriptions.list({ page: 1, size: 5 });
    await wpay.subscriptions.retrieve({ id });
    await wpay.subscriptions.bills({ subscriptionId: id, page: 1, size: 5 });
    await wpay.subscriptions.cancel({ id, reason: 'too expensive' });
    await assert.rejects(wpay.payments.retrieve({ trxNo: 'TRX404' }), WPayApiError);
    await sb.idle();
  });
  after(async () => {
    await sb.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it('made a call to every path of the document', () => {
    assert.deepEqual(
      [...new Set(recorded.map((call) => call.path))].sort(),
      Object.values(PATHS).sort(),
    );
  });

  it('sent every request as the document says: body, headers, encoding', () => {
    for (const call of recorded) {
      const media = call.path === PATHS.token ? call.contentType : 'application/json';
      check(
        validator('paths', call.path, 'post', 'requestBody', 'content', media, 'schema'),
        call.body,
        `request to ${call.path}`,
      );
      if (call.path === PATHS.token) continue;
      for (const header of [HEADERS.signature, HEADERS.timestamp, HEADERS.authorization]) {
        assert.ok(call.headers.get(header), `${call.path}: ${header}`);
      }
    }
  });

  it('got every answer as the document says, refusals included', () => {
    for (const call of recorded) {
      const status = call.status === 200 ? '200' : call.path === PATHS.token ? '401' : '4XX';
      check(
        validator(
          'paths',
          call.path,
          'post',
          'responses',
          status,
          'content',
          'application/json',
          'schema',
        ),
        call.answer,
        `answer of ${call.path} (${call.status})`,
      );
    }
    assert.ok(
      recorded.some((call) => call.status === 404),
      'a refusal was checked',
    );
    const detail = validator(
      'paths',
      PATHS.paymentsDetail,
      'post',
      'responses',
      '200',
      'content',
      'application/json',
      'schema',
    );
    assert.equal(detail({ retcode: '200', retdata: { trxNo: 'TRX1' } }), false, 'not vacuous');
  });

  it('sent every webhook body as the document says', () => {
    const types = new Set<string>();
    for (const body of webhooks) {
      const event = JSON.parse(body) as { eventType: string };
      types.add(event.eventType);
      check(
        validator(
          'webhooks',
          event.eventType,
          'post',
          'requestBody',
          'content',
          'application/json',
          'schema',
        ),
        event,
        `webhook ${event.eventType}`,
      );
    }
    for (const type of [
      'credit_card.order.paid',
      'credit_card.order.refunded',
      'credit_card.subscription.bill.paid',
      'credit_card.subscription.cancelled',
    ]) {
      assert.ok(types.has(type), type);
    }
  });
});
