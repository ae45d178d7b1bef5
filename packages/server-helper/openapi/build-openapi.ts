/**
 * The WPay API as an OpenAPI 3.1 document, generated from the zod schemas the helper sends and
 * reads with (`src/schemas`, `src/webhooks/webhook-event.ts`) and the facts of `@wpay/protocol`
 * (paths, headers, retcodes, event types). Every [default] of docs/protocol-defaults.md is marked
 * `x-wpay-default` where it decides something. `pnpm --filter @wpay/server-helper openapi:update`
 * writes it to `packages/protocol/openapi.json` (served by the sandbox at `GET /openapi.json`).
 *
 * @module
 */
import {
  ENVIRONMENTS,
  EVENT_TYPES,
  HEADERS,
  PATHS,
  PROTOCOL_DEFAULTS,
  REFUSALS,
  TOKEN,
} from '@wpay/protocol';
import { checkoutCreateParamsSchema, checkoutSessionSchema } from '../src/schemas/checkout.js';
import {
  paymentPageSchema,
  paymentSchema,
  paymentsListParamsSchema,
  paymentsRetrieveParamsSchema,
} from '../src/schemas/payments.js';
import { refundSchema, refundsCreateParamsSchema } from '../src/schemas/refunds.js';
import {
  billPageSchema,
  billSchema,
  subscriptionPageSchema,
  subscriptionSchema,
  subscriptionsBillsParamsSchema,
  subscriptionsCancelParamsSchema,
  subscriptionsListParamsSchema,
  subscriptionsRetrieveParamsSchema,
} from '../src/schemas/subscriptions.js';
import { tokenDataSchema } from '../src/schemas/token.js';
import {
  webhookBillDataSchema,
  webhookEnvelopeSchema,
  webhookPaymentSchema,
  webhookSubscriptionSchema,
} from '../src/webhooks/webhook-event.js';
import * as z from '../src/zod.js';

/** A JSON Schema or OpenAPI object, as plain JSON. */
type Json = Record<string, unknown>;

/** The name of a [default] (a key of `PROTOCOL_DEFAULTS`). */
type DefaultName = keyof typeof PROTOCOL_DEFAULTS;

/** The `x-wpay-default` mark: which named setting decides this, and what it decides. */
function mark(name: DefaultName): Json {
  const entry = PROTOCOL_DEFAULTS[name];
  return { setting: name, constant: entry.constant, decides: entry.decides };
}

/** A zod schema as JSON Schema 2020-12 (what a body looks like on the wire: the input side). */
function jsonSchemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as Json;
  return rest;
}

/** Marks every property `name` anywhere in `schema` (inside oneOf branches too). */
function markProperty(schema: unknown, name: string, setting: DefaultName): void {
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as Json;
  const properties = node.properties as Record<string, Json> | undefined;
  if (properties?.[name]) properties[name]['x-wpay-default'] = mark(setting);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) markProperty(item, name, setting);
    else markProperty(value, name, setting);
  }
}

const ref = (name: string): Json => ({ $ref: `#/components/schemas/${name}` });

/** The envelope `{ retcode, retmsg, retdata }` around `data`. */
function envelopeOf(data: Json): Json {
  return {
    type: 'object',
    properties: {
      retcode: { type: ['string', 'integer'], description: '"200" or 200 on success' },
      retmsg: { type: ['string', 'null'] },
      retdata: data,
      success: { type: 'boolean' },
    },
    required: ['retcode'],
  };
}

/** Every business endpoint: its path, request schema and answer. */
const ENDPOINTS: ReadonlyArray<{
  path: keyof typeof PATHS;
  summary: string;
  params: z.core.$ZodType;
  answer: string;
  setting?: DefaultName;
}> = [
  {
    path: 'checkoutCreate',
    summary: 'Create a hosted payment page',
    params: checkoutCreateParamsSchema,
    answer: 'CheckoutSession',
  },
  {
    path: 'paymentsList',
    summary: 'List payments, newest first',
    params: paymentsListParamsSchema,
    answer: 'PaymentPage',
  },
  {
    path: 'paymentsDetail',
    summary: 'Retrieve a payment',
    params: paymentsRetrieveParamsSchema,
    answer: 'Payment',
  },
  {
    path: 'refundCreate',
    summary: 'Refund a payment',
    params: refundsCreateParamsSchema,
    answer: 'Refund',
    setting: 'refundPath',
  },
  {
    path: 'subscriptionsList',
    summary: 'List subscriptions',
    params: subscriptionsListParamsSchema,
    answer: 'SubscriptionPage',
  },
  {
    path: 'subscriptionsDetail',
    summary: 'Retrieve a subscription',
    params: subscriptionsRetrieveParamsSchema,
    answer: 'Subscription',
  },
  {
    path: 'subscriptionsCancel',
    summary: 'Cancel a subscription',
    params: subscriptionsCancelParamsSchema,
    answer: 'Subscription',
    setting: 'subscriptionsCancelPath',
  },
  {
    path: 'subscriptionsBills',
    summary: "List a subscription's bills",
    params: subscriptionsBillsParamsSchema,
    answer: 'BillPage',
  },
];

/** The data schema of each kind of webhook event. */
const EVENT_DATA = {
  payment: 'WebhookPayment',
  subscription: 'WebhookSubscription',
  bill: 'WebhookBillData',
} as const;

/**
 * Builds the OpenAPI 3.1 document of the WPay API.
 *
 * @example
 * ```ts
 * const document = buildOpenApi();
 * Object.keys(document.paths); // ['/user/auth/oauth2/token', '/checkout/w-payment/hpp', …]
 * ```
 */
export function buildOpenApi(): Json {
  const schemas: Record<string, Json> = {
    TokenData: jsonSchemaOf(tokenDataSchema, 'output'),
    CheckoutSession: jsonSchemaOf(checkoutSessionSchema, 'output'),
    Payment: jsonSchemaOf(paymentSchema, 'output'),
    PaymentPage: jsonSchemaOf(paymentPageSchema, 'output'),
    Refund: jsonSchemaOf(refundSchema, 'output'),
    Subscription: jsonSchemaOf(subscriptionSchema, 'output'),
    SubscriptionPage: jsonSchemaOf(subscriptionPageSchema, 'output'),
    Bill: jsonSchemaOf(billSchema, 'output'),
    BillPage: jsonSchemaOf(billPageSchema, 'output'),
    WebhookEnvelope: jsonSchemaOf(webhookEnvelopeSchema, 'input'),
    WebhookPayment: jsonSchemaOf(webhookPaymentSchema, 'input'),
    WebhookSubscription: jsonSchemaOf(webhookSubscriptionSchema, 'input'),
    WebhookBillData: jsonSchemaOf(webhookBillDataSchema, 'input'),
    ErrorEnvelope: {
      ...envelopeOf({}),
      description: 'A refusal: retcode other than "200" (see x-wpay-default refusals for each).',
      'x-wpay-default': { ...mark('refusals'), refusals: REFUSALS },
    },
  };
  for (const name of ['Payment', 'Subscription', 'Bill', 'WebhookPayment', 'WebhookSubscription']) {
    markProperty(schemas[name], 'status', 'statuses');
  }
  for (const name of ['PaymentPage', 'SubscriptionPage', 'BillPage']) {
    (schemas[name] as Json)['x-wpay-default'] = mark('pageKeys');
  }

  const signatureHeaders = [HEADERS.signature, HEADERS.timestamp].map((name) => ({
    name,
    in: 'header',
    required: true,
    schema: { type: 'string' },
    description:
      name === HEADERS.signature
        ? 'Base64(HMAC-SHA512(signKey, METHOD + TIMESTAMP + PATH + QUERY + BODY))'
        : "milliseconds since the epoch, within ±2 min of WPay's clock",
    'x-wpay-default': mark('signatureHeaders'),
  }));
  const authorization = {
    name: HEADERS.authorization,
    in: 'header',
    required: true,
    schema: { type: 'string', pattern: '^Bearer \\S+$' },
  };
  const errorResponse = {
    description: 'A refusal (HTTP 4xx with an envelope whose retcode names it)',
    content: { 'application/json': { schema: ref('ErrorEnvelope') } },
  };

  const paths: Record<string, Json> = {
    [PATHS.token]: {
      post: {
        operationId: 'token',
        summary: 'Get or refresh an access token (unsigned)',
        requestBody: {
          required: true,
          'x-wpay-default': mark('tokenRequestEncoding'),
          content: Object.fromEntries(
            ['multipart/form-data', 'application/x-www-form-urlencoded'].map((type) => [
              type,
              { schema: tokenRequestSchema() },
            ]),
          ),
        },
        responses: {
          '200': {
            description:
              'The token: in the envelope (client_credentials), or bare (refresh_token, as documented)',
            content: {
              'application/json': {
                schema: { oneOf: [envelopeOf(ref('TokenData')), ref('TokenData')] },
              },
            },
          },
          '401': errorResponse,
        },
      },
    },
  };
  for (const endpoint of ENDPOINTS) {
    const body = jsonSchemaOf(endpoint.params, 'input');
    markProperty(body, 'mchOrderNo', 'mchOrderNoPattern');
    markProperty(body, 'mchSubscriptionNo', 'mchOrderNoPattern');
    markProperty(body, 'payMode', 'payModes');
    markProperty(body, 'intervalUnit', 'intervalUnits');
    if (endpoint.path === 'paymentsList') markProperty(body, 'status', 'paymentStatusCodes');
    paths[PATHS[endpoint.path]] = {
      post: {
        operationId: endpoint.path,
        summary: endpoint.summary,
        ...(endpoint.setting ? { 'x-wpay-default': mark(endpoint.setting) } : {}),
        parameters: [authorization, ...signatureHeaders],
        requestBody: { required: true, content: { 'application/json': { schema: body } } },
        responses: {
          '200': {
            description: 'The envelope with retcode "200" and the answer in retdata (signed)',
            headers: Object.fromEntries(
              signatureHeaders.map(({ name, schema }) => [name, { schema }]),
            ),
            content: { 'application/json': { schema: envelopeOf(ref(endpoint.answer)) } },
          },
          '4XX': errorResponse,
        },
      },
    };
  }

  const documented = Object.keys(EVENT_TYPES).slice(
    0,
    Object.keys(EVENT_TYPES).length - PROTOCOL_DEFAULTS.undocumentedEventTypes.value.length,
  );
  const webhooks = Object.fromEntries(
    Object.entries(EVENT_TYPES).map(([eventType, kind]) => [
      eventType,
      {
        post: {
          operationId: `webhook:${eventType}`,
          summary: `${eventType} (signed with SIGNATURE = Base64(HMAC-SHA512(signKey, TIMESTAMP + body)))`,
          ...(documented.includes(eventType)
            ? {}
            : { 'x-wpay-default': mark('undocumentedEventTypes') }),
          parameters: signatureHeaders,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  allOf: [
                    ref('WebhookEnvelope'),
                    {
                      type: 'object',
                      properties: { eventType: { const: eventType }, data: ref(EVENT_DATA[kind]) },
                      required: ['eventId', 'eventType', 'data'],
                    },
                  ],
                },
              },
            },
          },
          responses: {
            '200': {
              description: `Acknowledged: the body ${PROTOCOL_DEFAULTS.webhookAckBody.value}`,
              'x-wpay-default': mark('webhookAckBody'),
              content: {
                'text/plain': {
                  schema: { type: 'string', const: PROTOCOL_DEFAULTS.webhookAckBody.value },
                },
              },
            },
          },
        },
      },
    ]),
  );

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'WPay API',
      version: '0.1.0',
      description:
        'WPay as the WPay checkout kit reads it (wpay-api.md), generated from the zod schemas of @wpay/server-helper. Every choice made where WPay publishes nothing is marked x-wpay-default with the named setting of docs/protocol-defaults.md.',
    },
    servers: Object.entries(ENVIRONMENTS).map(([name, url]) => ({ url, description: name })),
    paths,
    webhooks,
    components: { schemas },
  };
}

/** The token request: both grants, the fields of each. */
function tokenRequestSchema(): Json {
  const { get, refresh } = TOKEN.grantTypes;
  return {
    oneOf: [
      {
        type: 'object',
        properties: {
          grant_type: { const: get },
          api_key: { type: 'string', minLength: 1 },
          api_secret: { type: 'string', minLength: 1 },
        },
        required: ['grant_type', 'api_key', 'api_secret'],
      },
      {
        type: 'object',
        properties: {
          grant_type: { const: refresh },
          refresh_token: { type: 'string', minLength: 1 },
        },
        required: ['grant_type', 'refresh_token'],
      },
    ],
  };
}
