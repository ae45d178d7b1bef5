import { parseArgs } from 'node:util';
import { SANDBOX_DEFAULTS } from './defaults.js';
import { parseFaultFlag } from './fault-rule.js';
import type { SandboxOptions } from './options.js';

/** The CLI's usage text. */
export const USAGE = `Usage: wpay-sandbox [options]

A local WPay: API, hosted payment page, signed webhooks, faults, dashboard.

Options:
  --port <n>                    port (default ${SANDBOX_DEFAULTS.cliPort}; 0 = random)
  --host <host>                 host (default ${SANDBOX_DEFAULTS.host})
  --public-url <url>            base URL browsers use (default http://host:port)
  --webhook-url <url>           where webhooks go
  --time-scale <n>              divide webhook retry delays and the slow card by n (default 1)
  --seed <n>                    seed of the fault PRNG (default ${SANDBOX_DEFAULTS.seed})
  --fault <rule>                e.g. kind=http-5xx,path=/checkout/w-payment/hpp,times=2 (repeatable)
  --token-ttl <s>               access-token lifetime (default ${SANDBOX_DEFAULTS.tokenTtlSeconds})
  --refresh-token-ttl <s>       refresh-token lifetime (default ${SANDBOX_DEFAULTS.refreshTokenTtlSeconds})
  --session-ttl <s>             hosted-page lifetime (default ${SANDBOX_DEFAULTS.sessionTtlSeconds})
  --timestamp-tolerance-ms <n>  signature timestamp window (default ${SANDBOX_DEFAULTS.timestampToleranceMs})
  --signature-header <name>     default ${SANDBOX_DEFAULTS.signatureHeader}
  --timestamp-header <name>     default ${SANDBOX_DEFAULTS.timestampHeader}
  --refresh-response-shape <s>  bare (default) or envelope
  --webhook-timeout-ms <n>      receiver deadline (default ${SANDBOX_DEFAULTS.webhookTimeoutMs})
  --slow-card-seconds <s>       how long the slow card stays PAYING (default ${SANDBOX_DEFAULTS.slowCardSeconds})
  --max-failed-renewals <n>     failed renewals in a row that end a subscription (default ${SANDBOX_DEFAULTS.maxFailedRenewals})
  --merchant-name <name>        shown on the hosted page
  --api-key, --api-secret, --sign-key <value>   test credentials
  --verbose                     log every request and webhook attempt
  --help                        show this text
`;

/** What the command line asks for. */
export type CliRequest =
  | { help: true }
  | { help: false; verbose: boolean; options: SandboxOptions };

const NUMBER_FLAGS = {
  port: 'port',
  'time-scale': 'timeScale',
  seed: 'seed',
  'token-ttl': 'tokenTtlSeconds',
  'refresh-token-ttl': 'refreshTokenTtlSeconds',
  'session-ttl': 'sessionTtlSeconds',
  'timestamp-tolerance-ms': 'timestampToleranceMs',
  'webhook-timeout-ms': 'webhookTimeoutMs',
  'slow-card-seconds': 'slowCardSeconds',
  'max-failed-renewals': 'maxFailedRenewals',
} as const;

const TEXT_FLAGS = {
  host: 'host',
  'public-url': 'publicUrl',
  'webhook-url': 'webhookUrl',
  'signature-header': 'signatureHeader',
  'timestamp-header': 'timestampHeader',
  'merchant-name': 'merchantName',
} as const;

/**
 * Turns `wpay-sandbox` arguments into `startSandbox` options; throws a message naming a bad flag.
 *
 * @example
 * ```ts
 * parseCliArgs(['--port', '0', '--fault', 'kind=latency,latencyMs=100']);
 * ```
 */
export function parseCliArgs(argv: readonly string[]): CliRequest {
  const flags = [
    ...Object.keys(NUMBER_FLAGS),
    ...Object.keys(TEXT_FLAGS),
    'refresh-response-shape',
    'api-key',
    'api-secret',
    'sign-key',
  ];
  const { values: parsed } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      ...Object.fromEntries(flags.map((flag) => [flag, { type: 'string' as const }])),
      fault: { type: 'string', multiple: true },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const values = parsed as Record<string, string | boolean | string[] | undefined>;
  if (values.help) return { help: true };
  const options: Record<string, unknown> = { port: SANDBOX_DEFAULTS.cliPort };
  for (const [flag, key] of Object.entries(NUMBER_FLAGS)) {
    const value = values[flag];
    if (typeof value !== 'string') continue;
    const number = Number(value);
    if (value.trim() === '' || !Number.isFinite(number))
      throw new Error(`--${flag}: expected a number, got "${value}"`);
    options[key] = number;
  }
  for (const [flag, key] of Object.entries(TEXT_FLAGS)) {
    if (typeof values[flag] === 'string') options[key] = values[flag];
  }
  const shape = values['refresh-response-shape'];
  if (typeof shape === 'string') {
    if (shape !== 'bare' && shape !== 'envelope')
      throw new Error('--refresh-response-shape: bare or envelope');
    options.refreshResponseShape = shape;
  }
  const credentials: Record<string, string> = {};
  if (typeof values['api-key'] === 'string') credentials.apiKey = values['api-key'];
  if (typeof values['api-secret'] === 'string') credentials.apiSecret = values['api-secret'];
  if (typeof values['sign-key'] === 'string') credentials.signKey = values['sign-key'];
  if (Object.keys(credentials).length > 0) options.credentials = credentials;
  const faults = values.fault;
  if (Array.isArray(faults)) options.faults = faults.map((flag) => parseFaultFlag(String(flag)));
  return { help: false, verbose: values.verbose === true, options: options as SandboxOptions };
}
