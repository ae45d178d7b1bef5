/** @module `startSandbox`'s options: schema, defaults filled in, messages naming each bad option. */
import { z } from 'zod';
import { API_PATHS } from './api/api-routes.js';
import { type ProtocolDefaults, SANDBOX_DEFAULTS } from './defaults.js';
import { type FaultRuleInput, FaultRuleSchema } from './faults/fault-rule.js';
import { type SandboxFixtureInput, SandboxFixtureSchema } from './fixtures/load-fixtures.js';
import { type SandboxLogger, silentLogger } from './logger.js';
import {
  CREDENTIAL_TABLE,
  OPTION_TABLE,
  optionalShape,
  type TableValues,
  withDefaults,
} from './option-table.js';

/**
 * Test credentials: `apiKey`/`apiSecret` for tokens, `signKey` for signatures.
 *
 * @example
 * ```ts
 * startSandbox({ credentials: { apiKey: 'k', apiSecret: 's', signKey: 'sk' } });
 * ```
 */
export interface SandboxCredentials {
  apiKey: string;
  apiSecret: string;
  signKey: string;
}

/**
 * One more merchant in the same sandbox: its own credentials, sign key, webhook URL, name, fault
 * rules and state (payments, subscriptions, tokens, webhooks), with no cross-talk.
 *
 * @example
 * ```ts
 * startSandbox({ merchants: [{ id: 'north', merchantName: 'North Mugs', webhookUrl: 'http://127.0.0.1:3001/hooks' }] });
 * ```
 */
export interface MerchantOptions {
  /** `[A-Za-z0-9_-]{1,32}`, unique, not `default` (the top-level options' merchant). */
  id: string;
  /** Shown on its hosted pages (default: the id). */
  merchantName?: string;
  /** Default `wpay_test_{id}_api_key`, `wpay_test_{id}_api_secret`, `wpay_test_{id}_sign_key`. */
  credentials?: Partial<SandboxCredentials>;
  /** Where its webhooks go. */
  webhookUrl?: string;
  /** Its fault rules, active from the start. */
  faults?: FaultRuleInput[];
  /** Its payments and subscriptions at start (and after each reset). */
  fixtures?: SandboxFixtureInput;
}

/**
 * A merchant with every default filled in (the top-level options' merchant has id `default`).
 *
 * @example
 * ```ts
 * resolveOptions({}).merchants[0]?.id; // 'default'
 * ```
 */
export interface ResolvedMerchant {
  id: string;
  merchantName: string;
  credentials: SandboxCredentials;
  webhookUrl: string | undefined;
  faults: FaultRuleInput[];
  fixtures: SandboxFixtureInput;
}

/**
 * Options of {@link startSandbox}; every one is optional.
 *
 * @example
 * ```ts
 * const options: SandboxOptions = { port: 0, timeScale: 1000, seed: 7, sessionTtlSeconds: 60 };
 * ```
 */
export interface SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Host to listen on, default `127.0.0.1`. */
  host?: string;
  /** Base URL browsers and clients use (default `http://host:port`); `redirectUrl` starts with it. */
  publicUrl?: string;
  /** Where webhooks go (also `setWebhookUrl`, the control API and `--webhook-url`). */
  webhookUrl?: string;
  /** Divides the webhook retry schedule, the slow card delay and the reorder hold-back. */
  timeScale?: number;
  /** Seed of the fault PRNG. */
  seed?: number;
  /** Test credentials (defaults in `SANDBOX_DEFAULTS.credentials`). */
  credentials?: Partial<SandboxCredentials>;
  tokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  sessionTtlSeconds?: number;
  /** Accepted distance of a request's TIMESTAMP from the real clock, default 120 000 ms. */
  timestampToleranceMs?: number;
  signatureHeader?: string;
  timestampHeader?: string;
  /** Refresh-grant answer: the bare token object (default, as documented) or the envelope. */
  refreshResponseShape?: 'bare' | 'envelope';
  /** Fault rules active from the start. */
  faults?: FaultRuleInput[];
  /** Shown on the hosted page. */
  merchantName?: string;
  /** Receiver deadline, default 15 000 ms (not scaled). */
  webhookTimeoutMs?: number;
  /** How long the slow card stays PAYING, in seconds before `timeScale`, default 30. */
  slowCardSeconds?: number;
  /** Consecutive failed renewals that end a subscription (`EXPIRED`), default 3. */
  maxFailedRenewals?: number;
  /**
   * A JSON file that keeps the state across restarts (`--data`): every merchant's payments,
   * refunds, subscriptions, bills, webhook events and deliveries (with their retry schedule), the
   * clock offset and the counters. Written whole (temp file, then rename) soon after each change
   * and on `close()`; read at start. Access tokens are not kept: clients fetch new ones (a 401
   * first). A file that is not sandbox state is refused with a `SandboxDataError`. Default: none
   * (in memory only).
   */
  data?: string;
  /**
   * Payments each merchant keeps, default 50 000: beyond it the oldest payment is forgotten
   * (with its refunds), so memory stays bounded in a long-running sandbox.
   */
  maxPayments?: number;
  /**
   * Seconds (sandbox clock) a hosted page still answers after its session expired, default
   * 86 400; then the session is forgotten and its page answers 404. The payment stays.
   */
  sessionRetentionSeconds?: number;
  /** Webhook events each merchant keeps with their deliveries, default 100 000; the oldest go. */
  maxWebhookEvents?: number;
  /**
   * Overrides of the protocol [default]s that have no option of their own (time zone, fee,
   * channel, page sizes, hosted-page path, retry schedule, acknowledgement body), e.g.
   * `{ timeZoneOffsetMinutes: 480 }` once WPay's real value is known.
   */
  defaults?: Partial<ProtocolDefaults>;
  /** Where the sandbox logs (default: nowhere). */
  logger?: SandboxLogger;
  /**
   * More merchants in the same sandbox, besides the one the top-level options describe (id
   * `default`): each with its own credentials, sign key, webhook URL, name and state.
   */
  merchants?: MerchantOptions[];
  /**
   * Payments and subscriptions the merchant `default` holds from the start and again after each
   * `reset()` (`--fixture file.json`), loaded through the API's own checks and the ledger.
   */
  fixtures?: SandboxFixtureInput;
}

const DefaultsSchema = z
  .object({
    webhookRetryScheduleSeconds: z.array(z.number().nonnegative()).max(100),
    webhookAckBody: z.string().min(1),
    hostedPagePath: z
      .string()
      .regex(
        /^\/(?!__)[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/,
        'must be a path like /hpp, not under /__',
      )
      .superRefine((path, ctx) => {
        const taken = apiPathUnder(path);
        if (taken !== undefined) ctx.addIssue({ code: 'custom', message: apiClash(path, taken) });
      }),
    channelId: z.string().min(1),
    paymentMethod: z.string().min(1),
    processingFeePercent: z.number().min(0).max(100),
    processingFeeFixed: z.number().nonnegative(),
    gatewayAvailableDays: z.number().int().nonnegative(),
    timeZoneOffsetMinutes: z.number().int().min(-720).max(840),
    defaultPageSize: z.number().int().positive(),
    maxPageSize: z.number().int().positive(),
  })
  .partial()
  .strict()
  .refine(
    (protocol) =>
      (protocol.defaultPageSize ?? SANDBOX_DEFAULTS.defaultPageSize) <=
      (protocol.maxPageSize ?? SANDBOX_DEFAULTS.maxPageSize),
    { message: 'defaultPageSize must not exceed maxPageSize', path: ['defaultPageSize'] },
  );

/**
 * The WPay API path a hosted-page path would cover, if any: the path itself or one below it.
 * The pages answer `${path}/…`, while WPay's exact API paths are answered before any other route,
 * so a page path over one of them would lose those requests without a word: it is refused
 * instead. (The control API and the dashboard live under `/__`, which the pattern refuses.)
 */
function apiPathUnder(path: string): string | undefined {
  return API_PATHS.find((api) => api === path || api.startsWith(`${path}/`));
}

function apiClash(path: string, api: string): string {
  return `"${path}" covers WPay's API path ${api}, which the API answers first (the hosted pages would never see it): choose a path outside the API's, such as ${SANDBOX_DEFAULTS.hostedPagePath} or /pay`;
}

const CredentialsSchema = z.object(optionalShape(CREDENTIAL_TABLE)).strict();

const MerchantSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1-32 of [A-Za-z0-9_-]')
      .refine((id) => id !== SANDBOX_DEFAULTS.defaultMerchantId, {
        message: `"${SANDBOX_DEFAULTS.defaultMerchantId}" names the top-level options' merchant`,
      }),
    merchantName: OPTION_TABLE.merchantName.schema.optional(),
    credentials: CredentialsSchema.optional(),
    webhookUrl: OPTION_TABLE.webhookUrl.schema.optional(),
    faults: z.array(FaultRuleSchema).optional(),
    fixtures: SandboxFixtureSchema.optional(),
  })
  .strict();

const OptionsSchema = z
  .object({
    ...optionalShape(OPTION_TABLE),
    credentials: CredentialsSchema.optional(),
    faults: z.array(FaultRuleSchema).optional(),
    defaults: DefaultsSchema.optional(),
    logger: z
      .custom<SandboxLogger>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          ['warn', 'error'].every(
            (level) => typeof (value as Record<string, unknown>)[level] === 'function',
          ) &&
          ['debug', 'info'].every((level) =>
            ['undefined', 'function'].includes(typeof (value as Record<string, unknown>)[level]),
          ),
        'must have warn and error methods (and optionally debug and info)',
      )
      .optional(),
    merchants: z.array(MerchantSchema).max(100).optional(),
    fixtures: SandboxFixtureSchema.optional(),
  })
  .strict();

/** The merchants of the options, the top-level one first, every default filled in. */
function merchantsOf(parsed: z.infer<typeof OptionsSchema>): ResolvedMerchant[] {
  const first: ResolvedMerchant = {
    id: SANDBOX_DEFAULTS.defaultMerchantId,
    merchantName: parsed.merchantName ?? SANDBOX_DEFAULTS.merchantName,
    credentials: withDefaults(CREDENTIAL_TABLE, parsed.credentials ?? {}),
    webhookUrl: parsed.webhookUrl,
    faults: parsed.faults ?? [],
    fixtures: parsed.fixtures ?? {},
  };
  const more = (parsed.merchants ?? []).map(
    (merchant): ResolvedMerchant => ({
      id: merchant.id,
      merchantName: merchant.merchantName ?? merchant.id,
      credentials: {
        apiKey: `wpay_test_${merchant.id}_api_key`,
        apiSecret: `wpay_test_${merchant.id}_api_secret`,
        signKey: `wpay_test_${merchant.id}_sign_key`,
        ...definedOnly(merchant.credentials),
      },
      webhookUrl: merchant.webhookUrl,
      faults: merchant.faults ?? [],
      fixtures: merchant.fixtures ?? {},
    }),
  );
  return [first, ...more];
}

/** Two merchants may not share an id or an api key (a token request names its merchant by it). */
function merchantClashes(
  merchants: ResolvedMerchant[],
): Array<{ option: string; message: string }> {
  const issues: Array<{ option: string; message: string }> = [];
  merchants.forEach((merchant, index) => {
    const earlier = merchants.slice(0, index);
    const option = index === 0 ? 'credentials' : `merchants.${index - 1}`;
    if (earlier.some((other) => other.id === merchant.id)) {
      issues.push({ option: `${option}.id`, message: `id "${merchant.id}" is used twice` });
    }
    const sameKey = earlier.find(
      (other) => other.credentials.apiKey === merchant.credentials.apiKey,
    );
    if (sameKey) {
      issues.push({
        option: `${option}.credentials.apiKey`,
        message: `the api key of merchant "${sameKey.id}" too: each merchant needs its own`,
      });
    }
  });
  return issues;
}

/**
 * The name of every option of {@link SandboxOptions}.
 *
 * @example
 * ```ts
 * SANDBOX_OPTION_NAMES.includes('timeScale'); // true
 * ```
 */
export const SANDBOX_OPTION_NAMES: readonly string[] = Object.keys(OptionsSchema.shape);

/** Options with every default filled in: the table's, plus the structured ones. */
export type ResolvedOptions = TableValues<typeof OPTION_TABLE> & {
  credentials: SandboxCredentials;
  faults: FaultRuleInput[];
  defaults: ProtocolDefaults;
  logger: SandboxLogger;
  /** Every merchant, the top-level options' one (`default`) first. */
  merchants: ResolvedMerchant[];
};

/**
 * What is wrong with options: one entry per problem, naming the option (`credentials.apiKey`).
 *
 * @example
 * ```ts
 * optionIssues({ timeScale: 0 }); // [{ option: 'timeScale', message: 'Too small: …' }]
 * ```
 */
export function optionIssues(input: unknown): Array<{ option: string; message: string }> {
  const parsed = OptionsSchema.safeParse(input);
  if (parsed.success) return merchantClashes(merchantsOf(parsed.data));
  return parsed.error.issues.map((i) => ({
    option: i.path.join('.') || 'options',
    message: i.message,
  }));
}

/**
 * Validates options and fills in `SANDBOX_DEFAULTS`; throws a message naming each bad option.
 *
 * @example
 * ```ts
 * resolveOptions({ timeScale: 1000 }).sessionTtlSeconds; // 1800
 * ```
 */
export function resolveOptions(input: SandboxOptions = {}): ResolvedOptions {
  const issues = optionIssues(input);
  if (issues.length > 0) {
    const text = issues.map((i) => `${i.option}: ${i.message}`);
    throw new TypeError(`startSandbox: invalid options: ${text.join('; ')}`);
  }
  const parsed = OptionsSchema.parse(input);
  const defaults: ProtocolDefaults = {
    webhookRetryScheduleSeconds: SANDBOX_DEFAULTS.webhookRetryScheduleSeconds,
    webhookAckBody: SANDBOX_DEFAULTS.webhookAckBody,
    hostedPagePath: SANDBOX_DEFAULTS.hostedPagePath,
    channelId: SANDBOX_DEFAULTS.channelId,
    paymentMethod: SANDBOX_DEFAULTS.paymentMethod,
    processingFeePercent: SANDBOX_DEFAULTS.processingFeePercent,
    processingFeeFixed: SANDBOX_DEFAULTS.processingFeeFixed,
    gatewayAvailableDays: SANDBOX_DEFAULTS.gatewayAvailableDays,
    timeZoneOffsetMinutes: SANDBOX_DEFAULTS.timeZoneOffsetMinutes,
    defaultPageSize: SANDBOX_DEFAULTS.defaultPageSize,
    maxPageSize: SANDBOX_DEFAULTS.maxPageSize,
    ...definedOnly(parsed.defaults),
  };

  const scalars = withDefaults(OPTION_TABLE, parsed);
  return {
    ...scalars,
    publicUrl: scalars.publicUrl?.replace(/\/+$/, ''),
    credentials: withDefaults(CREDENTIAL_TABLE, parsed.credentials ?? {}),
    faults: parsed.faults ?? [],
    defaults,
    logger: parsed.logger ?? silentLogger,
    merchants: merchantsOf(parsed),
  };
}

/** `partial`'s entries that are not `undefined`, so spreading them over defaults keeps those. */
function definedOnly<T extends object>(
  partial: T | undefined,
): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(
    Object.entries(partial ?? {}).filter(([, value]) => value !== undefined),
  ) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
