/**
 * The options of `new WPay(…)`, every one from ONE zod schema, {@link wpayOptionsSchema}. The
 * schema gives their types (`WPayOptions` is its input), their defaults (`z._default(…)` on each
 * setting: `DEFAULTS` is the settings parsed from nothing), their validation (a `WPayConfigError`
 * naming the option and the fix) and the resolved `wpay.settings` (its output). Its shape has four
 * parts: credentials, where WPay is, runtime collaborators (fetch, clock, store, logger, hooks) and
 * settings. Only the settings become `wpay.settings`, so no hand-kept list says what is not one.
 * WPay's own facts (paths, header names, retcodes, status codes, page keys…) are settings under
 * one `protocol` key, each defaulting to its one definition in `@wpay/protocol`.
 *
 * Adding an option takes two edits:
 *   1. one line in the part it belongs to, e.g. in `settingsShape`, under a one-line doc comment:
 *      `sweepIntervalMs: z._default(positiveInt, 60_000),`
 *   2. one row in the README's options table (a test fails until it is there and shows the default).
 * Its type, its default in `DEFAULTS`, its validation and `wpay.settings.sweepIntervalMs` follow.
 *
 * @module
 */

import {
  AUTH_ERROR_HTTP_STATUSES,
  AUTH_ERROR_RETCODES,
  ENVIRONMENTS,
  HEADERS,
  MCH_ORDER_NO_PATTERN,
  PAGE_KEYS,
  PATHS,
  PAY_MODES,
  PAYMENT_STATUS_CODES,
  SIGNATURE_ERROR_RETCODES,
  SIGNING,
  SUCCESS_RETCODE,
  TOKEN,
  TOKEN_REQUEST_ENCODINGS,
  WEBHOOK_DELIVERY,
} from '@wpay/protocol';
import { englishZodMessages } from './english-zod-messages.js';
import { WPayConfigError } from './errors.js';
import { leaseDefaults } from './lease-defaults.js';
import { type Logger, silentLogger } from './logger.js';
import type { TokenStore } from './stores/token-store.js';
import { type NodeHttpPost, nodeHttpPost } from './transport/node-http.js';
import * as z from './zod.js';

englishZodMessages();

/**
 * What the `onRequest` hook receives; secrets are redacted.
 *
 * @example
 * ```ts
 * new WPay({ …, onRequest: (e: WPayRequestEvent) => log.debug({ path: e.path, attempt: e.attempt }, 'wpay →') });
 * ```
 */
export interface WPayRequestEvent {
  /** `'token'` for the token call, `'api'` for business calls. */
  kind: 'token' | 'api';
  method: string;
  url: string;
  path: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Headers as sent, with `Authorization` and the signature redacted. */
  headers: Record<string, string>;
  /** The body: parsed JSON (or token form fields), secrets redacted. */
  body: unknown;
}

/**
 * What the `onResponse` hook receives; secrets are redacted.
 *
 * @example
 * ```ts
 * new WPay({ …, onResponse: (e: WPayResponseEvent) => metrics.timing('wpay', e.durationMs, { status: e.httpStatus }) });
 * ```
 */
export interface WPayResponseEvent {
  kind: 'token' | 'api';
  method: string;
  url: string;
  path: string;
  attempt: number;
  httpStatus: number;
  /** Time from sending to the end of the body, per the injected clock. */
  durationMs: number;
  headers: Record<string, string>;
  /** The parsed body (or the text when not JSON), tokens redacted. */
  body: unknown;
}

/**
 * What the `onRetry` hook receives.
 *
 * @example
 * ```ts
 * new WPay({ …, onRetry: (e: WPayRetryEvent) => log.warn({ path: e.path, inMs: e.delayMs }, e.error.message) });
 * ```
 */
export interface WPayRetryEvent {
  kind: 'token' | 'api';
  path: string;
  /** The attempt that failed (1 = first). */
  attempt: number;
  /** How long the client waits before the next attempt. */
  delayMs: number;
  /** The failure (a WPayError; never carries a secret). */
  error: Error;
}

const fn = <T>(name: string) =>
  z.custom<T>((value: unknown) => typeof value === 'function', {
    message: `${name} must be a function`,
  });

const tokenStoreSchema = z.custom<TokenStore>(
  (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    ['get', 'set', 'delete'].every(
      (method) => typeof (value as Record<string, unknown>)[method] === 'function',
    ) &&
    ['lock', 'deleteIfToken'].every((method) =>
      ['undefined', 'function'].includes(typeof (value as Record<string, unknown>)[method]),
    ),
  {
    message:
      'tokenStore must have get, set and delete methods (and optionally lock and deleteIfToken)',
  },
);

const nonEmpty = (name: string) =>
  z
    .string({ message: `${name} is required (a non-empty string)` })
    .check(z.minLength(1, `${name} is required`));
const nonEmptyString = z.string().check(z.minLength(1));
const positiveInt = z.number().check(z.int(), z.positive());
const nonNegativeInt = z.number().check(z.int(), z.minimum(0));
const httpUrl = (name: string, example: string) =>
  z
    .url({ protocol: /^https?$/, message: `${name} must be an http(s) URL, e.g. '${example}'` })
    .check(
      z.refine(
        (url) => !url.includes('?') && !url.includes('#'),
        `${name} must have no query or hash`,
      ),
    );
const strings = (values: readonly string[]) =>
  z._default(z.array(nonEmptyString), () => [...values]);
/** An object of named strings, each defaulting to its entry of `defaults`. */
const stringsWith = <T extends Readonly<Record<string, string>>>(defaults: T) =>
  z.prefault(
    z.strictObject(
      Object.fromEntries(
        Object.entries(defaults).map(([key, value]) => [key, z._default(nonEmptyString, value)]),
      ) as { [K in keyof T]: z.ZodMiniDefault<z.ZodMiniString<string>> },
    ),
    {} as never, // every key has a default, which the generic type cannot show
  );

/** Credentials. Kept apart from the settings; the secrets are never logged. */
const credentialsShape = {
  /** API key (identifies the merchant; not secret). */
  apiKey: nonEmpty('apiKey'),
  /** API secret (for tokens). Kept private; never logged. */
  apiSecret: nonEmpty('apiSecret'),
  /** Sign key (request, response and webhook signatures). Kept private; never logged. */
  signKey: nonEmpty('signKey'),
  /**
   * More sign keys accepted for incoming webhooks, besides `signKey` (key rotation: the old key
   * while WPay may still retry deliveries signed with it). Kept private; never logged.
   */
  webhookSignKeys: z._default(
    z.array(z.string().check(z.minLength(1, 'must be a non-empty string')), {
      message: 'webhookSignKeys must be an array of sign keys',
    }),
    () => [],
  ),
};

/** Where WPay is, and where the shop is. */
const locationShape = {
  /** `'production'` or `'sandbox'` (the base URLs of `protocol.environments`); or give `baseUrl`. */
  environment: z.optional(
    z.enum(['production', 'sandbox'], { message: "environment must be 'production' or 'sandbox'" }),
  ),
  /** Base URL of WPay (or of `@wpay/sandbox`), e.g. `http://127.0.0.1:4010`. */
  baseUrl: z.optional(httpUrl('baseUrl', 'http://127.0.0.1:4010')),
  /**
   * The shop's public base URL, e.g. `'https://shop.example'`: the default `publicUrl` of every
   * `wpay.checkoutHandler` (the trusted origin and the base of relative return URLs). The other
   * handlers ignore it.
   */
  publicUrl: z.optional(httpUrl('publicUrl', 'https://shop.example')),
};

/** The runtime pieces the client calls: injectable, so tests inject rather than mock globals. */
const runtimeShape = {
  /**
   * `fetch` for every call to WPay. Default: on Node (and Bun, Deno) API calls go through
   * `node:http(s)` with keep-alive sockets (the same request, far less CPU than undici's fetch),
   * token calls through `globalThis.fetch`; elsewhere `globalThis.fetch`. A `fetch` given here is
   * used for everything.
   */
  fetch: z.optional(fn<typeof fetch>('fetch')),
  /** Web Crypto (default `globalThis.crypto`). */
  crypto: z.optional(
    z.custom<Pick<Crypto, 'subtle'>>(
      (value) => typeof value === 'object' && value !== null && 'subtle' in value,
      { message: 'crypto must provide subtle (Web Crypto)' },
    ),
  ),
  /** The clock, in ms since the epoch. */
  now: z._default(fn<() => number>('now'), () => Date.now),
  /** Jitter of the back-off, in [0, 1). */
  random: z._default(fn<() => number>('random'), () => Math.random),
  /** Waits between attempts. */
  sleep: z._default(fn<(ms: number) => Promise<void>>('sleep'), () => defaultSleep),
  /** Where the token lives (default: a `MemoryTokenStore` of this client). */
  tokenStore: z.optional(tokenStoreSchema),
  /** Where the client logs (never a secret); `console` fits. */
  logger: z._default(
    z.custom<Logger>(
      (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        ['warn', 'error'].every(
          (m) => typeof (value as Record<string, unknown>)[m] === 'function',
        ) &&
        ['debug', 'info'].every((m) =>
          ['undefined', 'function'].includes(typeof (value as Record<string, unknown>)[m]),
        ),
      { message: 'logger must have warn and error methods (and optionally debug and info)' },
    ),
    () => silentLogger,
  ),
  onRequest: z.optional(fn<(event: WPayRequestEvent) => void>('onRequest')),
  onResponse: z.optional(fn<(event: WPayResponseEvent) => void>('onResponse')),
  onRetry: z.optional(fn<(event: WPayRetryEvent) => void>('onRetry')),
};

/**
 * WPay's facts, each defaulting to its definition in `@wpay/protocol` (docs/protocol-defaults.md):
 * override one when the real value is known, e.g. `protocol: { paths: { refundCreate: '/v2/refund' } }`.
 */
const protocolShape = {
  /** Base URL of each environment [twin]. */
  environments: stringsWith(ENVIRONMENTS),
  /** Endpoint paths (§2, §5). Refund is [twin], subscription cancel is [default]. */
  paths: stringsWith(PATHS),
  /** Header names, for requests, answers and webhooks [twin; another uses `D-SIGNATURE`]. */
  headers: stringsWith(HEADERS),
  /** How the token request carries its fields [default: multipart/form-data, per the doc table]. */
  tokenRequestEncoding: z._default(z.enum(TOKEN_REQUEST_ENCODINGS), TOKEN.requestEncoding),
  /** Retcodes meaning success; compared as strings, so `"200"` and `200` both match [doc]. */
  successRetcodes: z._default(z.array(nonEmptyString).check(z.minLength(1)), () => [
    SUCCESS_RETCODE,
  ]),
  /** Retcodes meaning "bad or expired token": drop the token, retry [default]. */
  authErrorRetcodes: strings(AUTH_ERROR_RETCODES),
  /** HTTP statuses meaning the same [default]. */
  authErrorHttpStatuses: z._default(z.array(z.number().check(z.int())), () => [
    ...AUTH_ERROR_HTTP_STATUSES,
  ]),
  /** Retcodes of signature refusals (missing header, mismatch, clock skew) [twin/default]. */
  signatureErrorRetcodes: strings(SIGNATURE_ERROR_RETCODES),
  /** Access token lifetime when the answer has no `expires_in` [doc: 21600]. */
  accessTokenLifetimeSeconds: z._default(positiveInt, TOKEN.accessTokenLifetimeSeconds),
  /** Refresh token lifetime when the answer has no `rt_expires_in` [doc: 43200]. */
  refreshTokenLifetimeSeconds: z._default(positiveInt, TOKEN.refreshTokenLifetimeSeconds),
  /** Numeric status filter of the payments list [default]; a given entry replaces one code. */
  paymentStatusCodes: z.prefault(
    z.pipe(
      z.record(z.string(), z.number().check(z.int())),
      z.transform(
        (given: Record<string, number>): Readonly<Record<string, number>> => ({
          ...PAYMENT_STATUS_CODES,
          ...given,
        }),
      ),
    ),
    {},
  ),
  /** Response keys of a page; payments use the same as subscriptions and bills [default]. */
  pageKeys: stringsWith(PAGE_KEYS),
  /** Accepted merchant order / subscription numbers [default: the sandbox's rule, `00008`]. */
  mchOrderNoPattern: z._default(z.instanceof(RegExp), MCH_ORDER_NO_PATTERN),
};

/** The settings: `wpay.settings`, each with its default. */
const settingsShape = {
  /** WPay's facts, see {@link protocolShape}. */
  protocol: z.prefault(z.strictObject(protocolShape), {}),
  /** Currencies missing from ISO 4217, with their exponent, e.g. `{ XTS: 2 }`. */
  extraCurrencies: z._default(
    z.record(
      z.string().check(z.regex(/^[A-Z]{3}$/, 'currency codes are three upper-case letters')),
      z.number().check(z.int(), z.minimum(0), z.maximum(4)),
    ),
    () => ({}),
  ),
  /** Refresh the access token this long before it expires [default]. */
  tokenRefreshMarginSeconds: z._default(nonNegativeInt, 300),
  /** Prefix of the token store key (followed by the api key, never the secret). */
  tokenStoreKeyPrefix: z._default(z.string(), 'wpay:token:'),
  /** How long a token-store lock is held at most [derived: `leaseDefaults`]. */
  tokenLockTtlMs: z.optional(positiveInt),
  /** How long to wait for another instance holding the lock [derived: `tokenLockTtlMs`]. */
  tokenLockWaitMs: z.optional(nonNegativeInt),
  /** How often to poll the store while another instance holds the lock. */
  tokenLockPollMs: z._default(positiveInt, 100),
  /**
   * Per-request timeout, including reading the body. Aborted after it, never before, at most 1 %
   * (≤ 10 ms) later: on Node, calls whose deadlines are that close share one timer.
   */
  timeoutMs: z._default(positiveInt, 30_000),
  /** Retries after the first attempt (where retrying is safe). */
  maxRetries: z._default(nonNegativeInt.check(z.maximum(10)), 2),
  /** Back-off: the cap of attempt n is `min(retryMaxDelayMs, retryBaseDelayMs * 2^n)`; full jitter. */
  retryBaseDelayMs: z._default(nonNegativeInt, 500),
  /** Back-off ceiling. */
  retryMaxDelayMs: z._default(nonNegativeInt, 10_000),
  /** The longest `Retry-After` honoured; longer values are capped. */
  retryAfterMaxMs: z._default(nonNegativeInt, 60_000),
  /**
   * Most auth retries of one call. A refused token is dropped and the call retried with a new
   * one: once when the refusal is unexplained, and again while each refusal is explained by a
   * change (the token was replaced meanwhile, or had worked before and was revoked or expired).
   */
  authRetryLimit: z._default(nonNegativeInt.check(z.maximum(10)), 3),
  /** HTTP statuses worth retrying (`'5xx'` matches a class). */
  retryHttpStatuses: z._default(
    z.array(z.string().check(z.regex(/^\d(?:\d\d|xx)$/, "use '503' or '5xx'"))),
    () => ['429', '5xx'],
  ),
  /**
   * Error codes (anywhere in an error's `cause` chain) proving the request never left: connection
   * refused, DNS failure, no route, connect timeout. Only these allow retrying a refund or a cancel.
   */
  notSentErrorCodes: strings([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EAI_NONAME',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
  ]),
  /** Verify signed responses (§3) [default: off]. */
  verifyResponses: z._default(z.boolean(), false),
  /** Accepted distance between a signed response's timestamp and our clock [twin: ±2 min]. */
  responseTimestampToleranceMs: z._default(nonNegativeInt, SIGNING.timestampToleranceMs),
  /** Page size used by `iterate()` when none is given. */
  iteratePageSize: z._default(positiveInt, 50),
  /**
   * Webhooks (§7): `wpay.webhooks`, `verifyWebhook` and `webhookHandler` (whose options have the
   * same names). Their header names are `protocol.headers`, shared with requests.
   */
  webhooks: z.prefault(
    z.strictObject({
      /** Accepted distance between a webhook's timestamp and our clock, both ways [twin: ±2 min]. */
      toleranceMs: z._default(nonNegativeInt, SIGNING.timestampToleranceMs),
      /** The acknowledgement body sent with HTTP 200 [doc wording; exact body a default]. */
      ackBody: z._default(nonEmptyString, WEBHOOK_DELIVERY.ackBody),
      /** How long a handled `eventId` is remembered: longer than WPay's ~23.6 h of retries. */
      dedupeTtlMs: z._default(positiveInt, 48 * 60 * 60 * 1000),
      /** How long one delivery holds an `eventId` while the merchant's code runs [derived]. */
      dedupeLeaseMs: z.optional(positiveInt),
      /** How long a concurrent duplicate delivery waits for the first one (WPay waits 15 s). */
      duplicateWaitMs: z._default(nonNegativeInt, 10 * 1000),
      /** How often a waiting duplicate looks again. */
      pollIntervalMs: z._default(positiveInt, 50),
      /** Back-off before each retry of recording a handled event as done (store blips). */
      recordRetryDelaysMs: z._default(z.array(nonNegativeInt), () => [100, 400, 1600]),
      /** Largest accepted webhook body. */
      maxBodyBytes: z._default(positiveInt, 1024 * 1024),
    }),
    {},
  ),
  /** The checkout handler (`wpay.checkoutHandler`; its options have the same names). */
  checkout: z.prefault(
    z.strictObject({
      /** How long an Idempotency-Key answers the same session. */
      idempotencyTtlMs: z._default(positiveInt, 24 * 60 * 60 * 1000),
      /** How long a running request holds its key (a crashed process frees it after this) [derived]. */
      idempotencyLeaseMs: z.optional(positiveInt),
      /** How long a concurrent duplicate waits for the first request. */
      idempotencyWaitMs: z._default(nonNegativeInt, 15 * 1000),
      /** How often a waiting duplicate looks again. */
      pollIntervalMs: z._default(positiveInt, 50),
      /** Largest accepted checkout body. */
      maxBodyBytes: z._default(positiveInt, 64 * 1024),
      /** Deepest accepted nesting of arrays/objects in a JSON checkout body (deeper: 400). */
      maxBodyDepth: z._default(positiveInt, 32),
      /** `payMode` when `resolveOrder` gives none. */
      payMode: z._default(nonEmptyString, PAY_MODES[0]),
    }),
    {},
  ),
  /**
   * `wpay.refunds.createSafely`: how a refund whose answer is in doubt (timeout, lost answer, 5xx)
   * is settled by reading the payment back, never by sending it again.
   */
  refunds: z.prefault(
    z.strictObject({
      /**
       * The payment field holding the total refunded so far, in major units [default: the
       * sandbox's `refundedAmount`; WPay documents no such field]. Without it, only the statuses
       * `PAID` (nothing refunded) and `REFUNDED` (all of it) tell the amount.
       */
      refundedAmountField: z._default(nonEmptyString, 'refundedAmount'),
      /** Reads of the payment after an unconfirmed answer before calling the refund in doubt. */
      readBackAttempts: z._default(positiveInt.check(z.maximum(20)), 3),
      /** The wait before each read-back (WPay may still be processing the refund). */
      readBackIntervalMs: z._default(nonNegativeInt, 1000),
    }),
    {},
  ),
  /** The status handler (`wpay.statusHandler`; its options have the same names). */
  status: z.prefault(
    z.strictObject({
      /** Search of WPay's payment list for `?mchOrderNo=` when `findTrxNo` does not know it. */
      scan: z.prefault(
        z.strictObject({
          maxPages: z._default(positiveInt, 5),
          pageSize: z._default(positiveInt, 50),
        }),
        {},
      ),
    }),
    {},
  ),
};

/**
 * The zod schema of the `WPay` options: credentials, location, runtime and settings. Unknown keys
 * are refused (they are usually typos).
 *
 * @example
 * ```ts
 * const result = wpayOptionsSchema.safeParse({ apiKey: 'k', apiSecret: 's', signKey: 'x', environment: 'sandbox' });
 * ```
 */
export const wpayOptionsSchema = z.strictObject({
  ...credentialsShape,
  ...locationShape,
  ...runtimeShape,
  ...settingsShape,
});

/**
 * The options of `new WPay(…)`.
 *
 * @example
 * ```ts
 * const options: WPayOptions = { apiKey, apiSecret, signKey, environment: 'production', timeoutMs: 10_000 };
 * ```
 */
export type WPayOptions = z.input<typeof wpayOptionsSchema>;

const settingsSchema = z.strictObject(settingsShape);
const SETTING_KEYS = Object.keys(settingsShape) as (keyof typeof settingsShape)[];
/** The `protocol` keys, to point a misplaced top-level `paths: …` at `protocol: { paths: … }`. */
const PROTOCOL_KEYS: ReadonlySet<string> = new Set(Object.keys(protocolShape));

/** The derived defaults filled in: leases and locks follow the timing actually configured. */
function withLeases(s: z.output<typeof settingsSchema>) {
  const leases = leaseDefaults(s);
  return {
    ...s,
    tokenLockTtlMs: s.tokenLockTtlMs ?? leases.tokenLockTtlMs,
    tokenLockWaitMs: s.tokenLockWaitMs ?? leases.tokenLockWaitMs,
    webhooks: {
      ...s.webhooks,
      dedupeLeaseMs: s.webhooks.dedupeLeaseMs ?? leases.webhooks.dedupeLeaseMs,
    },
    checkout: {
      ...s.checkout,
      idempotencyLeaseMs: s.checkout.idempotencyLeaseMs ?? leases.checkout.idempotencyLeaseMs,
    },
  };
}

/**
 * The settings: the options' defaults filled in (`wpay.settings`; no secret, no collaborator).
 *
 * @example
 * ```ts
 * wpay.settings.protocol.paths.refundCreate; // '/checkout/w-payment/refund'
 * ```
 */
export type WPaySettings = ReturnType<typeof withLeases>;

/**
 * The settings every option left out takes: the schema parsed from nothing.
 *
 * @example
 * ```ts
 * settingsDefaults().protocol.headers.signature; // 'SIGNATURE'
 * ```
 */
export function settingsDefaults(): WPaySettings {
  return withLeases(settingsSchema.parse({}));
}

/** Options after validation and merging with the defaults; credentials kept apart. */
export interface ResolvedOptions {
  credentials: { apiKey: string; apiSecret: string; signKey: string; webhookSignKeys: string[] };
  /** Base URL without a trailing slash. */
  baseUrl: string;
  /** The shop's public base URL, the default `publicUrl` of `wpay.checkoutHandler`. */
  publicUrl: string | undefined;
  settings: WPaySettings;
  fetch: typeof fetch;
  /** The Node transport for API calls, when no `fetch` was given and the runtime has one. */
  post: NodeHttpPost | undefined;
  crypto: Pick<Crypto, 'subtle'>;
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  tokenStore: TokenStore | undefined;
  logger: Logger;
  hooks: {
    onRequest?: ((event: WPayRequestEvent) => void) | undefined;
    onResponse?: ((event: WPayResponseEvent) => void) | undefined;
    onRetry?: ((event: WPayRetryEvent) => void) | undefined;
  };
}

/**
 * Waits `ms` milliseconds (the default `sleep`).
 *
 * @example
 * ```ts
 * await defaultSleep(10);
 * ```
 */
export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function fieldOf(issue: z.core.$ZodIssue): string {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  return [...issue.path.map(String), ...keys.slice(0, 1)].join('.') || 'options';
}

/** What to do about the first bad option. */
function fixOf(issue: z.core.$ZodIssue, field: string): string {
  if (issue.code !== 'unrecognized_keys') {
    return `Correct ${field} (${issue.message}); the README's options table lists every option with its default.`;
  }
  const key = issue.keys[0] ?? field;
  if (issue.path.length === 0 && PROTOCOL_KEYS.has(key)) {
    return `${key} is a protocol override: give it as protocol: { ${key}: … }.`;
  }
  return `Remove ${field} or correct its spelling: it is no option (see the README's options table).`;
}

function configError(issues: z.core.$ZodIssue[]): WPayConfigError {
  const first = issues[0];
  const field = first ? fieldOf(first) : 'options';
  const list = issues.map((issue) => `${fieldOf(issue)}: ${issue.message}`).join('; ');
  return new WPayConfigError({
    field,
    message: `Invalid WPay options: ${list}`,
    hint: first ? fixOf(first, field) : 'Pass an options object.',
  });
}

/**
 * Validates `options` and fills in every default.
 *
 * @throws {WPayConfigError} naming the first bad option and its fix (the message lists them all).
 * @example
 * ```ts
 * const resolved = resolveOptions({ apiKey, apiSecret, signKey, environment: 'sandbox' });
 * resolved.baseUrl; // 'https://openapi.stg.stablelink.app'
 * ```
 */
export function resolveOptions(options: WPayOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new WPayConfigError({
      field: 'options',
      message: 'Invalid WPay options: options must be an object',
      hint: "Pass { apiKey, apiSecret, signKey, environment: 'sandbox' } (see the README).",
    });
  }
  const parsed = wpayOptionsSchema.safeParse(options);
  if (!parsed.success) throw configError(parsed.error.issues);
  const o = parsed.data;
  if ((o.environment === undefined) === (o.baseUrl === undefined)) {
    throw new WPayConfigError({
      field: o.environment === undefined ? 'environment' : 'baseUrl',
      message:
        o.environment === undefined
          ? "Invalid WPay options: give either environment ('production' | 'sandbox') or baseUrl"
          : 'Invalid WPay options: give environment or baseUrl, not both',
      hint: "Use environment: 'sandbox' or 'production', or baseUrl for @wpay/sandbox or a proxy.",
    });
  }
  const settings = withLeases(
    Object.fromEntries(SETTING_KEYS.map((key) => [key, o[key]])) as z.output<typeof settingsSchema>,
  );
  const baseUrl = (o.baseUrl ?? settings.protocol.environments[o.environment ?? 'sandbox']).replace(
    /\/+$/,
    '',
  );
  const given = o.fetch ?? globalThis.fetch;
  if (typeof given !== 'function') {
    throw new WPayConfigError({
      field: 'fetch',
      message: 'No fetch in this runtime',
      hint: 'Pass a fetch implementation (e.g. undici) as the fetch option.',
    });
  }
  // Called through a wrapper: browsers and Workers refuse `fetch` invoked as a method of another object.
  const fetchImpl: typeof fetch = (input, init) => given(input, init);
  const crypto = o.crypto ?? globalThis.crypto;
  if (!crypto?.subtle) {
    throw new WPayConfigError({
      field: 'crypto',
      message: 'No Web Crypto (crypto.subtle) in this runtime',
      hint: "Pass { crypto: (await import('node:crypto')).webcrypto } on Node 18.",
    });
  }
  return {
    credentials: {
      apiKey: o.apiKey,
      apiSecret: o.apiSecret,
      signKey: o.signKey,
      webhookSignKeys: o.webhookSignKeys,
    },
    baseUrl,
    publicUrl: o.publicUrl,
    settings,
    fetch: fetchImpl,
    post: o.fetch === undefined ? nodeHttpPost() : undefined,
    crypto,
    now: o.now,
    random: o.random,
    sleep: o.sleep,
    tokenStore: o.tokenStore,
    logger: o.logger,
    hooks: { onRequest: o.onRequest, onResponse: o.onResponse, onRetry: o.onRetry },
  };
}
