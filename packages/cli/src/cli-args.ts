/** @module `wpay doctor`'s flags: parsed, checked, with a message naming the bad one. */
import { parseArgs } from 'node:util';
import { DOCTOR_DEFAULTS } from './doctor-defaults.js';

/**
 * The command line, once read.
 *
 * @example
 * ```ts
 * parseCliArgs(['doctor', '--shop', 'http://localhost:3000', '--json']).json; // true
 * ```
 */
export interface CliArgs {
  command: 'doctor' | 'help' | 'version';
  shop: string;
  routes: { checkout?: string; webhook?: string; status?: string; page?: string };
  checkoutBody?: Record<string, unknown>;
  credentialsFrom?: string;
  sandboxPort?: number;
  sandboxHost: string;
  env?: 'sandbox' | 'production';
  printEnv: boolean;
  waitForShopSeconds: number;
  json: boolean;
}

/** `wpay --help`. */
export const USAGE = `Usage: wpay doctor [options]

Probes a running shop's WPay integration and prints each named check as PASS / FAIL with the fix.
Exit code 0 when no check fails, 1 when one does, 2 for a bad option.

By default it starts an embedded WPay sandbox (on --sandbox-port, with the credentials of
--credentials-from or the sandbox's test credentials): start the shop with the lines that
\`wpay doctor --print-env\` prints (WPAY_BASE_URL, WPAY_API_KEY, WPAY_API_SECRET, WPAY_SIGN_KEY).

  --shop URL              the shop's base URL (default http://localhost:3000)
  --checkout-path PATH    POST route behind <wpay-button> (default ${DOCTOR_DEFAULTS.routes.checkout})
  --webhook-path PATH     POST route WPay sends events to (default ${DOCTOR_DEFAULTS.routes.webhook})
  --status-path PATH      GET route <wpay-return> polls (default ${DOCTOR_DEFAULTS.routes.status})
  --page-path PATH        a page with a <wpay-button> (default ${DOCTOR_DEFAULTS.routes.page})
  --checkout-body JSON    what the button posts (default: the page's first <wpay-button> data-*)
  --credentials-from FILE a .env file with WPAY_API_KEY, WPAY_API_SECRET, WPAY_SIGN_KEY and
                          WPAY_BASE_URL (its port is the sandbox's) — the shop's own .env
  --sandbox-port N        the embedded sandbox's port (default: WPAY_BASE_URL's, else ${DOCTOR_DEFAULTS.sandboxPort})
  --sandbox-host HOST     the embedded sandbox's interface (default 127.0.0.1)
  --print-env             print the WPAY_* lines of the embedded sandbox, then exit
  --wait-for-shop S       wait up to S seconds for the shop to answer (default 30)
  --env sandbox|production
                          no embedded sandbox: a token fetch and one signed read against that
                          real WPay (credentials from --credentials-from or WPAY_* variables);
                          no payment is made
  --json                  the report as JSON, for CI
  -h, --help              this text
  --version               the version`;

/**
 * Parses `argv` (without `node` and the script); throws an `Error` naming the bad flag.
 *
 * @example
 * ```ts
 * parseCliArgs(['doctor', '--sandbox-port', '0']).sandboxPort; // 0
 * ```
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      shop: { type: 'string' },
      'checkout-path': { type: 'string' },
      'webhook-path': { type: 'string' },
      'status-path': { type: 'string' },
      'page-path': { type: 'string' },
      'checkout-body': { type: 'string' },
      'credentials-from': { type: 'string' },
      'sandbox-port': { type: 'string' },
      'sandbox-host': { type: 'string' },
      env: { type: 'string' },
      'print-env': { type: 'boolean' },
      'wait-for-shop': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
  const base = {
    shop: url('--shop', values.shop ?? 'http://localhost:3000'),
    routes: {
      ...path('checkout', values['checkout-path'], '--checkout-path'),
      ...path('webhook', values['webhook-path'], '--webhook-path'),
      ...path('status', values['status-path'], '--status-path'),
      ...path('page', values['page-path'], '--page-path'),
    },
    sandboxHost: values['sandbox-host'] ?? '127.0.0.1',
    printEnv: values['print-env'] ?? false,
    waitForShopSeconds: number('--wait-for-shop', values['wait-for-shop'] ?? '30'),
    json: values.json ?? false,
  };
  if (values.help) return { ...base, command: 'help' };
  if (values.version) return { ...base, command: 'version' };
  const [command, ...rest] = positionals;
  if (command !== 'doctor') {
    throw new Error(
      command === undefined
        ? 'name a command: wpay doctor'
        : `unknown command "${command}" (the command is doctor)`,
    );
  }
  if (rest.length > 0) throw new Error(`unexpected argument "${rest[0]}"`);
  const args: CliArgs = { ...base, command: 'doctor' };
  if (values['checkout-body'] !== undefined) args.checkoutBody = body(values['checkout-body']);
  if (values['credentials-from'] !== undefined) args.credentialsFrom = values['credentials-from'];
  if (values['sandbox-port'] !== undefined) {
    const port = number('--sandbox-port', values['sandbox-port']);
    if (!Number.isInteger(port) || port > 65535)
      throw new Error('--sandbox-port must be a port number from 0 to 65535');
    args.sandboxPort = port;
  }
  if (values.env !== undefined) {
    if (values.env !== 'sandbox' && values.env !== 'production')
      throw new Error('--env must be sandbox or production');
    args.env = values.env;
  }
  return args;
}

function url(flag: string, value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.href;
  } catch {}
  throw new Error(`${flag} must be an http(s) URL such as http://localhost:3000, not "${value}"`);
}

function path<K extends string>(
  key: K,
  value: string | undefined,
  flag: string,
): Partial<Record<K, string>> {
  if (value === undefined) return {};
  if (!value.startsWith('/'))
    throw new Error(`${flag} must be a path starting with /, not "${value}"`);
  return { [key]: value } as Partial<Record<K, string>>;
}

function number(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0)
    throw new Error(`${flag} must be a number of 0 or more, not "${value}"`);
  return parsed;
}

function body(value: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {}
  throw new Error(`--checkout-body must be a JSON object such as '{"sku":"mug"}', not ${value}`);
}
