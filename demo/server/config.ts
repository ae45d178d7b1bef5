import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Where the demo keeps its SQLite file unless `DEMO_DB` says otherwise. */
export const DEFAULT_DB_PATH = fileURLToPath(new URL('../.data/demo.db', import.meta.url));

/**
 * How often the demo's reconciliation sweep reads its pending orders back from WPay unless
 * `RECONCILE_EVERY_MS` says otherwise: 5 minutes.
 */
export const DEFAULT_RECONCILE_EVERY_MS = 5 * 60 * 1000;

/** Which WPay the demo talks to: the embedded sandbox, or a real WPay account. */
export type WPayTarget =
  | { readonly kind: 'sandbox' }
  | {
      readonly kind: 'real';
      /** Which WPay: a named environment (the server helper knows its URL), or a base URL. */
      readonly endpoint:
        | { readonly environment: 'production' | 'sandbox' }
        | { readonly baseUrl: string };
      readonly apiKey: string;
      readonly apiSecret: string;
      readonly signKey: string;
      /**
       * The hosts of WPay's hosted page (`WPAY_HOSTED_PAGE_HOSTS`, space-separated), set on the
       * buttons as `allowed-hosts`. WPay does not document them; unset, the buttons follow any
       * `https:` redirect (and the widget warns once).
       */
      readonly hostedPageHosts?: string | undefined;
    };

/** The demo's settings, read from the environment by {@link readConfig}. */
export interface DemoConfig {
  readonly port: number;
  readonly host: string;
  readonly dbPath: string;
  /** The shop's public base URL (`PUBLIC_URL`), when it is not the address the server listens on. */
  readonly publicUrl: string | undefined;
  /** How often the reconciliation sweep runs (`RECONCILE_EVERY_MS`, ms; 0: never). */
  readonly reconcileEveryMs: number;
  /** The secret recovery links are signed with (`RECOVERY_SECRET`); unset: random per start. */
  readonly recoverySecret: string | undefined;
  readonly wpay: WPayTarget;
}

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const optional = z.preprocess(blankIsUnset, z.string().trim().min(1).optional());

const envSchema = z.object({
  PORT: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'must be a port number from 0 to 65535' })
      .int('must be a port number from 0 to 65535')
      .min(0, 'must be a port number from 0 to 65535')
      .max(65535, 'must be a port number from 0 to 65535')
      .default(3000),
  ),
  HOST: z.preprocess(blankIsUnset, z.string().default('127.0.0.1')),
  DEMO_DB: z.preprocess(blankIsUnset, z.string().default(DEFAULT_DB_PATH)),
  PUBLIC_URL: z.preprocess(
    blankIsUnset,
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL, such as https://shop.example' })
      .optional(),
  ),
  RECONCILE_EVERY_MS: z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'must be a number of milliseconds (0 turns the sweep off)' })
      .int('must be a whole number of milliseconds')
      .min(0, 'must be 0 (off) or more milliseconds')
      .default(DEFAULT_RECONCILE_EVERY_MS),
  ),
  RECOVERY_SECRET: z.preprocess(
    blankIsUnset,
    z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  ),
  WPAY_HOSTED_PAGE_HOSTS: optional,
  WPAY_API_KEY: optional,
  WPAY_API_SECRET: optional,
  WPAY_SIGN_KEY: optional,
  WPAY_ENV: z.preprocess(
    blankIsUnset,
    z.enum(['production', 'sandbox'], { error: 'must be production or sandbox' }).optional(),
  ),
  WPAY_BASE_URL: z.preprocess(
    blankIsUnset,
    z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL, such as https://openapi.dev.stablelink.app',
      })
      .optional(),
  ),
});

const CREDENTIALS = ['WPAY_API_KEY', 'WPAY_API_SECRET', 'WPAY_SIGN_KEY'] as const;

/**
 * Reads the demo's settings from environment variables. With no `WPAY_*` variable it uses the
 * embedded sandbox; with the three credentials and `WPAY_ENV` or `WPAY_BASE_URL` it uses real
 * WPay; with only some of them it throws, naming what is missing (and never echoing a value).
 *
 * @example
 * ```ts
 * const config = readConfig(process.env);
 * config.wpay.kind; // 'sandbox' unless WPAY_API_KEY, WPAY_API_SECRET and WPAY_SIGN_KEY are set
 * ```
 */
export function readConfig(env: Record<string, string | undefined>): DemoConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid demo settings: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: e.DEMO_DB,
    publicUrl: e.PUBLIC_URL,
    reconcileEveryMs: e.RECONCILE_EVERY_MS,
    recoverySecret: e.RECOVERY_SECRET,
    wpay: wpayTarget(e),
  };
}

function wpayTarget(e: z.infer<typeof envSchema>): WPayTarget {
  const present = CREDENTIALS.filter((name) => e[name] !== undefined);
  if (present.length === 0) {
    if (e.WPAY_BASE_URL === undefined && e.WPAY_ENV === undefined) return { kind: 'sandbox' };
    const where = e.WPAY_BASE_URL !== undefined ? 'WPAY_BASE_URL' : 'WPAY_ENV';
    throw new Error(
      `${where} is set, but real WPay also needs ${CREDENTIALS.join(', ')}. ` +
        `Set them, or unset ${where} to use the embedded sandbox.`,
    );
  }
  if (present.length < CREDENTIALS.length) {
    const missing = CREDENTIALS.filter((name) => e[name] === undefined);
    throw new Error(
      `Real WPay needs ${CREDENTIALS.join(', ')}; missing ${missing.join(', ')}. ` +
        'Unset them all to use the embedded sandbox.',
    );
  }
  if (e.WPAY_BASE_URL === undefined && e.WPAY_ENV === undefined) {
    throw new Error(
      'Real WPay needs WPAY_ENV (production or sandbox) or WPAY_BASE_URL, so that test credentials never hit production by accident.',
    );
  }
  return {
    kind: 'real',
    endpoint:
      e.WPAY_BASE_URL !== undefined
        ? { baseUrl: e.WPAY_BASE_URL }
        : { environment: e.WPAY_ENV ?? 'sandbox' },
    apiKey: e.WPAY_API_KEY!,
    apiSecret: e.WPAY_API_SECRET!,
    signKey: e.WPAY_SIGN_KEY!,
    hostedPageHosts: e.WPAY_HOSTED_PAGE_HOSTS,
  };
}
