/**
 * The options of `new WPay(…)`: credentials, where WPay is, injectable runtime pieces, and every
 * protocol default of wpay-api.md / docs/protocol-defaults.md as a named, overridable setting.
 *
 * @module
 */
import { z } from 'zod';
import { DEFAULTS, leaseDefaults } from './defaults.js';
import { WPayConfigError } from './errors.js';
import type { ExtraCurrencies } from './money.js';
import type { TokenStore } from './stores/token-store.js';
import { withDefaults } from './with-defaults.js';

// DEFAULTS lives in its own module (no zod); docs/protocol-defaults.md names this file.
export { DEFAULTS } from './defaults.js';

/**
 * The settings after merging the options over {@link DEFAULTS}.
 *
 * @example
 * ```ts
 * wpay.settings.paths.refundCreate; // '/checkout/w-payment/refund'
 * ```
 */
export type WPaySettings = {
  -readonly [K in keyof typeof DEFAULTS]: (typeof DEFAULTS)[K] extends Record<string, string>
    ? { [P in keyof (typeof DEFAULTS)[K]]: string }
    : (typeof DEFAULTS)[K];
};

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

/**
 * A minimal structured logger (pino, console and most loggers fit).
 *
 * @example
 * ```ts
 * new WPay({ …, logger: { debug: (m, d) => log.debug(d, m), warn: (m, d) => log.warn(d, m) } });
 * ```
 */
export interface WPayLogger {
  debug?(message: string, data?: Record<string, unknown>): void;
  warn?(message: string, data?: Record<string, unknown>): void;
}

const fn = <T>(name: string) =>
  z.custom<T>((value) => typeof value === 'function', { message: `${name} must be a function` });

const tokenStoreSchema = z.custom<TokenStore>(
  (value) =>
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
  z.string({ message: `${name} is required (a non-empty string)` }).min(1, `${name} is required`);
const positiveInt = z.number().int().positive();
const nonNegativeInt = z.number().int().min(0);
const stringsOf = <K extends string>(keys: readonly K[]) =>
  z
    .object(
      Object.fromEntries(keys.map((key) => [key, z.string().min(1)])) as Record<K, z.ZodString>,
    )
    .partial()
    .strict();

/**
 * The zod schema of the `WPay` options. Unknown keys are refused (they are usually typos).
 *
 * @example
 * ```ts
 * const result = wpayOptionsSchema.safeParse({ apiKey: 'k', apiSecret: 's', signKey: 'x', environment: 'sandbox' });
 * ```
 */
export const wpayOptionsSchema = z
  .object({
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
    webhookSignKeys: z
      .array(z.string().min(1, 'must be a non-empty string'), {
        message: 'webhookSignKeys must be an array of sign keys',
      })
      .optional(),
    /** `'production'` or `'sandbox'` (the twin base URLs); or give `baseUrl`. */
    environment: z
      .enum(['production', 'sandbox'], { message: "environment must be 'production' or 'sandbox'" })
      .optional(),
    /** Base URL of WPay (or of `@wpay/sandbox`), e.g. `http://127.0.0.1:4010`. */
    baseUrl: z
      .url({ protocol: /^https?$/, message: 'baseUrl must be an http(s) URL' })
      .refine(
        (url) => !url.includes('?') && !url.includes('#'),
        'baseUrl must have no query or hash',
      )
      .optional(),
    /**
     * The shop's public base URL, e.g. `'https://shop.example'`: the default `publicUrl` of every
     * `wpay.checkoutHandler` (the trusted origin and the base of relative return URLs). The other
     * handlers ignore it.
     */
    publicUrl: z
      .url({
        protocol: /^https?$/,
        message: "publicUrl must be an http(s) URL, e.g. 'https://shop.example'",
      })
      .refine(
        (url) => !url.includes('?') && !url.includes('#'),
        'publicUrl must have no query or hash',
      )
      .optional(),
    fetch: fn<typeof fetch>('fetch').optional(),
    crypto: z
      .custom<Pick<Crypto, 'subtle'>>(
        (value) => typeof value === 'object' && value !== null && 'subtle' in value,
        { message: 'crypto must provide subtle (Web Crypto)' },
      )
      .optional(),
    now: fn<() => number>('now').optional(),
    random: fn<() => number>('random').optional(),
    sleep: fn<(ms: number) => Promise<void>>('sleep').optional(),
    tokenStore: tokenStoreSchema.optional(),
    logger: z
      .custom<WPayLogger>((value) => typeof value === 'object' && value !== null, {
        message: 'logger must be an object with debug/warn methods',
      })
      .optional(),
    onRequest: fn<(event: WPayRequestEvent) => void>('onRequest').optional(),
    onResponse: fn<(event: WPayResponseEvent) => void>('onResponse').optional(),
    onRetry: fn<(event: WPayRetryEvent) => void>('onRetry').optional(),
    extraCurrencies: z
      .record(
        z.string().regex(/^[A-Z]{3}$/, 'currency codes are three upper-case letters'),
        z.number().int().min(0).max(4),
      )
      .optional(),
    // Every DEFAULTS entry, overridable.
    environments: stringsOf(['production', 'sandbox'] as const).optional(),
    paths: stringsOf(Object.keys(DEFAULTS.paths) as (keyof typeof DEFAULTS.paths)[]).optional(),
    headers: stringsOf(['signature', 'timestamp', 'authorization'] as const).optional(),
    tokenRequestEncoding: z.enum(['multipart', 'urlencoded']).optional(),
    successRetcodes: z.array(z.string().min(1)).min(1).optional(),
    authErrorRetcodes: z.array(z.string().min(1)).optional(),
    authErrorHttpStatuses: z.array(z.number().int()).optional(),
    signatureErrorRetcodes: z.array(z.string().min(1)).optional(),
    authRetryLimit: nonNegativeInt.max(10).optional(),
    tokenRefreshMarginSeconds: nonNegativeInt.optional(),
    accessTokenLifetimeSeconds: positiveInt.optional(),
    refreshTokenLifetimeSeconds: positiveInt.optional(),
    tokenStoreKeyPrefix: z.string().optional(),
    tokenLockTtlMs: positiveInt.optional(),
    tokenLockWaitMs: nonNegativeInt.optional(),
    tokenLockPollMs: positiveInt.optional(),
    timeoutMs: positiveInt.optional(),
    maxRetries: nonNegativeInt.max(10).optional(),
    retryBaseDelayMs: nonNegativeInt.optional(),
    retryMaxDelayMs: nonNegativeInt.optional(),
    retryAfterMaxMs: nonNegativeInt.optional(),
    retryHttpStatuses: z
      .array(z.string().regex(/^\d(?:\d\d|xx)$/, "use '503' or '5xx'"))
      .optional(),
    notSentErrorCodes: z.array(z.string().min(1)).optional(),
    verifyResponses: z.boolean().optional(),
    responseTimestampToleranceMs: nonNegativeInt.optional(),
    paymentStatusCodes: z.record(z.string(), z.number().int()).optional(),
    pageKeys: stringsOf(['records', 'total', 'pageSize', 'pageNo'] as const).optional(),
    mchOrderNoPattern: z.instanceof(RegExp).optional(),
    iteratePageSize: positiveInt.optional(),
    webhooks: z
      .object({
        toleranceMs: nonNegativeInt,
        ackBody: z.string().min(1),
        dedupeTtlMs: positiveInt,
        dedupeLeaseMs: positiveInt,
        duplicateWaitMs: nonNegativeInt,
        pollIntervalMs: positiveInt,
        maxBodyBytes: positiveInt,
      })
      .partial()
      .strict()
      .optional(),
    checkout: z
      .object({
        idempotencyTtlMs: positiveInt,
        idempotencyLeaseMs: positiveInt,
        idempotencyWaitMs: nonNegativeInt,
        pollIntervalMs: positiveInt,
        maxBodyBytes: positiveInt,
        maxBodyDepth: positiveInt,
        payMode: z.string().min(1),
      })
      .partial()
      .strict()
      .optional(),
    refunds: z
      .object({
        refundedAmountField: z.string().min(1),
        readBackAttempts: positiveInt.max(20),
        readBackIntervalMs: nonNegativeInt,
      })
      .partial()
      .strict()
      .optional(),
    status: z
      .object({
        scan: z.object({ maxPages: positiveInt, pageSize: positiveInt }).partial().strict(),
      })
      .partial()
      .strict()
      .optional(),
  })
  .strict();

/**
 * The options of `new WPay(…)`.
 *
 * @example
 * ```ts
 * const options: WPayOptions = { apiKey, apiSecret, signKey, environment: 'production', timeoutMs: 10_000 };
 * ```
 */
export type WPayOptions = z.input<typeof wpayOptionsSchema>;

/** Options after validation and merging with {@link DEFAULTS}; credentials kept apart. */
export interface ResolvedOptions {
  credentials: { apiKey: string; apiSecret: string; signKey: string; webhookSignKeys: string[] };
  /** Base URL without a trailing slash. */
  baseUrl: string;
  /** The shop's public base URL, the default `publicUrl` of `wpay.checkoutHandler`. */
  publicUrl: string | undefined;
  settings: WPaySettings;
  fetch: typeof fetch;
  crypto: Pick<Crypto, 'subtle'>;
  now: () => number;
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  tokenStore: TokenStore | undefined;
  logger: WPayLogger | undefined;
  extraCurrencies: ExtraCurrencies;
  hooks: {
    onRequest?: ((event: WPayRequestEvent) => void) | undefined;
    onResponse?: ((event: WPayResponseEvent) => void) | undefined;
    onRetry?: ((event: WPayRetryEvent) => void) | undefined;
  };
}

/** Waits `ms` milliseconds (the default `sleep`). */
export function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function fieldOf(issue: z.core.$ZodIssue): string {
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  return [...issue.path.map(String), ...keys.slice(0, 1)].join('.') || 'options';
}

function configError(issues: z.core.$ZodIssue[]): WPayConfigError {
  const first = issues[0];
  const field = first ? fieldOf(first) : 'options';
  const list = issues.map((issue) => `${fieldOf(issue)}: ${issue.message}`).join('; ');
  return new WPayConfigError({
    field,
    message: `Invalid WPay options: ${list}`,
    hint: 'Pass apiKey, apiSecret and signKey, and either environment or baseUrl; see the README options table.',
  });
}

/**
 * Validates `options` and merges them over {@link DEFAULTS}.
 *
 * @throws {WPayConfigError} naming the first bad field (the message lists them all).
 * @example
 * ```ts
 * const resolved = resolveOptions({ apiKey, apiSecret, signKey, environment: 'sandbox' });
 * resolved.baseUrl; // 'https://openapi.stg.stablelink.app'
 * ```
 */
export function resolveOptions(options: WPayOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw configError([
      { code: 'custom', path: [], message: 'options must be an object', input: undefined },
    ]);
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
  const environments = withDefaults<WPaySettings['environments']>(
    DEFAULTS.environments,
    o.environments,
  );
  const baseUrl = (o.baseUrl ?? environments[o.environment ?? 'sandbox']).replace(/\/+$/, '');
  const merged = { ...DEFAULTS, ...stripUndefined(o) };
  // Lease and lock defaults follow the timing actually configured; explicit values are kept.
  const { tokenLockTtlMs: _derived, ...timing } = merged;
  const leases = leaseDefaults(
    o.tokenLockTtlMs === undefined ? timing : { ...timing, tokenLockTtlMs: o.tokenLockTtlMs },
  );
  const settings: WPaySettings = {
    ...merged,
    tokenLockTtlMs: o.tokenLockTtlMs ?? leases.tokenLockTtlMs,
    tokenLockWaitMs: o.tokenLockWaitMs ?? leases.tokenLockWaitMs,
    environments,
    paths: withDefaults<WPaySettings['paths']>(DEFAULTS.paths, o.paths),
    headers: withDefaults<WPaySettings['headers']>(DEFAULTS.headers, o.headers),
    pageKeys: withDefaults<WPaySettings['pageKeys']>(DEFAULTS.pageKeys, o.pageKeys),
    paymentStatusCodes: withDefaults(DEFAULTS.paymentStatusCodes, o.paymentStatusCodes),
    webhooks: withDefaults({ ...DEFAULTS.webhooks, ...leases.webhooks }, o.webhooks),
    checkout: withDefaults({ ...DEFAULTS.checkout, ...leases.checkout }, o.checkout),
    refunds: withDefaults(DEFAULTS.refunds, o.refunds),
    status: { scan: withDefaults(DEFAULTS.status.scan, o.status?.scan) },
  };
  const given = o.fetch ?? globalThis.fetch;
  // Called through a wrapper: browsers and Workers refuse `fetch` invoked as a method of another object.
  const fetchImpl: typeof fetch = (input, init) => given(input, init);
  const crypto = o.crypto ?? globalThis.crypto;
  if (typeof given !== 'function') {
    throw new WPayConfigError({
      field: 'fetch',
      message: 'No fetch in this runtime',
      hint: 'Pass a fetch implementation (e.g. undici) as the fetch option.',
    });
  }
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
      webhookSignKeys: o.webhookSignKeys ?? [],
    },
    baseUrl,
    publicUrl: o.publicUrl,
    settings,
    fetch: fetchImpl,
    crypto,
    now: o.now ?? Date.now,
    random: o.random ?? Math.random,
    sleep: o.sleep ?? defaultSleep,
    tokenStore: o.tokenStore,
    logger: o.logger,
    extraCurrencies: o.extraCurrencies ?? {},
    hooks: { onRequest: o.onRequest, onResponse: o.onResponse, onRetry: o.onRetry },
  };
}

const NOT_SETTINGS = new Set([
  'apiKey',
  'apiSecret',
  'signKey',
  'webhookSignKeys',
  'environment',
  'baseUrl',
  'publicUrl',
  'fetch',
  'crypto',
  'now',
  'random',
  'sleep',
  'tokenStore',
  'logger',
  'onRequest',
  'onResponse',
  'onRetry',
  'extraCurrencies',
]);

function stripUndefined(options: Record<string, unknown>): Partial<WPaySettings> {
  return Object.fromEntries(
    Object.entries(options).filter(([key, value]) => value !== undefined && !NOT_SETTINGS.has(key)),
  ) as Partial<WPaySettings>;
}
