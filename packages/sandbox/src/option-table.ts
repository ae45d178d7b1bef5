/** @module The one table of the sandbox's scalar options: schema, default, CLI flag and help. */
import { z } from 'zod';
import { SANDBOX_DEFAULTS as D } from './defaults.js';

/**
 * One scalar option: its zod schema, its default, and (when the CLI has one) its flag. The
 * options schema, the defaults `resolveOptions` fills in, the CLI flags and `--help` are all
 * made from {@link OPTION_TABLE}, so adding an option is a row here and a field (with its doc)
 * in `SandboxOptions`.
 *
 * @example
 * ```ts
 * const row: OptionRow<number> = OPTION_TABLE.timeScale;
 * row.flag?.name; // 'time-scale'
 * ```
 */
export interface OptionRow<T, Default extends T | undefined = T | undefined> {
  schema: z.ZodType<T>;
  /** Filled in when the option is not given; `undefined`: none. */
  default: Default;
  /** The CLI flag: `--name <arg>`, read as a number or as text, with its line of `--help`. */
  flag?: {
    name: string;
    arg: string;
    kind: 'number' | 'text';
    help: string;
    /** What the CLI uses when the flag is not given, if not the option's default. */
    cliDefault?: T;
  };
}

const positive = z.number().positive();
const header = z.string().regex(/^[A-Za-z0-9-]+$/, 'must be an HTTP header name');
const nonEmpty = z.string().min(1);

function row<T, Default extends T | undefined>(
  schema: z.ZodType<T>,
  value: Default,
  flag?: [name: string, arg: string, help: string, cliDefault?: T],
): OptionRow<T, Default> {
  if (!flag) return { schema, default: value };
  const [name, arg, help, cliDefault] = flag;
  const kind = typeof value === 'number' || arg === 'n' || arg === 's' ? 'number' : 'text';
  const shownValue = cliDefault ?? value;
  const shown = shownValue === undefined ? '' : ` (default ${String(shownValue)})`;
  const cli = { name, arg, kind, help: `${help}${shown}` } as const;
  return {
    schema,
    default: value,
    flag: cliDefault === undefined ? cli : { ...cli, cliDefault },
  };
}

/**
 * Every scalar option of `startSandbox` (the nested `credentials` in
 * {@link CREDENTIAL_TABLE}); `faults`, `defaults`, `logger` and `merchants` have schemas of
 * their own in options.ts.
 *
 * @example
 * ```ts
 * OPTION_TABLE.sessionTtlSeconds.default; // 1800
 * ```
 */
export const OPTION_TABLE = {
  port: row(z.number().int().min(0).max(65_535), D.port, [
    'port',
    'n',
    'port (0 = a free one)',
    D.cliPort,
  ]),
  host: row(nonEmpty, D.host, ['host', 'host', 'host to listen on']),
  publicUrl: row(z.url(), undefined, [
    'public-url',
    'url',
    'base of redirectUrl (default http://host:port)',
  ]),
  webhookUrl: row(z.url(), undefined, [
    'webhook-url',
    'url',
    'where webhooks go (default: none, kept)',
  ]),
  timeScale: row(positive, D.timeScale, [
    'time-scale',
    'n',
    'divides webhook retries, the slow card, the reorder hold-back',
  ]),
  seed: row(z.number().int(), D.seed, ['seed', 'n', 'seed of the fault PRNG']),
  tokenTtlSeconds: row(positive, D.tokenTtlSeconds, ['token-ttl', 's', 'access-token lifetime']),
  refreshTokenTtlSeconds: row(positive, D.refreshTokenTtlSeconds, [
    'refresh-token-ttl',
    's',
    'refresh-token lifetime',
  ]),
  sessionTtlSeconds: row(positive, D.sessionTtlSeconds, [
    'session-ttl',
    's',
    'hosted-page lifetime',
  ]),
  timestampToleranceMs: row(z.number().nonnegative(), D.timestampToleranceMs, [
    'timestamp-tolerance-ms',
    'n',
    'accepted TIMESTAMP skew',
  ]),
  signatureHeader: row(header, D.signatureHeader, ['signature-header', 'name', 'header name']),
  timestampHeader: row(header, D.timestampHeader, ['timestamp-header', 'name', 'header name']),
  refreshResponseShape: row(
    z.enum(['bare', 'envelope'], { message: 'must be bare or envelope' }),
    D.refreshResponseShape,
    ['refresh-response-shape', 'shape', 'refresh-grant answer: bare or envelope'],
  ),
  webhookTimeoutMs: row(positive, D.webhookTimeoutMs, [
    'webhook-timeout-ms',
    'n',
    'receiver deadline, not scaled',
  ]),
  slowCardSeconds: row(z.number().nonnegative(), D.slowCardSeconds, [
    'slow-card-seconds',
    's',
    'how long the slow card stays PAYING',
  ]),
  maxFailedRenewals: row(z.number().int().positive(), D.maxFailedRenewals, [
    'max-failed-renewals',
    'n',
    'failed renewals in a row that end a subscription',
  ]),
  data: row(nonEmpty, undefined, [
    'data',
    'path',
    'keep state in this JSON file across restarts (default: in memory only)',
  ]),
  maxPayments: row(z.number().int().positive(), D.maxPayments, [
    'max-payments',
    'n',
    'payments kept per merchant; the oldest beyond it are forgotten',
  ]),
  sessionRetentionSeconds: row(z.number().nonnegative(), D.sessionRetentionSeconds, [
    'session-retention',
    's',
    'how long an expired hosted page still answers before it is forgotten',
  ]),
  maxWebhookEvents: row(z.number().int().positive(), D.maxWebhookEvents, [
    'max-webhook-events',
    'n',
    'webhook events kept per merchant; the oldest beyond it are forgotten',
  ]),
  merchantName: row(z.string().min(1).max(100), D.merchantName, [
    'merchant-name',
    'name',
    'shown on the hosted page',
  ]),
} satisfies Record<string, OptionRow<unknown>>;

/**
 * The `credentials` option's parts, each with its flag and default.
 *
 * @example
 * ```ts
 * CREDENTIAL_TABLE.apiKey.flag?.name; // 'api-key'
 * ```
 */
export const CREDENTIAL_TABLE = {
  apiKey: row(nonEmpty, D.credentials.apiKey, ['api-key', 'key', 'test api_key']),
  apiSecret: row(nonEmpty, D.credentials.apiSecret, ['api-secret', 'secret', 'test api_secret']),
  signKey: row(nonEmpty, D.credentials.signKey, ['sign-key', 'key', 'test signKey']),
} satisfies Record<string, OptionRow<string>>;

/**
 * The values of a table with every default filled in (options without one may be `undefined`).
 *
 * @example
 * ```ts
 * type Scalars = TableValues<typeof OPTION_TABLE>; // { port: number; publicUrl: string | undefined; … }
 * ```
 */
export type TableValues<Table extends Record<string, OptionRow<unknown>>> = {
  [Key in keyof Table]: Table[Key] extends OptionRow<infer T, infer Default>
    ? undefined extends Default
      ? T | undefined
      : T
    : never;
};

/**
 * A table's zod shape, every option optional.
 *
 * @example
 * ```ts
 * z.object(optionalShape(OPTION_TABLE)).strict();
 * ```
 */
export function optionalShape<Table extends Record<string, OptionRow<unknown>>>(
  table: Table,
): { [Key in keyof Table]: z.ZodOptional<Table[Key]['schema']> } {
  return Object.fromEntries(
    Object.entries(table).map(([key, spec]) => [key, spec.schema.optional()]),
  ) as { [Key in keyof Table]: z.ZodOptional<Table[Key]['schema']> };
}

/**
 * A table's values: the given ones, else the defaults.
 *
 * @example
 * ```ts
 * withDefaults(OPTION_TABLE, { port: 8080 }).host; // '127.0.0.1'
 * ```
 */
export function withDefaults<Table extends Record<string, OptionRow<unknown>>>(
  table: Table,
  given: Partial<Record<keyof Table, unknown>>,
): TableValues<Table> {
  return Object.fromEntries(
    Object.entries(table).map(([key, spec]) => [key, given[key] ?? spec.default]),
  ) as TableValues<Table>;
}
